/* EVTCHNOP_expand_array: one more page of event words, up to the 2^17
 * ports the LINK field can name (128 pages), as on Xen; ringlet hands out
 * ports below NR_EVENT_CHANNELS only, so pages past the first hold words no
 * port uses. Events raised before their word had a page are raised now. */
#include "event/fifo.h"
#include "domain/domain.h"
#include "pvabi/errno.h"

int evtchn_fifo_expand_array(struct domain *d, uint64_t array_gfn)
{
	struct evtchn_fifo *f = d->evtchn.fifo;

	if (!f)
		return -XEN_EOPNOTSUPP;
	if (f->nr_pages >= EVTCHN_FIFO_MAX_PAGES)
		return -XEN_ENOSPC;
	int rc = evtchn_fifo_get_frame(d, array_gfn);
	if (rc < 0)
		return rc;
	uint64_t first = (uint64_t)f->nr_pages * EVTCHN_FIFO_WORDS_PER_PAGE;
	f->array_mfn[f->nr_pages++] = (uint32_t)array_gfn;
	for (uint64_t port = first; port < first + EVTCHN_FIFO_WORDS_PER_PAGE &&
				    port < NR_EVENT_CHANNELS; port++) {
		struct evtchn *e = evtchn_lookup(d, (uint32_t)port);
		if (e && e->fifo_pending) {
			e->fifo_pending = false;
			evtchn_fifo_set_pending(d, (uint32_t)port);
		}
	}
	return 0;
}
