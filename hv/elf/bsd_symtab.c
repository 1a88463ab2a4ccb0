/* The symbol table loaded after the kernel (bsd_symtab.h has the layout).
 * Sizes are summed in 64 bits: the table's size is bounded by the image's,
 * which a domain's memory bounds again when the region is planned. */
#include "elf/bsd_symtab.h"
#include "elf/elf_sections.h"
#include "elf/xen_notes.h"
#include "lib/le.h"
#include "lib/string.h"
#include "pvabi/elfnote.h"

/* Xen lays the header out as a structure of unions sized for 64-bit ELF:
 * the ELF header takes 64 bytes, each section header slot 64, so the
 * section headers start 64 bytes after the ELF header and the symbols
 * 4 + 64 + 3 * 64 bytes after the table's start. */
#define SHDR_AT   68u                     /* after the size word and the ELF header */

static uint32_t round4(uint64_t v)
{
	return (uint32_t)((v + 3) & ~3ull);
}

int bsd_symtab_plan(const void *img, size_t len, const struct xen_notes *n, struct bsd_symtab *t,
		    char *err, size_t errlen)
{
	memset(t, 0, sizeof(*t));
	if (!XEN_NOTE_SEEN(n, XEN_ELFNOTE_BSD_SYMTAB) || strcmp(n->bsd_symtab, "yes") != 0)
		return 0;
	int count = elf_section_count(img, len, err, errlen);
	if (count < 0)
		return -1;
	const uint8_t *p = img;
	for (int i = 0; i < count; i++) {
		struct elf32_shdr sh;
		memcpy(&sh, p + le32(p + 32) + (size_t)i * sizeof(sh), sizeof(sh));
		if (sh.sh_type != SHT_SYMTAB)
			continue;
		if (elf_section(img, len, (uint32_t)i, &t->symtab, err, errlen) < 0)
			return -1;
		if (sh.sh_link >= (uint32_t)count)
			return 0;
		if (elf_section(img, len, sh.sh_link, &t->strtab, err, errlen) < 0)
			return -1;
		if (t->strtab.sh_type != SHT_STRTAB)
			return 0;
		/* Both lie in the image: the sum stays far below 4 GiB. */
		t->size = round4(round4((uint64_t)BSD_SYMTAB_HEADER + t->symtab.sh_size) +
				 t->strtab.sh_size);
		return 0;
	}
	return 0;
}

void bsd_symtab_pieces(const struct bsd_symtab *t, const void *img, uint8_t header[BSD_SYMTAB_HEADER],
		       struct bsd_symtab_piece out[3])
{
	struct elf32_ehdr eh;
	struct elf32_shdr sh[3] = { { 0 }, t->symtab, t->strtab };
	uint32_t sym_at = BSD_SYMTAB_HEADER;
	uint32_t str_at = round4((uint64_t)sym_at + t->symtab.sh_size);

	memcpy(&eh, img, sizeof(eh));
	eh.e_phoff = 0;
	eh.e_phentsize = 0;
	eh.e_phnum = 0;
	eh.e_shoff = SHDR_AT - 4;
	eh.e_shentsize = sizeof(struct elf32_shdr);
	eh.e_shnum = 3;
	eh.e_shstrndx = 0;
	eh.e_ehsize = sizeof(eh);
	eh.e_version = EV_CURRENT;
	/* Offsets count from the ELF header, 4 bytes in. */
	sh[1].sh_offset = sym_at - 4;
	sh[1].sh_link = 2;
	sh[2].sh_offset = str_at - 4;
	uint32_t size = str_at - 4 + t->strtab.sh_size;
	memset(header, 0, BSD_SYMTAB_HEADER);
	memcpy(header, &size, 4);
	memcpy(header + 4, &eh, sizeof(eh));
	memcpy(header + SHDR_AT, sh, sizeof(sh));
	const uint8_t *p = img;
	out[0] = (struct bsd_symtab_piece){ 0, BSD_SYMTAB_HEADER, header };
	out[1] = (struct bsd_symtab_piece){ sym_at, t->symtab.sh_size, p + t->symtab.sh_offset };
	out[2] = (struct bsd_symtab_piece){ str_at, t->strtab.sh_size, p + t->strtab.sh_offset };
}
