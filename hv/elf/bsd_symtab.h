/* XEN_ELFNOTE_BSD_SYMTAB: an image whose note says "yes" gets its symbol
 * table loaded after its kernel, as Xen's loader lays it out, at the end
 * of the loaded image rounded up to 4 bytes:
 *
 *   +0    uint32_t size: the bytes from the ELF header to the strtab's end
 *   +4    an ELF header (the image's, with e_shoff 64, e_shnum 3,
 *         e_shentsize 40, e_ehsize 52, no program headers, e_shstrndx 0)
 *   +68   three section headers: null, SYMTAB (sh_link 2), STRTAB, their
 *         sh_offset counted from the ELF header
 *   +260  the symbols (sh_offset 256), then (4-byte aligned) their strings
 *
 * (Xen sizes its header as if for 64-bit ELF, hence the gaps; the bytes
 * in them are 0.)
 *
 * An image with no SHT_SYMTAB, or whose symtab does not link to a STRTAB,
 * gets nothing (Xen warns and loads nothing). */
#ifndef ELF_BSD_SYMTAB_H
#define ELF_BSD_SYMTAB_H

#include <stddef.h>
#include <stdint.h>
#include "elf/elf.h"

struct xen_notes;

#define BSD_SYMTAB_HEADER 260u            /* size word, ELF header, 3 section headers */

struct bsd_symtab {
	uint32_t size;                    /* bytes it takes after the kernel; 0: none */
	struct elf32_shdr symtab, strtab; /* as the image has them */
};

/* What the table of img will be. Returns 0 (t->size 0 when there is none
 * to load), or -1 with err when the symtab or strtab the image names lies
 * outside it. */
int bsd_symtab_plan(const void *img, size_t len, const struct xen_notes *n, struct bsd_symtab *t,
		    char *err, size_t errlen);

/* The three pieces to copy, each at its offset from the table's start. */
struct bsd_symtab_piece {
	uint32_t at, len;
	const uint8_t *src;
};
void bsd_symtab_pieces(const struct bsd_symtab *t, const void *img, uint8_t header[BSD_SYMTAB_HEADER],
		       struct bsd_symtab_piece out[3]);

#endif
