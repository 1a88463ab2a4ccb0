/* GNTTABOP_unmap_grant_ref and GNTTABOP_unmap_and_replace: take a mapping
 * down by its handle. host_addr and dev_bus_addr each say whether that half
 * goes (0: it stays); the handle is free once neither is left. The PTE must
 * be the one the mapping made and still map the frame: if the guest has
 * changed it meanwhile the mapping is no longer there to take down and
 * the answer is GNTST_general_error, the handle staying, as on Xen. */
#include "grant/grant.h"
#include "arch/arch.h"
#include "arch/x86/pv/pagetype.h"
#include "domain/domain.h"
#include "mm/mm.h"
#include "sched/sched.h"

static uint32_t pte_l1(uint64_t pte)
{
	return (uint32_t)(pte >> PAGE_SHIFT);
}

static unsigned pte_idx(uint64_t pte)
{
	return (unsigned)((pte & (PAGE_SIZE - 1)) / sizeof(pte_t));
}

static pte_t read_pte(uint64_t pte)
{
	pte_t *t = map_frame(pte_l1(pte));
	pte_t e = t[pte_idx(pte)];
	unmap_frame(t);
	return e;
}

/* The references an L1 entry with value e holds, taken again in the name
 * of its frame's owner (it is about to be in two places for a moment). */
static bool take_entry_refs(pte_t e)
{
	if (!(e & PTE_P))
		return true;
	uint32_t mfn = (uint32_t)((e & PTE_ADDR) >> PAGE_SHIFT);
	if (mfn >= frame_table.nr)
		return false;
	const struct domain *owner = domain_by_id(frame_table.f[mfn].owner);
	if (!owner)
		return false;
	if (e & PTE_RW)
		return get_page_and_type(mfn, owner, FT_WRITABLE) == 0;
	return get_page(mfn, owner);
}

/* Take the grant PTE down: cleared, or (replace) given the entry at
 * new_addr, which is cleared instead. */
static int take_down(const struct domain *ld, uint64_t pte, uint64_t new_addr)
{
	if (!new_addr)
		return pt_update_entry(pte_l1(pte), pte_idx(pte), 0, ld, false) < 0 ? -1 : 0;
	uint64_t npte;
	if (grant_find_pte(ld, new_addr, false, &npte) < 0)
		return -1;
	pte_t moved = read_pte(npte);
	if (!take_entry_refs(moved))
		return -1;
	if (pt_write_taken(pte_l1(pte), pte_idx(pte), moved) < 0) {
		if (moved & PTE_P)
			grant_put_frame((uint32_t)((moved & PTE_ADDR) >> PAGE_SHIFT), !(moved & PTE_RW));
		return -1;
	}
	return pt_update_entry(pte_l1(npte), pte_idx(npte), 0, ld, false) < 0 ? -1 : 0;
}

int grant_unmap_one(uint64_t host_addr, uint64_t dev_bus_addr, uint64_t new_addr,
		    uint32_t handle)
{
	struct domain *ld = current->d;
	struct grant_table *lgt = ld->grant_table;
	struct maptrack *m = maptrack_lookup(lgt, handle);

	if (!m)
		return GNTST_bad_handle;
	bool ro = m->flags & GNTMAP_readonly;
	if (dev_bus_addr && dev_bus_addr != (uint64_t)m->mfn << PAGE_SHIFT)
		return GNTST_bad_dev_addr;
	if (host_addr && (m->flags & GNTMAP_host_map)) {
		uint64_t pte;
		bool as_pte = m->flags & GNTMAP_contains_pte;
		if ((as_pte && new_addr) ||
		    grant_find_pte(ld, host_addr, as_pte, &pte) < 0 || pte != m->pte ||
		    !grant_pte_maps(pte, m->mfn) || take_down(ld, pte, new_addr) < 0)
			return GNTST_general_error;
		m->flags &= ~GNTMAP_host_map;
		if (as_pte || new_addr)
			flush_tlb_local();
		else
			invlpg((uint32_t)host_addr);
	}
	if (dev_bus_addr && (m->flags & GNTMAP_device_map)) {
		grant_put_frame(m->mfn, ro);
		m->flags &= ~GNTMAP_device_map;
	}
	if (!(m->flags & (GNTMAP_host_map | GNTMAP_device_map))) {
		struct domain *rd = m->domid == DOMID_INVALID ? NULL : domain_by_id(m->domid);
		if (rd && rd->grant_table)
			grant_release(rd, m->ref, ro);
		maptrack_put(lgt, handle);
	}
	return GNTST_okay;
}
