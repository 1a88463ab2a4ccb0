/* Reading the guest's symbol table at crash time, through checked copies
 * only: the table is guest memory, which the guest may have changed or
 * unmapped, so every field is a guest value and every read may fail. */
#include "domain/guest_symbol.h"
#include "arch/x86/uaccess.h"
#include "domain/domain.h"
#include "elf/bsd_symtab.h"
#include "lib/format.h"
#include "lib/string.h"

#define CHUNK 32u                         /* symbols per copy */

struct best {
	uint32_t value, name;
	bool found;
};

static void scan(const struct elf32_shdr *st, uint32_t base, uint32_t eip, struct best *b)
{
	struct elf32_sym syms[CHUNK];
	uint64_t nr = st->sh_size / sizeof(struct elf32_sym);

	if (nr > GUEST_SYMBOL_MAX)
		nr = GUEST_SYMBOL_MAX;
	for (uint64_t i = 0; i < nr; i += CHUNK) {
		uint32_t n = nr - i < CHUNK ? (uint32_t)(nr - i) : CHUNK;
		uint64_t at = (uint64_t)base + st->sh_offset + i * sizeof(struct elf32_sym);
		if (at + n * sizeof(struct elf32_sym) > UINT32_MAX ||
		    copy_from_guest(syms, guest_ptr((uint32_t)at), n * sizeof(struct elf32_sym)))
			return;
		for (uint32_t k = 0; k < n; k++) {
			const struct elf32_sym *s = &syms[k];
			if (ELF32_ST_TYPE(s->st_info) != STT_FUNC || s->st_value > eip)
				continue;
			if (s->st_size && eip - s->st_value >= s->st_size)
				continue;
			if (!b->found || s->st_value > b->value)
				*b = (struct best){ s->st_value, s->st_name, true };
		}
	}
}

void guest_symbol(const struct domain *d, uint32_t eip, char *out, size_t outlen)
{
	struct elf32_shdr sh[3];
	struct best b = { 0 };
	char name[48];

	out[0] = '\0';
	if (!d->symtab_va)
		return;
	/* The section headers sit 64 bytes after the ELF header. */
	if (copy_from_guest(sh, guest_ptr(d->symtab_va + 64), sizeof(sh)) ||
	    sh[1].sh_type != SHT_SYMTAB || sh[2].sh_type != SHT_STRTAB)
		return;
	scan(&sh[1], d->symtab_va, eip, &b);
	if (!b.found || b.name >= sh[2].sh_size)
		return;
	uint64_t at = (uint64_t)d->symtab_va + sh[2].sh_offset + b.name;
	uint32_t len = sh[2].sh_size - b.name < sizeof(name) - 1 ? sh[2].sh_size - b.name
								    : sizeof(name) - 1;
	if (at + len > UINT32_MAX || copy_from_guest(name, guest_ptr((uint32_t)at), len))
		return;
	name[len] = '\0';
	format(out, outlen, " <%s+0x%x>", name, eip - b.value);
}
