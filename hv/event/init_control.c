/* EVTCHNOP_init_control: the vCPU's control block, a guest frame at an
 * offset, and with it the switch from the two-level ABI to FIFO. The
 * checks and their errors are Xen's: a vCPU that is not there, an offset
 * that is not 8-byte aligned or lets the block cross the page, a second
 * block for the vCPU, a frame not the caller's to give. The event array
 * starts empty (expand_array adds pages); events already pending stay so,
 * held until a page holds their word. */
#include "event/fifo.h"
#include "arch/arch.h"
#include "domain/domain.h"
#include "lib/string.h"
#include "mm/mm.h"
#include "pvabi/errno.h"
#include "pvabi/shared_info.h"

/* Every port keeps its pending state and gets the default priority. */
static void setup_ports(struct domain *d)
{
	const uint32_t *pending = d->shared_info->evtchn_pending;

	for (uint32_t port = 1; port < NR_EVENT_CHANNELS; port++) {
		struct evtchn *e = evtchn_lookup(d, port);
		if (!e)
			continue;
		e->priority = EVTCHN_FIFO_PRIORITY_DEFAULT;
		e->fifo_pending = pending[port / 32] & (1u << (port % 32));
	}
}

int evtchn_fifo_init_control(struct domain *d, struct evtchn_init_control *a)
{
	a->link_bits = EVTCHN_FIFO_LINK_BITS;
	if (a->vcpu != d->vcpu.id)
		return -XEN_ENOENT;
	if (a->offset > PAGE_SIZE - sizeof(struct evtchn_fifo_control_block) || a->offset % 8)
		return -XEN_EINVAL;
	if (d->evtchn.fifo)
		return -XEN_EINVAL;               /* the one vCPU has its block */
	struct evtchn_fifo *f = xzalloc(sizeof(*f));
	if (!f)
		return -XEN_ENOMEM;
	int rc = evtchn_fifo_get_frame(d, a->control_gfn);
	if (rc < 0) {
		xfree(f);
		return rc;
	}
	f->control_mfn = (uint32_t)a->control_gfn;
	f->control_offset = a->offset;
	d->evtchn.fifo = f;
	setup_ports(d);
	return 0;
}
