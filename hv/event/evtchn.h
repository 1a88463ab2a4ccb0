/* Event channels, two-level: a port is a bit in the domain's shared info
 * (evtchn_pending, evtchn_mask); setting it marks its word in the vCPU's
 * evtchn_pending_sel and raises evtchn_upcall_pending, and the guest takes
 * an upcall to its event callback when it has not masked events. A port is
 * bound to the far end of an interdomain channel, a virtual IRQ, a physical
 * one (a pirq, physdev/pirq.h) or an IPI.
 * Ports live in buckets allocated on first use, so an idle domain with a
 * handful of ports costs one bucket. */
#ifndef EVENT_EVTCHN_H
#define EVENT_EVTCHN_H

#include <stdbool.h>
#include <stdint.h>
#include "pvabi/event_channel.h"

struct domain;
struct vcpu;
struct evtchn_fifo;

#define EVTCHN_BUCKET_PORTS 64
#define EVTCHN_BUCKETS      (NR_EVENT_CHANNELS / EVTCHN_BUCKET_PORTS)

struct evtchn {
	uint8_t state;                 /* EVTCHNSTAT_* */
	uint8_t virq;                  /* EVTCHNSTAT_virq */
	uint16_t remote_port;          /* EVTCHNSTAT_interdomain */
	uint8_t priority;              /* FIFO: its queue */
	bool fifo_pending;             /* FIFO: raised before an array page held it */
	union {
		domid_t unbound_remote;    /* EVTCHNSTAT_unbound: who may bind */
		struct domain *peer;       /* EVTCHNSTAT_interdomain */
		uint32_t pirq;             /* EVTCHNSTAT_pirq */
	} u;
};
_Static_assert(sizeof(struct evtchn) <= 2 * sizeof(void *), "ports stay small");

struct evtchn_table {
	struct evtchn *bucket[EVTCHN_BUCKETS];
	uint16_t virq_port[NR_VIRQS];  /* 0: not bound */
	struct evtchn_fifo *fifo;      /* NULL: the two-level ABI */
};

/* The entry for port, or NULL when the port is out of range or was never
 * allocated. Port 0 is never handed out. */
struct evtchn *evtchn_lookup(struct domain *d, uint32_t port);

/* A free port, its bucket allocated: > 0, or -XEN_ENOSPC / -XEN_ENOMEM. */
int evtchn_alloc(struct domain *d);

/* A free port of d, unbound, that domain remote may bind: > 0, or
 * -XEN_ENOSPC / -XEN_ENOMEM. */
int evtchn_alloc_unbound(struct domain *d, domid_t remote);

/* Mark port pending in d, and raise an upcall if it is not masked. */
void evtchn_set_pending(struct domain *d, uint32_t port);

/* Send on port as d would with EVTCHNOP_send: 0 or a negative Xen errno. */
int evtchn_send(struct domain *d, uint32_t port);

/* Close port (the far end of an interdomain channel goes back to unbound). */
int evtchn_close(struct domain *d, uint32_t port);

/* Whether port is pending (masked or not), by the ABI the domain uses. */
bool evtchn_is_pending(struct domain *d, uint32_t port);

/* Clear the mask bit, re-raising the event if it was pending (FIFO: the
 * guest clears MASKED itself; a pending event is raised again). */
int evtchn_unmask(struct domain *d, uint32_t port);

/* The domain an operation names: the caller (DOMID_SELF or its own id),
 * or, for the privileged domain only, another (-XEN_ESRCH when there is
 * none); others get -XEN_EPERM. */
int evtchn_named_domain(domid_t id, struct domain **out);

/* Raise a virtual IRQ, if the domain bound it. */
void send_virq(struct domain *d, unsigned virq);

/* Close every port and free the buckets, back to the two-level ABI
 * (domain destruction, reset). */
void evtchn_destroy(struct domain *d);

/* Tell the vCPU an event arrived on port: wake it if it blocked (or polls
 * that port). Provided by the scheduler; stubbed by the unit tests. */
void vcpu_kick(struct vcpu *v, uint32_t port);

#endif
