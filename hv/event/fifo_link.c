/* Raising an event under the FIFO ABI: PENDING in its word and, unless the
 * guest masked it or it is on a queue already, LINKED and onto the tail of
 * its priority's queue; the queue's READY bit, and an upcall when that bit
 * was clear. The guest takes events off at the head without telling us, so
 * the tail we remember may be gone: a tail no longer LINKED means an empty
 * queue, and the new event becomes its HEAD. */
#include "event/fifo.h"
#include "arch/arch.h"
#include "domain/domain.h"
#include "pvabi/shared_info.h"

#define BIT(n) (1u << (n))

event_word_t *evtchn_fifo_word(struct domain *d, uint32_t port)
{
	struct evtchn_fifo *f = d->evtchn.fifo;
	uint64_t page = port / EVTCHN_FIFO_WORDS_PER_PAGE;

	if (!f || page >= f->nr_pages)
		return NULL;
	return (event_word_t *)map_frame(f->array_mfn[page]) + port % EVTCHN_FIFO_WORDS_PER_PAGE;
}

static struct evtchn_fifo_control_block *control_block(const struct evtchn_fifo *f)
{
	return (void *)((char *)map_frame(f->control_mfn) + f->control_offset);
}

static void link_tail(struct domain *d, uint32_t port, unsigned q)
{
	struct evtchn_fifo *f = d->evtchn.fifo;

	/* A port linked anew is no longer the tail of a queue it left (the
	 * guest took it off, and everything before it). */
	for (unsigned i = 0; i < EVTCHN_FIFO_MAX_QUEUES; i++)
		if (f->tail[i] == port)
			f->tail[i] = 0;
	event_word_t *tail = f->tail[q] ? evtchn_fifo_word(d, f->tail[q]) : NULL;
	if (tail && (*tail & BIT(EVTCHN_FIFO_LINKED)))
		*tail = (*tail & ~EVTCHN_FIFO_LINK_MASK) | port;
	else
		control_block(f)->head[q] = port;
	f->tail[q] = port;
}

static void mark_ready(struct domain *d, uint32_t port, unsigned q)
{
	struct evtchn_fifo_control_block *cb = control_block(d->evtchn.fifo);
	struct vcpu_info *vi = &d->shared_info->vcpu_info[d->vcpu.id];

	if (cb->ready & BIT(q))
		return;
	cb->ready |= BIT(q);
	vi->evtchn_upcall_pending = 1;
	vcpu_kick(&d->vcpu, port);
}

void evtchn_fifo_set_pending(struct domain *d, uint32_t port)
{
	struct evtchn *e = evtchn_lookup(d, port);
	event_word_t *w = evtchn_fifo_word(d, port);

	if (!w) {
		if (e)
			e->fifo_pending = true;   /* raised by expand_array */
		return;
	}
	bool was_pending = *w & BIT(EVTCHN_FIFO_PENDING);
	*w |= BIT(EVTCHN_FIFO_PENDING);
	if (!(*w & (BIT(EVTCHN_FIFO_MASKED) | BIT(EVTCHN_FIFO_LINKED)))) {
		unsigned q = e ? e->priority : EVTCHN_FIFO_PRIORITY_DEFAULT;
		*w |= BIT(EVTCHN_FIFO_LINKED);
		link_tail(d, port, q);
		mark_ready(d, port, q);
	}
	if (!was_pending)
		vcpu_kick(&d->vcpu, port);        /* a poller may be waiting on it */
}

void evtchn_fifo_unmask(struct domain *d, uint32_t port)
{
	event_word_t *w = evtchn_fifo_word(d, port);

	if (w && (*w & BIT(EVTCHN_FIFO_PENDING)))
		evtchn_fifo_set_pending(d, port);
}

void evtchn_fifo_clear_pending(struct domain *d, uint32_t port)
{
	event_word_t *w = evtchn_fifo_word(d, port);
	struct evtchn *e = evtchn_lookup(d, port);

	if (w)
		*w &= ~BIT(EVTCHN_FIFO_PENDING);
	if (e)
		e->fifo_pending = false;
}

bool evtchn_fifo_is_pending(struct domain *d, uint32_t port)
{
	event_word_t *w = evtchn_fifo_word(d, port);
	struct evtchn *e = evtchn_lookup(d, port);

	return w ? (*w & BIT(EVTCHN_FIFO_PENDING)) != 0 : e && e->fifo_pending;
}

bool evtchn_fifo_busy(struct domain *d, uint32_t port)
{
	event_word_t *w = evtchn_fifo_word(d, port);

	return w && (*w & BIT(EVTCHN_FIFO_LINKED));
}
