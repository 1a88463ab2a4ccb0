/* A domain's grant table: its frames and active entries. */
#include "grant/grant.h"
#include "arch/arch.h"
#include "domain/domain.h"
#include "hypercall/budget.h"
#include "lib/string.h"
#include "mm/mm.h"
#include "pvabi/errno.h"

struct grant_table *gnttab_of(struct domain *d)
{
	if (d->grant_table)
		return d->grant_table;
	struct grant_table *gt = xzalloc(sizeof(*gt));
	if (!gt)
		return NULL;
	gt->max_frames = d->gnttab_max_frames ? d->gnttab_max_frames : GNTTAB_MAX_FRAMES;
	gt->maptrack_max = d->gnttab_max_maptrack ? d->gnttab_max_maptrack
						  : GNTTAB_DEFAULT_MAPTRACK;
	gt->maptrack_free = UINT32_MAX;
	d->grant_table = gt;
	if (gnttab_grow(d, gt, 1) < 0) {
		d->grant_table = NULL;
		xfree(gt);
		return NULL;
	}
	return gt;
}

/* One more frame: a zeroed hypervisor page lent to the domain, and the
 * active entries behind it. */
static int add_frame(struct domain *d, struct grant_table *gt)
{
	struct active_grant *act = xzalloc(GRANT_ENTRIES_PER_FRAME * sizeof(*act));
	if (!act)
		return -XEN_ENOMEM;
	uint32_t mfn = frame_alloc(&frame_table, DOMID_XEN);
	if (mfn == FRAME_NONE) {
		xfree(act);
		return -XEN_ENOMEM;
	}
	void *p = map_frame(mfn);
	memset(p, 0, PAGE_SIZE);
	unmap_frame(p);
	frame_share(mfn, d->domid);
	m2p_set(mfn, INVALID_M2P_ENTRY);
	gt->frames[gt->nr_frames] = mfn;
	gt->active[gt->nr_frames] = act;
	gt->nr_frames++;
	return 0;
}

int gnttab_grow(struct domain *d, struct grant_table *gt, uint32_t n)
{
	while (gt->nr_frames < n) {
		if (budget_spent())
			return -XEN_ERESTART;
		budget_charge(PAGE_SIZE / 64);          /* zeroing it */
		int rc = add_frame(d, gt);
		if (rc < 0)
			return rc;
	}
	return 0;
}

struct grant_entry_v1 *gnttab_map_entry(const struct grant_table *gt, uint32_t ref)
{
	struct grant_entry_v1 *page = map_frame(gt->frames[ref / GRANT_ENTRIES_PER_FRAME]);
	return page + ref % GRANT_ENTRIES_PER_FRAME;
}

void gnttab_unmap_entry(struct grant_entry_v1 *e)
{
	unmap_frame(e);
}

struct active_grant *gnttab_active(const struct grant_table *gt, uint32_t ref)
{
	return &gt->active[ref / GRANT_ENTRIES_PER_FRAME][ref % GRANT_ENTRIES_PER_FRAME];
}
