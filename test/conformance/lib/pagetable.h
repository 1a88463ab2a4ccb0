/* The guest's own page tables, for tests of the memory-management
 * hypercalls (pvabi/mmu.h, pvabi/memory.h).
 *
 * A pv32pae guest's tables hold machine frame numbers and are mapped
 * read-only; it reads them through those mappings and changes them with
 * hypercalls. What this needs to know:
 *
 *   - The initial region maps pseudo-physical frame N at
 *     VIRT_BASE + N * 4096, VIRT_BASE being the image's start (0x00400000),
 *     for the region's pages. start_info.mfn_list turns a pfn into an mfn,
 *     the read-only machine-to-phys table an mfn back into a pfn.
 *   - Every table these helpers read lies in the region: the bootstrap ones
 *     and the ones a test builds from pt_alloc_frame() pages. A table is
 *     read at pt_mfn_to_va(its mfn).
 *   - The L3 in use is the bootstrap one (start_info.pt_base) until a test
 *     switches with pt_new_baseptr(), which keeps pt_l3_mfn up to date (a
 *     ring-1 guest cannot read %cr3).
 *
 * Free frames: the region's padding after the bootstrap stack (at least
 * 512 KiB) is handed out page by page, zeroed and still mapped writable.
 * To become a page table a frame must lose every writable mapping first:
 * pt_remap_ro() its region page (the hypervisor refuses to type a frame
 * that is mapped writable, PT-2), fill it before that. */
#ifndef CONFORMANCE_PAGETABLE_H
#define CONFORMANCE_PAGETABLE_H

#include <stdbool.h>
#include <stdint.h>

#include "pvabi/mmu.h"

#define PT_L1_INDEX(va)  (((uint32_t)(va) >> 12) & 511)
#define PT_L2_INDEX(va)  (((uint32_t)(va) >> 21) & 511)
#define PT_L3_INDEX(va)  ((uint32_t)(va) >> 30)

/* The first slot of the top L2 (L3 entry 3) that the hypervisor owns:
 * HYPERVISOR_VIRT_START 0xF5800000 >> 21, within that L2. */
#define PT_HOLE_FIRST_L2_SLOT 428

#define PT_MFN(e)        ((uint32_t)(((e) & PV_PTE_ADDR_MASK) >> 12))
#define PT_ENTRY(mfn, flags) (((uint64_t)(mfn) << 12) | (uint64_t)(flags))

/* Flags for the usual kinds of entry. */
#define PT_RO     (PV_PTE_PRESENT | PV_PTE_ACCESSED)
#define PT_RW     (PV_PTE_PRESENT | PV_PTE_RW | PV_PTE_ACCESSED | PV_PTE_DIRTY)
#define PT_TABLE  (PV_PTE_PRESENT | PV_PTE_RW | PV_PTE_ACCESSED)   /* L2 entries */
#define PT_L3E    (PV_PTE_PRESENT)

#define PT_NONE   (~0u)    /* "no such frame / not mapped" */

/* The L3 in use (a machine frame number). */
extern uint32_t pt_l3_mfn;

/* Sets pt_l3_mfn; every helper calls it, a test need not. */
void pt_init(void);

/* ---- frames and addresses of the initial region ---------------------- */

uint32_t pt_virt_base(void);
uint32_t pt_region_pages(void);          /* pages in the initial region */
uint32_t pt_pfn_to_va(uint32_t pfn);
uint32_t pt_va_to_pfn(uint32_t va);       /* PT_NONE outside the region */
uint32_t pt_pfn_to_mfn(uint32_t pfn);     /* mfn_list; PT_NONE past nr_pages */
uint32_t pt_mfn_to_pfn(uint32_t mfn);     /* the m2p table; PT_NONE if unreadable */
/* Where the region maps mfn, or 0 when the region does not map it. */
uint32_t pt_mfn_to_va(uint32_t mfn);
/* mfn is one of the domain's own frames: p2m and m2p agree on it. */
bool pt_owns_mfn(uint32_t mfn);

/* ---- reading the current tables ---------------------------------------- */

/* Entry idx of the table in frame mfn (read through the region). */
uint64_t pt_read(uint32_t table_mfn, unsigned idx);
/* Machine address of entry idx of that table: a mmu_update ptr. */
uint64_t pt_maddr(uint32_t table_mfn, unsigned idx);

/* The entries on the way to va in the current tables (0 where the walk
 * stops early). */
uint64_t pt_l3e(uint32_t va);
uint64_t pt_l2e(uint32_t va);
uint64_t pt_l1e(uint32_t va);
/* The L2 and L1 frames on the way to va, PT_NONE where there is none. */
uint32_t pt_l2_mfn(uint32_t va);
uint32_t pt_l1_mfn(uint32_t va);
/* The machine address of the L1 entry mapping va, ~0 without an L1. */
uint64_t pt_l1e_maddr(uint32_t va);
/* The frame va is mapped to, PT_NONE if not mapped. */
uint32_t pt_va_to_mfn(uint32_t va);

/* ---- free frames ------------------------------------------------------- */

struct pt_frame {
	uint32_t va;     /* its page in the region (mapped writable at first) */
	uint32_t pfn;
	uint32_t mfn;
};

/* Hands out the next padding page, zeroed. false (and a test_error) when
 * the padding is used up. */
bool pt_alloc_frame(struct pt_frame *f);
/* n pages in a row (virtually contiguous); the first in *f. */
bool pt_alloc_frames(struct pt_frame *f, unsigned n);

/* ---- changing mappings -------------------------------------------------- */

/* update_va_mapping(va, mfn|flags, UVMF_INVLPG). */
long pt_map(uint32_t va, uint32_t mfn, uint32_t flags);
long pt_unmap(uint32_t va);
/* The frame's region page, read-only or writable again. */
long pt_remap_ro(const struct pt_frame *f);
long pt_remap_rw(const struct pt_frame *f);

/* One MMU_NORMAL_PT_UPDATE (or another command in ptr's low bits). */
long pt_update(uint64_t ptr, uint64_t val);
/* One mmuext_op with arg1 (mfn or linear address). */
long pt_mmuext(uint32_t cmd, uint32_t arg1);
long pt_pin(uint32_t pin_cmd, uint32_t mfn);
long pt_unpin(uint32_t mfn);
/* MMUEXT_NEW_BASEPTR; on success pt_l3_mfn follows. */
long pt_new_baseptr(uint32_t l3_mfn);

/* Turns a zeroed frame into a table of the caller's making: its entries
 * (written through the writable mapping) first, then the mapping made
 * read-only. Returns update_va_mapping's result. */
long pt_seal(const struct pt_frame *f);

/* ---- places to work in --------------------------------------------------- */

/* A 2 MiB-aligned address in L3 slot 0, past the initial region, whose L2
 * entry is empty: a test may hook its own L1 there. 0 if there is none. */
uint32_t pt_scratch_va(void);

/* A frame of RAM the domain does not own (the hypervisor's, or free): the
 * first frame from 1 MiB up whose m2p entry is not one of the domain's
 * pfns. PT_NONE if there is none. */
uint32_t pt_foreign_mfn(void);

/* XENMEM_maximum_ram_page. */
uint32_t pt_max_ram_mfn(void);

/* Write entry idx of a frame a test builds a table in (before it seals it). */
void pt_set(const struct pt_frame *f, unsigned idx, uint64_t v);

/* pt_seal, saying so as a test error when it fails. */
bool pt_table(struct pt_frame *f);

/* May a test put its own L2 into L3 slot `slot` of the L3 in use? True when
 * the slot is empty or names an L2 that maps nothing (Xen's builder fills
 * every slot, ringlet's only those it uses); the test puts back what was
 * there (pt_read before, pt_update after) when it is done. */
bool pt_l3_slot_unused(unsigned slot);

/* Two new tables, an L2 whose entry for va names an L1 whose entry for va
 * maps mfn writable, sealed; ready for an L3 entry. False (a test error
 * said) when frames run out or sealing fails. */
bool pt_chain(struct pt_frame *l2, struct pt_frame *l1, uint32_t va, uint32_t mfn);

/* The word at va, or 0xdeadbeef when reading it faults. */
uint32_t peek32(uint32_t va);

#endif
