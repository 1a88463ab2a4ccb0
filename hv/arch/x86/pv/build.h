/* The PV domain builder: Xen's boot protocol for 32-bit PAE guests, so the
 * same ELF boots here and on Xen. The guest starts in ring 1 on bootstrap
 * page tables that map its initial region from VIRT_BASE:
 *
 *   kernel | module | p2m list | start_info | store | console |
 *   page tables (L3, L2s, L1s; read-only, pinned) | stack | >= 512 KiB free
 *
 * rounded up to 4 MiB, with %esi pointing at start_info. */
#ifndef ARCH_X86_PV_BUILD_H
#define ARCH_X86_PV_BUILD_H

#include <stddef.h>
#include <stdint.h>

struct domain;

struct pv_image {
	const uint8_t *elf;
	size_t elf_len;
	const uint8_t *module;           /* the initrd; NULL (or empty) for none */
	size_t module_len;
	const char *cmdline;             /* the guest's own (after "--") */
	uint32_t nr_pages;               /* its memory */
	const uint32_t *frames;          /* NULL, or its nr_pages frames: d's and
					  * zeroed already */
};

/* Build d from img. Returns 0, or -1 with err saying why (the image is not
 * a 32-bit PAE PV guest, the memory is too small, ...). On error the
 * caller destroys d. */
int pv_build(struct domain *d, const struct pv_image *img, char *err, size_t errlen);

#endif
