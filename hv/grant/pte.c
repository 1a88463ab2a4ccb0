/* Finding the PTE a host mapping goes in, and checking it is still there. */
#include "grant/grant.h"
#include "arch/arch.h"
#include "arch/x86/pv/pagetype.h"
#include "domain/domain.h"
#include "mm/mm.h"
#include "sched/sched.h"

/* An L1 that is in use as one: its entries hold their references. */
static bool l1_in_use(uint32_t mfn)
{
	if (mfn >= frame_table.nr)
		return false;
	const struct frame *f = &frame_table.f[mfn];
	return frame_type(f) == FT_L1 &&
	       !(f->type_info & FT_PARTIAL) &&
	       ((f->type_info & FT_COUNT_MASK) || (f->type_info & FT_QUEUED));
}

/* The next table down from entry idx of table mfn, or FRAME_NONE. */
static uint32_t down(uint32_t mfn, unsigned idx)
{
	pte_t *t = map_frame(mfn);
	pte_t e = t[idx];
	unmap_frame(t);
	return (e & PTE_P) ? (uint32_t)((e & PTE_ADDR) >> PAGE_SHIFT) : FRAME_NONE;
}

int grant_find_pte(const struct domain *d, uint64_t host_addr, bool contains_pte, uint64_t *pte)
{
	uint32_t l1;

	if (contains_pte) {
		if ((host_addr >> PAGE_SHIFT) >= frame_table.nr || (host_addr & 7))
			return -1;
		l1 = (uint32_t)(host_addr >> PAGE_SHIFT);
		*pte = host_addr;
	} else {
		/* Only the guest's own part of its address space. */
		if (host_addr >= HOLE_START)
			return -1;
		uint32_t va = (uint32_t)host_addr;
		uint32_t l2 = down(current->arch.cr3_mfn, va >> 30);
		l1 = l2 == FRAME_NONE ? FRAME_NONE : down(l2, (va >> L2_SHIFT) & 511);
		if (l1 >= frame_table.nr)
			return -1;
		*pte = ((uint64_t)l1 << PAGE_SHIFT) | (((va >> PAGE_SHIFT) & 511) * sizeof(pte_t));
	}
	if (frame_table.f[l1].owner != d->domid || !l1_in_use(l1) ||
	    (frame_table.f[l1].type_info & FT_QUEUED))
		return -1;
	return 0;
}

bool grant_pte_maps(uint64_t pte, uint32_t mfn)
{
	uint32_t l1 = (uint32_t)(pte >> PAGE_SHIFT);

	if (!l1_in_use(l1))
		return false;
	pte_t *t = map_frame(l1);
	pte_t e = t[(pte & (PAGE_SIZE - 1)) / sizeof(pte_t)];
	unmap_frame(t);
	return (e & PTE_P) && (uint32_t)((e & PTE_ADDR) >> PAGE_SHIFT) == mfn;
}
