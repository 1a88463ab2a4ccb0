/* GNTTABOP_map_grant_ref: map another domain's grant, for the CPU (a PTE
 * at host_addr) and/or for devices (the frame's bus address), taking a
 * maptrack handle. The checks come in Xen's order, so a request that is
 * wrong in several ways gets Xen's status. */
#include "grant/grant.h"
#include "arch/arch.h"
#include "arch/x86/pv/pagetype.h"
#include "domain/domain.h"
#include "hypercall/budget.h"
#include "mm/mm.h"
#include "sched/sched.h"

/* The frame is one its granter was given and still holds. */
static bool granter_holds(uint32_t mfn, const struct domain *rd)
{
	if (mfn >= frame_table.nr)
		return false;
	const struct frame *f = &frame_table.f[mfn];
	return f->owner == rd->domid && f->count &&
	       (f->flags & (FRAME_RAM | FRAME_FREE | FRAME_ALLOCATED)) == (FRAME_RAM | FRAME_ALLOCATED);
}

static pte_t grant_pte(uint32_t mfn, uint32_t flags)
{
	pte_t e = ((pte_t)mfn << PAGE_SHIFT) | PTE_P | PTE_A | PTE_D | pte_nx;

	if (!(flags & GNTMAP_readonly))
		e |= PTE_RW;
	if (flags & GNTMAP_application_map)
		e |= PTE_US;
	return e;
}

/* The references and the PTE; GNTST_okay or the failure (nothing held). */
static int install(struct gnttab_map_grant_ref *op, struct domain *rd, uint32_t mfn,
		   uint64_t *pte)
{
	bool ro = op->flags & GNTMAP_readonly, dev = op->flags & GNTMAP_device_map;
	bool host = op->flags & GNTMAP_host_map;

	if (!granter_holds(mfn, rd))
		return GNTST_bad_page;
	if (dev && !grant_get_frame(mfn, rd, ro))
		return GNTST_general_error;
	if (host) {
		if (!grant_get_frame(mfn, rd, ro)) {
			if (dev)
				grant_put_frame(mfn, ro);
			return GNTST_general_error;
		}
		if (grant_find_pte(current->d, op->host_addr, op->flags & GNTMAP_contains_pte,
				   pte) < 0 ||
		    pt_write_taken((uint32_t)(*pte >> PAGE_SHIFT),
				   (unsigned)((*pte & (PAGE_SIZE - 1)) / sizeof(pte_t)),
				   grant_pte(mfn, op->flags)) < 0) {
			grant_put_frame(mfn, ro);
			if (dev)
				grant_put_frame(mfn, ro);
			return GNTST_general_error;
		}
		/* What the PTE mapped before. */
		if (op->flags & GNTMAP_contains_pte)
			flush_tlb_local();
		else
			invlpg((uint32_t)op->host_addr);
	}
	return GNTST_okay;
}

/* A mapping made at a PTE takes it over from any earlier one there (whose
 * PTE the guest changed behind its back): one slot per PTE, so the PTE's
 * references are counted once when a domain ends. */
static void take_over_pte(struct grant_table *lgt, uint64_t pte)
{
	budget_charge(lgt->maptrack_top / 64);
	for (uint32_t h = 0; h < lgt->maptrack_top; h++)
		if ((lgt->maptrack[h].flags & GNTMAP_host_map) && lgt->maptrack[h].pte == pte)
			lgt->maptrack[h].pte = 0;        /* frame 0 is never an L1 */
}

int grant_map_one(struct gnttab_map_grant_ref *op)
{
	struct domain *ld = current->d;
	bool ro = op->flags & GNTMAP_readonly;

	if (!(op->flags & (GNTMAP_device_map | GNTMAP_host_map)))
		return GNTST_bad_gntref;
	/* A real domain id: DOMID_SELF names nobody here, as on Xen. */
	struct domain *rd = op->dom < DOMID_FIRST_RESERVED ? domain_by_id(op->dom) : NULL;
	if (!rd || rd->state != DOMAIN_RUNNING)
		return GNTST_bad_domain;
	struct grant_table *lgt = gnttab_of(ld);
	uint32_t handle, mfn = 0;
	if (!lgt || maptrack_get(lgt, &handle) < 0)
		return GNTST_no_device_space;
	int rc = grant_acquire(rd, op->ref, ld->domid, ro, true, &mfn);
	if (rc != GNTST_okay) {
		maptrack_put(lgt, handle);
		return rc;
	}
	uint64_t pte = 0;
	rc = install(op, rd, mfn, &pte);
	if (rc != GNTST_okay) {
		grant_release(rd, op->ref, ro);
		maptrack_put(lgt, handle);
		return rc;
	}
	if (op->flags & GNTMAP_host_map)
		take_over_pte(lgt, pte);
	lgt->maptrack[handle] = (struct maptrack){
		.pte = pte, .ref = op->ref, .mfn = mfn, .domid = rd->domid,
		.flags = (uint16_t)(op->flags & (GNTMAP_device_map | GNTMAP_host_map |
						 GNTMAP_readonly | GNTMAP_contains_pte)),
	};
	op->handle = handle;
	op->dev_bus_addr = (uint64_t)mfn << PAGE_SHIFT;
	account_peer(ld, rd->domid)->grant_maps++;
	return GNTST_okay;
}
