/* A domain's grants when it is destroyed (domain_destroy calls this before
 * it takes the domain's frames back):
 *   - what it maps of others goes back: the references its grant PTEs and
 *     device mappings hold, and the pins on the granters' entries;
 *   - what others map of it stays alive: each such frame leaves the domain
 *     for DOMID_INVALID, with exactly the references the others' mappings
 *     hold, so their last unmap frees it; their slots forget the granter;
 *   - its table's frames and bookkeeping go. */
#include "grant/grant.h"
#include "arch/arch.h"
#include "arch/x86/pv/pagetype.h"
#include "domain/domain.h"
#include "mm/mm.h"

/* The slot's PTE, when it still maps the slot's frame: its value (else 0). */
static pte_t live_pte(const struct maptrack *m)
{
	if (!(m->flags & GNTMAP_host_map) || !grant_pte_maps(m->pte, m->mfn))
		return 0;
	pte_t *t = map_frame((uint32_t)(m->pte >> PAGE_SHIFT));
	pte_t e = t[(m->pte & (PAGE_SIZE - 1)) / sizeof(pte_t)];
	unmap_frame(t);
	return e;
}

static void release_mappings(struct grant_table *gt)
{
	for (uint32_t h = 0; gt->maptrack && h < gt->maptrack_top; h++) {
		struct maptrack *m = &gt->maptrack[h];
		if (!m->flags)
			continue;
		bool ro = m->flags & GNTMAP_readonly;
		pte_t e = live_pte(m);
		if (e) {
			pte_t *t = map_frame((uint32_t)(m->pte >> PAGE_SHIFT));
			t[(m->pte & (PAGE_SIZE - 1)) / sizeof(pte_t)] = 0;
			unmap_frame(t);
			grant_put_frame(m->mfn, !(e & PTE_RW));
		}
		if (m->flags & GNTMAP_device_map)
			grant_put_frame(m->mfn, ro);
		struct domain *rd = m->domid == DOMID_INVALID ? NULL : domain_by_id(m->domid);
		if (rd && rd->grant_table)
			grant_release(rd, m->ref, ro);
		maptrack_put(gt, h);
	}
}

/* One more reference the other domains hold on an orphaned frame. */
static void hold(struct frame *f, bool readonly)
{
	f->count++;
	if (!readonly)
		f->type_info = ((uint32_t)FT_WRITABLE << FT_TYPE_SHIFT) |
			       ((f->type_info & FT_COUNT_MASK) + 1);
}

static void orphan_granted(struct domain *d)
{
	for (struct domain *o = domain_list; o; o = o->next) {
		struct grant_table *gt = o->grant_table;
		for (uint32_t h = 0; o != d && gt && gt->maptrack && h < gt->maptrack_top; h++) {
			struct maptrack *m = &gt->maptrack[h];
			if (!m->flags || m->domid != d->domid)
				continue;
			m->domid = DOMID_INVALID;
			pte_t e = live_pte(m);
			bool dev = m->flags & GNTMAP_device_map;
			if (!e && !dev)
				continue;
			struct frame *f = &frame_table.f[m->mfn];
			if (f->owner == d->domid) {
				f->owner = DOMID_INVALID;
				f->count = 0;
				f->type_info = 0;
				f->flags &= ~(FRAME_ALLOCATED | FRAME_GIVEN_BACK);
				m2p_set(m->mfn, INVALID_M2P_ENTRY);
			}
			if (e)
				hold(f, !(e & PTE_RW));
			if (dev)
				hold(f, m->flags & GNTMAP_readonly);
		}
	}
}

static void free_table(struct domain *d, struct grant_table *gt)
{
	for (uint32_t i = 0; i < gt->nr_frames; i++) {
		struct frame *f = &frame_table.f[gt->frames[i]];
		f->count = 0;
		f->type_info = 0;
		f->flags &= ~FRAME_SHARED;
		f->owner = DOMID_XEN;
		free_frame(gt->frames[i]);
		xfree(gt->active[i]);
	}
	if (gt->maptrack)
		xfree(gt->maptrack);
	xfree(gt);
	d->grant_table = NULL;
}

void gnttab_domain_destroy(struct domain *d)
{
	struct grant_table *gt = d->grant_table;

	if (gt)
		release_mappings(gt);
	orphan_granted(d);
	if (gt)
		free_table(d, gt);
}
