/* GNTTABOP_transfer: page flipping. The caller gives one of its frames to a
 * domain that offered an accept_transfer entry naming it; ownership, the
 * m2p entry (the pfn the receiver wrote in the entry) and the entry itself
 * (the frame number, GTF_transfer_committed | GTF_transfer_completed)
 * change in one step, with no copy. The frame must be the caller's alone:
 * allocated, not pinned, typed, mapped or granted (its only reference is
 * the allocation). The checks come in Xen's order and statuses; unlike
 * Xen, every check is made before the frame leaves, so a refused transfer
 * leaves the frame with the caller. */
#include "grant/grant.h"
#include "arch/arch.h"
#include "domain/domain.h"
#include "mm/mm.h"
#include "sched/sched.h"

static bool stealable(uint32_t mfn, const struct domain *d)
{
	if (mfn >= frame_table.nr)
		return false;
	const struct frame *f = &frame_table.f[mfn];
	return f->owner == d->domid && f->count == 1 &&
	       (f->flags & (FRAME_RAM | FRAME_FREE | FRAME_ALLOCATED | FRAME_SHARED |
			    FRAME_GIVEN_BACK)) == (FRAME_RAM | FRAME_ALLOCATED) &&
	       !(f->type_info & (FT_COUNT_MASK | FT_PINNED | FT_PARTIAL | FT_QUEUED));
}

int grant_transfer_one(const struct gnttab_transfer *op)
{
	struct domain *d = current->d;

	if (!stealable(op->mfn, d))
		return GNTST_bad_page;
	struct domain *e = op->domid < DOMID_FIRST_RESERVED ? domain_by_id(op->domid) : NULL;
	if (!e)
		return GNTST_bad_domain;
	/* Room for one more frame, counting this one gone when it comes back. */
	if (e->state != DOMAIN_RUNNING ||
	    domain_pages(e) - (e == d) >= e->max_pages)
		return GNTST_general_error;
	struct grant_table *gt = gnttab_of(e);
	if (!gt || op->ref >= gnttab_nr_entries(gt))
		return GNTST_general_error;
	struct grant_entry_v1 *ent = gnttab_map_entry(gt, op->ref);
	int rc = GNTST_general_error;
	if (ent->flags == GTF_accept_transfer && ent->domid == d->domid) {
		/* The caller's TLB may remember a mapping it has dropped. */
		flush_tlb_local();
		frame_table.f[op->mfn].owner = e->domid;
		domain_note_frame(e, op->mfn);
		d->tot_pages--;
		e->tot_pages++;
		m2p_set(op->mfn, ent->frame);
		ent->frame = op->mfn;
		ent->flags |= GTF_transfer_committed | GTF_transfer_completed;
		account_peer(d, e->domid)->flips++;
		rc = GNTST_okay;
	}
	gnttab_unmap_entry(ent);
	return rc;
}
