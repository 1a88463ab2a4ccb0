/* The hypervisor's own 4-level page tables: one root for the CPU, whose
 * upper half is the hypervisor's and whose first entry leads to the running
 * guest's four L3 entries. */
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
#define virt_to_phys(p) ((uint64_t)(uintptr_t)(p) - HV_VIRT_OFFSET)

struct mem_range;
/* The final tables: the image with W^X, the direct map of every 2 MiB that
 * holds RAM in ranges, the fixmap; the boot identity map goes. */
void paging_init(const struct mem_range *ranges, unsigned nr);

/* Give every 2 MiB of [start, end) in the hypervisor's area an empty L1
 * from alloc_frame(), so that hv_map() can map pages there. */
void paging_populate(uintptr_t start, uintptr_t end, uint64_t (*alloc_frame)(void));

/* Map one page of a populated region; flags as PTE bits (P is implied). */
void hv_map(uintptr_t va, uint64_t mfn, pte_t flags);
void hv_unmap(uintptr_t va);
/* The frame behind a mapped hypervisor page, or ~0 if none. */
uint64_t hv_lookup(uintptr_t va);

/* Every frame below this is in the direct map. */
extern uint64_t directmap_frames;

/* Fixed device mappings. */
enum fixmap_slot { FIX_LAPIC, FIX_IOAPIC, FIX_SLOTS };
void *fixmap_map(enum fixmap_slot slot, uint64_t pa, bool uncached);

/* Flush this CPU's TLB, global entries included. */
void flush_tlb_local(void);

/* What a guest's L2 of the top gigabyte carries in its hole slots
 * (HOLE_FIRST_L2_SLOT up): the read-only M2P window, nothing else. */
pte_t *hv_l2_slots(void);

/* Run on the guest L3 in frame l3_mfn (its first four entries), or on no
 * guest at all (load_guest_l3(0) with idle). Flushes the TLB. */
void load_guest_l3(uint64_t l3_mfn);
void load_idle_l3(void);

#endif
