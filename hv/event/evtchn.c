#include "event/evtchn.h"
#include "event/fifo.h"
#include "domain/domain.h"
#include "lib/string.h"
#include "mm/mm.h"
#include "physdev/pirq.h"
#include "pvabi/errno.h"
#include "pvabi/shared_info.h"

#define WORD_BITS 32

static bool test_bit(const uint32_t *words, uint32_t bit)
{
	return words[bit / WORD_BITS] & (1u << (bit % WORD_BITS));
}

/* Set a bit; true when it was set already. */
static bool test_and_set(uint32_t *words, uint32_t bit)
{
	uint32_t m = 1u << (bit % WORD_BITS);
	bool was = words[bit / WORD_BITS] & m;
	words[bit / WORD_BITS] |= m;
	return was;
}

struct evtchn *evtchn_lookup(struct domain *d, uint32_t port)
{
	if (port >= NR_EVENT_CHANNELS)
		return NULL;
	struct evtchn *b = d->evtchn.bucket[port / EVTCHN_BUCKET_PORTS];
	return b ? &b[port % EVTCHN_BUCKET_PORTS] : NULL;
}

int evtchn_alloc(struct domain *d)
{
	for (uint32_t port = 1; port < NR_EVENT_CHANNELS; port++) {
		struct evtchn **b = &d->evtchn.bucket[port / EVTCHN_BUCKET_PORTS];
		if (!*b) {
			*b = xzalloc(EVTCHN_BUCKET_PORTS * sizeof(struct evtchn));
			if (!*b)
				return -XEN_ENOMEM;
		}
		struct evtchn *e = &(*b)[port % EVTCHN_BUCKET_PORTS];
		if (e->state == EVTCHNSTAT_closed && !evtchn_fifo_busy(d, port)) {
			e->priority = EVTCHN_FIFO_PRIORITY_DEFAULT;
			return (int)port;
		}
	}
	return -XEN_ENOSPC;
}

int evtchn_alloc_unbound(struct domain *d, domid_t remote)
{
	int port = evtchn_alloc(d);
	if (port < 0)
		return port;
	struct evtchn *e = evtchn_lookup(d, (uint32_t)port);
	e->state = EVTCHNSTAT_unbound;
	e->u.unbound_remote = remote;
	return port;
}

/* The upcall: its word in the selector, then the per-vCPU flag. */
static void raise_upcall(struct domain *d, uint32_t port)
{
	struct vcpu_info *vi = &d->shared_info->vcpu_info[d->vcpu.id];

	/* Its word was flagged already: no new upcall, but a poller on the
	 * port wakes all the same, as on Xen. */
	if (test_and_set(&vi->evtchn_pending_sel, port / WORD_BITS)) {
		if (d->vcpu.polling)
			vcpu_kick(&d->vcpu, port);
		return;
	}
	vi->evtchn_upcall_pending = 1;
	vcpu_kick(&d->vcpu, port);
}

void evtchn_set_pending(struct domain *d, uint32_t port)
{
	struct shared_info *s = d->shared_info;

	if (d->evtchn.fifo) {
		evtchn_fifo_set_pending(d, port);
		return;
	}
	if (test_and_set(s->evtchn_pending, port))
		return;
	if (test_bit(s->evtchn_mask, port)) {
		vcpu_kick(&d->vcpu, port);    /* a poller may be waiting on it */
		return;
	}
	raise_upcall(d, port);
}

int evtchn_send(struct domain *d, uint32_t port)
{
	struct evtchn *e = evtchn_lookup(d, port);

	if (!e)
		return -XEN_EINVAL;
	switch (e->state) {
	case EVTCHNSTAT_interdomain:
		account_event(d, e->u.peer);
		evtchn_set_pending(e->u.peer, e->remote_port);
		return 0;
	case EVTCHNSTAT_ipi:
		evtchn_set_pending(d, port);
		return 0;
	case EVTCHNSTAT_unbound:
		console_ring_kick(d, port);   /* CONS-10; otherwise dropped */
		return 0;
	default:
		return -XEN_EINVAL;
	}
}

int evtchn_close(struct domain *d, uint32_t port)
{
	struct evtchn *e = evtchn_lookup(d, port);

	if (!e || e->state == EVTCHNSTAT_closed)
		return -XEN_EINVAL;
	if (e->state == EVTCHNSTAT_pirq)
		pirq_unbind_port(d, e->u.pirq, port);
	if (e->state == EVTCHNSTAT_virq && d->evtchn.virq_port[e->virq] == port)
		d->evtchn.virq_port[e->virq] = 0;
	if (e->state == EVTCHNSTAT_interdomain) {
		struct evtchn *far = evtchn_lookup(e->u.peer, e->remote_port);
		if (far && far->state == EVTCHNSTAT_interdomain) {
			far->state = EVTCHNSTAT_unbound;
			far->u.unbound_remote = d->domid;
			far->remote_port = 0;
		}
	}
	memset(e, 0, sizeof(*e));
	/* A closed port leaves nothing pending behind for the next user. */
	if (d->evtchn.fifo)
		evtchn_fifo_clear_pending(d, port);
	else
		d->shared_info->evtchn_pending[port / WORD_BITS] &= ~(1u << (port % WORD_BITS));
	return 0;
}

bool evtchn_is_pending(struct domain *d, uint32_t port)
{
	if (d->evtchn.fifo)
		return evtchn_fifo_is_pending(d, port);
	return port < NR_EVENT_CHANNELS && test_bit(d->shared_info->evtchn_pending, port);
}

int evtchn_unmask(struct domain *d, uint32_t port)
{
	struct shared_info *s = d->shared_info;

	if (!evtchn_lookup(d, port))
		return -XEN_EINVAL;
	if (d->evtchn.fifo) {
		evtchn_fifo_unmask(d, port);
		return 0;
	}
	s->evtchn_mask[port / WORD_BITS] &= ~(1u << (port % WORD_BITS));
	if (test_bit(s->evtchn_pending, port))
		raise_upcall(d, port);
	return 0;
}

void send_virq(struct domain *d, unsigned virq)
{
	if (virq < NR_VIRQS && d->evtchn.virq_port[virq])
		evtchn_set_pending(d, d->evtchn.virq_port[virq]);
}

void evtchn_destroy(struct domain *d)
{
	for (uint32_t port = 1; port < NR_EVENT_CHANNELS; port++) {
		struct evtchn *e = evtchn_lookup(d, port);
		if (e && e->state != EVTCHNSTAT_closed)
			evtchn_close(d, port);
	}
	for (unsigned b = 0; b < EVTCHN_BUCKETS; b++) {
		xfree(d->evtchn.bucket[b]);
		d->evtchn.bucket[b] = NULL;
	}
	evtchn_fifo_destroy(d);
}
