/* GNTTABOP_copy: the hypervisor copies bytes between two frames, each
 * named by a grant ref (of any domain that granted it to the caller) or,
 * for the caller's own frames only (DOMID_SELF), by its frame number. The
 * source must be readable, the destination writable as a plain page (a
 * page table is not); neither side may cross its page. Checks in Xen's
 * order: both domains, the source, the destination, then the lengths. */
#include "grant/grant.h"
#include "arch/arch.h"
#include "arch/x86/pv/pagetype.h"
#include "domain/domain.h"
#include "hypercall/budget.h"
#include "lib/string.h"
#include "mm/mm.h"
#include "sched/sched.h"

static int find_domain(const struct gnttab_copy_ptr *p, bool gref, struct domain **d)
{
	if (p->domid != DOMID_SELF && !gref)
		return GNTST_permission_denied;
	*d = p->domid == DOMID_SELF ? current->d :
	     p->domid < DOMID_FIRST_RESERVED ? domain_by_id(p->domid) : NULL;
	return *d ? GNTST_okay : GNTST_bad_domain;
}

/* The frame one side names, with the references the copy needs on it
 * (general; writable type for the destination). */
static int claim(const struct gnttab_copy_ptr *p, bool gref, struct domain *d, bool readonly,
		 uint32_t *mfn)
{
	uint32_t m = p->ref_or_gmfn;

	if (gref) {
		int rc = grant_acquire(d, p->ref_or_gmfn, current->d->domid, readonly, false, &m);
		if (rc != GNTST_okay)
			return rc;
	}
	if (m >= frame_table.nr ||
	    (frame_table.f[m].flags & (FRAME_ALLOCATED | FRAME_SHARED)) != FRAME_ALLOCATED ||
	    !get_page(m, d))
		return GNTST_bad_page;
	if (!readonly && get_page_type(m, FT_WRITABLE, d) < 0) {
		put_page(m);
		return GNTST_general_error;
	}
	*mfn = m;
	return GNTST_okay;
}

static void unclaim(uint32_t mfn, bool readonly)
{
	if (readonly)
		put_page(mfn);
	else
		put_page_and_type(mfn);
}

int grant_copy_one(const struct gnttab_copy *op)
{
	bool src_gref = op->flags & GNTCOPY_source_gref, dst_gref = op->flags & GNTCOPY_dest_gref;
	struct domain *sd, *dd;
	uint32_t smfn, dmfn;
	int rc;

	if ((rc = find_domain(&op->source, src_gref, &sd)) != GNTST_okay ||
	    (rc = find_domain(&op->dest, dst_gref, &dd)) != GNTST_okay)
		return rc;
	if ((rc = claim(&op->source, src_gref, sd, true, &smfn)) != GNTST_okay)
		return rc;
	if ((rc = claim(&op->dest, dst_gref, dd, false, &dmfn)) != GNTST_okay) {
		unclaim(smfn, true);
		return rc;
	}
	if ((uint32_t)op->source.offset + op->len > PAGE_SIZE ||
	    (uint32_t)op->dest.offset + op->len > PAGE_SIZE) {
		rc = GNTST_bad_copy_arg;
	} else {
		budget_charge(op->len / 64);
		const uint8_t *s = map_frame(smfn);
		uint8_t *t = map_frame(dmfn);
		memmove(t + op->dest.offset, s + op->source.offset, op->len);
		unmap_frame(t);
		unmap_frame(s);
		/* Counted against the far end: the source unless it is the caller. */
		account_peer(current->d, (sd != current->d ? sd : dd)->domid)->grant_copies++;
	}
	unclaim(dmfn, false);
	unclaim(smfn, true);
	return rc;
}
