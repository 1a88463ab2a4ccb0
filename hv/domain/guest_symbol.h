/* Naming a guest's code in its crash dump from the symbol table the
 * builder loaded after its kernel (BSD_SYMTAB, elf/bsd_symtab.h). */
#ifndef DOMAIN_GUEST_SYMBOL_H
#define DOMAIN_GUEST_SYMBOL_H

#include <stddef.h>
#include <stdint.h>

struct domain;

/* " <name+0xoff>" (a space first) for the function of d that holds eip, read through d's
 * own page tables, which must be the ones loaded; "" when d has no table,
 * the table is not there any more (the guest may overwrite it) or no
 * function holds eip. Bounded: at most GUEST_SYMBOL_MAX symbols are looked
 * at. */
#define GUEST_SYMBOL_MAX 65536u
void guest_symbol(const struct domain *d, uint32_t eip, char *out, size_t outlen);

#endif
