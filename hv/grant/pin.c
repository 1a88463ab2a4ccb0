/* Using another domain's grant: the entry's permission checked, and while
 * it is mapped, the active entry pinned and GTF_reading / GTF_writing set
 * in the granter's entry. A guest can rewrite its entries at any time:
 * the hypervisor reads an entry once, when a mapping needs it, and from
 * then on goes by its active entry. */
#include "grant/grant.h"
#include "domain/domain.h"

/* The entry allows ldomid this access: Xen's checks. */
static bool permits(const struct grant_entry_v1 *e, uint16_t ldomid, bool readonly)
{
	return (e->flags & GTF_type_mask) == GTF_permit_access && e->domid == ldomid &&
	       (readonly || !(e->flags & GTF_readonly));
}

int grant_acquire(struct domain *rd, uint32_t ref, uint16_t ldomid, bool readonly, bool pin,
		  uint32_t *mfn)
{
	struct grant_table *gt = gnttab_of(rd);

	if (!gt)
		return GNTST_general_error;
	if (ref >= gnttab_nr_entries(gt))
		return GNTST_bad_gntref;
	struct active_grant *act = gnttab_active(gt, ref);
	bool pinned = act->readers || act->writers;
	if (pinned && (act->domid != ldomid || act->readers >= GNTTAB_MAX_PINS ||
		       act->writers >= GNTTAB_MAX_PINS))
		return GNTST_general_error;
	struct grant_entry_v1 *e = gnttab_map_entry(gt, ref);
	int rc = GNTST_okay;
	if (!pinned || (!readonly && !act->writers)) {
		if (!permits(e, ldomid, readonly))
			rc = GNTST_general_error;
		else if (!pinned)
			*mfn = e->frame;
		else
			*mfn = act->mfn;
	} else {
		*mfn = act->mfn;
	}
	if (rc == GNTST_okay && pin) {
		e->flags |= GTF_reading | (readonly ? 0 : GTF_writing);
		act->mfn = *mfn;
		act->domid = ldomid;
		if (readonly)
			act->readers++;
		else
			act->writers++;
	}
	gnttab_unmap_entry(e);
	return rc;
}

void grant_release(struct domain *rd, uint32_t ref, bool readonly)
{
	struct grant_table *gt = rd->grant_table;
	struct active_grant *act = gnttab_active(gt, ref);

	if (readonly)
		act->readers--;
	else
		act->writers--;
	struct grant_entry_v1 *e = gnttab_map_entry(gt, ref);
	if (!act->writers)
		e->flags &= ~GTF_writing;
	if (!act->readers && !act->writers)
		e->flags &= ~GTF_reading;
	gnttab_unmap_entry(e);
}
