/* The ELF notes that make an image a PV guest: what it needs from the
 * domain builder (entry, virtual base, hypercall page) and what it claims
 * to be (PAE, loader, Xen interface version). */
#ifndef ELF_XEN_NOTES_H
#define ELF_XEN_NOTES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define XEN_NOTE_STR_MAX 64

struct xen_notes {
	uint32_t seen;                      /* bit n: note type n was present */
	uint32_t nr_xen;                    /* notes named "Xen", known or not */
	bool from_sections;                 /* found in SHT_NOTE sections */
	uint32_t entry, virt_base, paddr_offset, hypercall_page;
	char guest_os[XEN_NOTE_STR_MAX];
	char xen_version[XEN_NOTE_STR_MAX];
	char loader[XEN_NOTE_STR_MAX];
	char pae_mode[XEN_NOTE_STR_MAX];
	char features[XEN_NOTE_STR_MAX];
	char bsd_symtab[XEN_NOTE_STR_MAX];
};

#define XEN_NOTE_SEEN(n, type) ((n)->seen & (1u << (type)))

/* Read every "Xen" note of the PT_NOTE segments of an image elf_check
 * accepted or, as Xen's loader does when they hold none, of its SHT_NOTE
 * sections. Returns 0, or -1 with err saying what is malformed: a note
 * running past its segment or section, a section table or note section
 * outside the image, a string without its NUL, a number that is not 4 or 8
 * bytes or does not fit 32 bits. Unknown note types are skipped. */
int xen_notes_parse(const void *img, size_t len, struct xen_notes *n, char *err, size_t errlen);

/* Is it a guest for this ABI: 32-bit PAE, the generic loader, Xen 3.0's
 * interface? (The questions Xen asks.) Returns 0, or -1 with err naming
 * the note and whether it is missing or says something else. */
int xen_notes_check(const struct xen_notes *n, char *err, size_t errlen);

#endif
