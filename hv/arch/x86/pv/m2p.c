#include "arch/x86/pv/m2p.h"
#include "arch/arch.h"
#include "mm/mm.h"

static uint32_t entries;

void m2p_init(uint32_t nr_frames)
{
	uint32_t bytes = nr_frames * sizeof(uint32_t);

	paging_populate(RO_M2P_START, RO_M2P_END, alloc_frame);
	paging_populate(RW_M2P_START, RW_M2P_END, alloc_frame);
	for (uint32_t off = 0; off < bytes; off += PAGE_SIZE) {
		uint64_t mfn = alloc_frame();
		hv_map(RW_M2P_START + off, mfn, PTE_RW | pte_nx);
		hv_map(RO_M2P_START + off, mfn, PTE_US | pte_nx);
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
