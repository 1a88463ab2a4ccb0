/* The domain builder's plan of the initial region (see build.h), made from
 * the ELF and its notes before a byte is written, and the one way the
 * builder turns an address of the region into a machine frame.
 *
 * Every address the plan keeps was checked in 64-bit arithmetic to lie in
 * [VIRT_BASE, the hole): no ELF field can make it wrap past 4 GiB. */
#ifndef ARCH_X86_PV_BUILD_LAYOUT_H
#define ARCH_X86_PV_BUILD_LAYOUT_H

#include <stddef.h>
#include <stdint.h>
#include "elf/bsd_symtab.h"

struct domain;
struct elf_summary;
struct pv_image;
struct xen_notes;

/* mem= may not ask for more frames than 4 GiB: the p2m list's size in bytes
 * must fit 32 bits. */
#define LAYOUT_MAX_PAGES (1u << 20)

struct layout {
	uint32_t v_start, v_end;          /* the region: VIRT_BASE up */
	uint32_t kstart, kend, entry;     /* the kernel image, as loaded, its symbols included */
	uint32_t sym_va;                  /* the BSD_SYMTAB table, when sym.size */
	struct bsd_symtab sym;
	int64_t virt_offset;              /* a segment's address is p_paddr + this */
	uint32_t mod_va, p2m_va, si_va, store_va, cons_va, pt_va, stack_va;
	uint32_t nr_pt;                   /* page-table frames */
	uint32_t nr_pages;                /* the domain's memory; mfns[] has as many */
	const uint32_t *mfns;             /* pfn -> mfn, set before layout_fill */
};

/* Plan the region of img. Returns 0, or -1 with err naming the field that
 * puts something outside the region (or makes it too large). */
int layout_plan(struct layout *l, const struct pv_image *img, const struct xen_notes *n,
		const struct elf_summary *sum, char *err, size_t errlen);

/* The machine frame behind va, or FRAME_NONE when va is outside the region
 * or the p2m. */
uint32_t layout_mfn(const struct layout *l, uint64_t va);

/* L2 page tables of the region, the top gigabyte's included. */
uint32_t layout_l2_count(const struct layout *l);

/* Write the region of d, whose frames are l->mfns: segments, module, p2m
 * list, start_info, hypercall page, page tables. Writes nothing outside the
 * region; returns -1 with err when the plan would have it (a bug). */
int layout_fill(const struct layout *l, const struct pv_image *img, const struct xen_notes *n,
		const struct domain *d, char *err, size_t errlen);

#endif
