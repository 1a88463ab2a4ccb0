/* The hypervisor's own function names, for register dumps and backtraces.
 * The table is generated from the first link (gen_ksyms.py) and linked into
 * the second. */
#ifndef KSYMS_H
#define KSYMS_H

#include <stddef.h>
#include <stdint.h>

/* The function containing addr, and addr's offset into it; NULL if none. */
const char *ksym_lookup(uintptr_t addr, uint32_t *offset);

/* "name+0x1c" when addr is inside a known function, else "0x<addr>". */
void ksym_describe(char *buf, size_t size, uintptr_t addr);

#endif
