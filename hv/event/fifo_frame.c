/* The guest frames FIFO event channels live in. For a PV guest a gfn is a
 * machine frame; it must be one the domain was given and still has (not
 * its shared info, not one given back) and must take a writable type, as
 * Xen takes them: a page table or descriptor table is refused. */
#include "event/fifo.h"
#include "domain/domain.h"
#include "grant/grant.h"
#include "mm/mm.h"
#include "pvabi/errno.h"

int evtchn_fifo_get_frame(struct domain *d, uint64_t gfn)
{
	if (gfn >= frame_table.nr || !grant_get_frame((uint32_t)gfn, d, false))
		return -XEN_EINVAL;
	return 0;
}

void evtchn_fifo_put_frame(uint32_t mfn)
{
	grant_put_frame(mfn, false);
}

void evtchn_fifo_destroy(struct domain *d)
{
	struct evtchn_fifo *f = d->evtchn.fifo;

	if (!f)
		return;
	evtchn_fifo_put_frame(f->control_mfn);
	for (uint32_t i = 0; i < f->nr_pages; i++)
		evtchn_fifo_put_frame(f->array_mfn[i]);
	xfree(f);
	d->evtchn.fifo = NULL;
}
