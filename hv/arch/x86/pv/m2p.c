#include "arch/x86/pv/m2p.h"
#include "arch/arch.h"
#include "lib/string.h"
#include "mm/mm.h"

static uint32_t entries;

/* The hypervisor writes the table in its own area; guests read the same
 * frames through L1s that the hole slots of their top L2 lead to. Only
 * the part that describes machine memory is mapped: the rest of the
 * window faults like the rest of the hole. */
void m2p_init(uint32_t nr_frames)
{
	uint32_t bytes = nr_frames * sizeof(uint32_t);
	pte_t *slots = hv_l2_slots(), *l1 = NULL;

	paging_populate(RW_M2P_START, RW_M2P_END, alloc_frame);
	for (uint32_t off = 0; off < bytes; off += PAGE_SIZE) {
		uint64_t mfn = alloc_frame();
		hv_map(RW_M2P_START + off, mfn, PTE_RW | pte_nx);
		if (off % (1u << L2_SHIFT) == 0) {
			uint64_t l1_mfn = alloc_frame();
			l1 = map_frame(l1_mfn);
			memset(l1, 0, PAGE_SIZE);
			slots[HOLE_FIRST_L2_SLOT + (off >> L2_SHIFT)] =
				(l1_mfn << PAGE_SHIFT) | PTE_P | PTE_RW;
		}
		l1[(off >> PAGE_SHIFT) % 512] = (mfn << PAGE_SHIFT) | PTE_P | PTE_US | pte_nx;
	}
	entries = nr_frames;
	for (uint32_t mfn = 0; mfn < nr_frames; mfn++)
		m2p_set(mfn, INVALID_M2P_ENTRY);
}

void m2p_set(uint32_t mfn, uint32_t pfn)
{
	if (mfn < entries)
		((volatile uint32_t *)RW_M2P_START)[mfn] = pfn;
}

uint32_t m2p_get(uint32_t mfn)
{
	return mfn < entries ? ((volatile uint32_t *)RW_M2P_START)[mfn] : INVALID_M2P_ENTRY;
}

uint32_t m2p_entries(void)
{
	return entries;
}
