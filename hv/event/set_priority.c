/* EVTCHNOP_set_priority: which queue a port's events go onto from its next
 * link on. As on Xen: a port that is not there is -EINVAL, the two-level
 * ABI has no priorities (-ENOSYS), and 15 is the lowest priority. */
#include "event/fifo.h"
#include "domain/domain.h"
#include "pvabi/errno.h"

int evtchn_fifo_set_priority(struct domain *d, uint32_t port, uint32_t priority)
{
	struct evtchn *e = evtchn_lookup(d, port);

	if (!e)
		return -XEN_EINVAL;
	if (!d->evtchn.fifo)
		return -XEN_ENOSYS;
	if (priority > EVTCHN_FIFO_PRIORITY_MIN)
		return -XEN_EINVAL;
	e->priority = (uint8_t)priority;
	return 0;
}
