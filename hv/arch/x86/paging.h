/* The hypervisor's own PAE page tables: the idle L3 and the L2 of the top
 * gigabyte whose hole slots every guest will share. */
#ifndef ARCH_X86_PAGING_H
#define ARCH_X86_PAGING_H

#include <stdbool.h>
#include <stdint.h>
#include "arch/x86/layout.h"

typedef uint64_t pte_t;

#define PTE_P      0x001ull
#define PTE_RW     0x002ull
#define PTE_US     0x004ull
#define PTE_PWT    0x008ull
#define PTE_PCD    0x010ull
#define PTE_A      0x020ull
#define PTE_D      0x040ull
#define PTE_PS     0x080ull
#define PTE_G      0x100ull
#define PTE_NX     (1ull << 63)
#define PTE_ADDR   0x000ffffffffff000ull

extern pte_t pte_nx;           /* PTE_NX when the CPU has NX, else 0 */

/* Physical address of something in the image or its .bss. */
#define virt_to_phys(p) ((uint32_t)(uintptr_t)(p) - HV_VIRT_OFFSET)

void paging_init(void);

/* Give every L2 slot of [start, end) an empty L1 from alloc_l1(). Done once
 * per region at boot: hole slots never change afterwards. */
void paging_populate(uintptr_t start, uintptr_t end, uint64_t (*alloc_frame)(void));

/* Map one page of a populated region; flags as PTE bits (P is implied). */
void hv_map(uintptr_t va, uint64_t mfn, pte_t flags);
void hv_unmap(uintptr_t va);
/* The frame behind a mapped hypervisor page, or ~0 if none. */
uint64_t hv_lookup(uintptr_t va);

/* Fixed device mappings. */
enum fixmap_slot { FIX_LAPIC, FIX_IOAPIC, FIX_SLOTS };
void *fixmap_map(enum fixmap_slot slot, uint64_t pa, bool uncached);

/* Flush this CPU's TLB, global entries included. */
void flush_tlb_local(void);
/* The hypervisor's L2 of the top gigabyte: the hole's slots guests share. */
pte_t *hv_l2_slots(void);

/* The map cache's L1, and the idle tables' root (for CR3). */
extern pte_t mapcache_l1[512];
uint32_t idle_cr3(void);

#endif
