/* The page-type system: what lets guests manage their own page tables with
 * no shadow copies. Every frame a guest uses has an owner, a type and two
 * counts in the frame table:
 *
 *   count      general references: the allocation itself, each mapping in a
 *              validated L1, each page-table entry pointing at it, each pin
 *              and each use as a CR3 base. The frame is freed when it drops
 *              to zero.
 *   type count references that need the frame to keep its type: a writable
 *              mapping needs FT_WRITABLE; an L1/L2/L3 entry pointing at a
 *              page table needs that table's type. While the type count is
 *              non-zero the type cannot change.
 *
 * So a frame mapped writable anywhere cannot become a page table, and a page
 * table cannot be mapped writable. A frame becomes a page table by being
 * validated: every entry is checked and takes its own references, so the
 * check is recursive. When a page table's type count drops to zero its
 * entries drop their references again (eagerly). */
#ifndef ARCH_X86_PV_PAGETYPE_H
#define ARCH_X86_PV_PAGETYPE_H

#include <stdbool.h>
#include <stdint.h>
#include "arch/x86/paging.h"
#include "mm/mm.h"

struct domain;

/* The bits a guest may set in each level; anything else is refused. These
 * are the bits Xen takes from a 32-bit guest: no cache bits (PWT, PCD) in
 * L2 and L3 entries; RW, US, A and D in an L3 entry are accepted but are
 * reserved in a PAE PDPTE, so L3_STRIPPED never reaches the CPU. */
#define L1_ALLOWED   (PTE_ADDR | PTE_P | PTE_RW | PTE_US | PTE_PWT | PTE_PCD | PTE_A | \
		      PTE_D | PTE_PS /* PAT */ | PTE_G | 0xe00 /* available */)
#define L2_ALLOWED   (PTE_ADDR | PTE_P | PTE_RW | PTE_US | PTE_A | \
		      PTE_D /* ignored by the CPU; Linux sets it */ | 0xe00)
#define L3_ALLOWED   (PTE_ADDR | PTE_P | L3_STRIPPED | 0xe00)
#define L3_STRIPPED  (PTE_RW | PTE_US | PTE_A | PTE_D)

#define PT_ENTRIES   512
#define L3_ENTRIES   4      /* a PAE L3 uses the first 4 entries of its page */

/* A general reference on a frame owned by d: false if d does not own it. */
bool get_page(uint32_t mfn, const struct domain *d);
void put_page(uint32_t mfn);

/* A type reference. Validates the frame when it takes on a page-table type.
 * Returns 0 or a negative Xen errno. */
int get_page_type(uint32_t mfn, enum frame_type type, const struct domain *d);
void put_page_type(uint32_t mfn);

int get_page_and_type(uint32_t mfn, const struct domain *d, enum frame_type type);
void put_page_and_type(uint32_t mfn);

/* Inside a hypercall, validation goes in slices: get_page_type() may return
 * -XEN_ERESTART, leaving the table half validated (FT_PARTIAL); asking again
 * goes on with it. A table whose last type reference goes is queued on its
 * owner (FT_QUEUED) and taken apart here, in slices too: 0 once the queue is
 * empty, -XEN_ERESTART when the budget ran out first. Outside a hypercall
 * both happen at once. */
int pt_devalidate_queued(struct domain *d);

/* Replace entry idx of page table mfn (typed L1, L2, L2_HV or L3 and in
 * use) with val: val takes its references, the old entry drops its own.
 * Returns 0 or a negative Xen errno; nothing changes on error. */
int pt_update_entry(uint32_t mfn, unsigned idx, pte_t val, const struct domain *d,
		    bool preserve_ad);

/* Replace entry idx of L1 mfn (in use) with val, whose references the
 * caller has taken already (a grant mapping of another domain's frame,
 * hv/grant/); the old entry drops its own. -XEN_EINVAL if mfn is no L1 in
 * use. */
int pt_write_taken(uint32_t mfn, unsigned idx, pte_t val);

/* Frame type names for logs. */
const char *frame_type_name(enum frame_type t);

/* From its surroundings (stubbed by the unit tests) it needs map_frame,
 * the frame table, hv_l2_slots(), flush_tlb_local(), frame_release(),
 * domain_by_id() and the hypercall budget. */

#endif
