/* Event channels from a test guest: the hypercall, and meeting another
 * domain on a port it offers. */
#ifndef CONFORMANCE_EVTCHN_H
#define CONFORMANCE_EVTCHN_H

#include <stdint.h>

#include "hypercall.h"
#include "pvabi/event_channel.h"

static inline long evtchn_op(uint32_t cmd, void *arg)
{
	return hypercall_event_channel_op(cmd, arg);
}

/* Bind to port remote_port of domain remote, which offers it to us with
 * alloc_unbound. Domains start in no set order, so the offer may not be made
 * yet: yield and try again, up to 1000 times. Returns bind_interdomain's
 * last result; on 0, *local_port is our end. */
long bind_offered_port(domid_t remote, uint32_t remote_port, uint32_t *local_port);

/* A channel from the domain to itself: *first offered to ourselves, then
 * bound as *second. 0, or the first failing command's result. */
long evtchn_loopback(uint32_t *first, uint32_t *second);

#endif
