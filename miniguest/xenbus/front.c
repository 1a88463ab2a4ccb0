/* A frontend's half of the handshake (xenbus.h). */
#include <stdio.h>
#include <string.h>

#include "kernel/frames.h"
#include "kernel/hypervisor.h"
#include "kernel/time.h"
#include "xenbus/xenbus.h"

static int put(struct xenbus_dev *d, const char *key, long value)
{
	char path[XENBUS_PATH + 16], v[16];
	snprintf(path, sizeof(path), "%s/%s", d->self, key);
	snprintf(v, sizeof(v), "%ld", value);
	return xb_write(path, v);
}

int xenbus_front_open_rings(struct xenbus_front *f, const char *type, unsigned n,
			    void *const *rings, const char *const *keys, unsigned nrings,
			    evtchn_handler_t h, void *data, uint64_t timeout_ns)
{
	uint64_t deadline = time_now_ns() + timeout_ns;
	char path[XENBUS_PATH + 16];
	int me = xb_domid();

	memset(f, 0, sizeof(*f));
	for (unsigned i = 0; i < XENBUS_RINGS; i++)
		f->refs[i] = -1;
	if (nrings == 0 || nrings > XENBUS_RINGS)
		return -1;
	snprintf(f->dev.self, sizeof(f->dev.self), "/local/domain/%d/device/%s/%u", me, type, n);
	/* The toolstack may not have made the device yet: wait for it. */
	snprintf(path, sizeof(path), "%s/backend-id", f->dev.self);
	xb_watch(path, "xenbus-front");
	long be;
	for (;;) {
		unsigned seen = xb_events();
		if ((be = xb_read_num(path)) >= 0 || time_now_ns() >= deadline)
			break;
		xb_wait(seen, deadline);
	}
	xb_unwatch(path, "xenbus-front");
	snprintf(path, sizeof(path), "%s/backend", f->dev.self);
	if (me < 0 || be < 0 || be >= (long)DOMID_FIRST_RESERVED ||
	    xb_read(path, f->dev.peer, sizeof(f->dev.peer)) < 0)
		return -1;
	f->dev.peer_id = (uint16_t)be;
	f->nrings = nrings;
	for (unsigned i = 0; i < nrings; i++) {
		f->rings[i] = rings[i];
		f->refs[i] = gnt_grant_access(f->dev.peer_id, pfn_to_mfn(virt_to_pfn(rings[i])),
					      false);
		if (f->refs[i] < 0 || put(&f->dev, keys[i], f->refs[i]) < 0)
			return -1;
	}
	struct evtchn_alloc_unbound a = { .dom = DOMID_SELF, .remote_dom = f->dev.peer_id };
	if (hypercall_event_channel_op(EVTCHNOP_alloc_unbound, &a) < 0)
		return -1;
	f->port = a.port;
	evtchn_set_handler(f->port, h, data);
	if (put(&f->dev, "event-channel", f->port) < 0 ||
	    xenbus_switch_state(&f->dev, XenbusStateInitialised) < 0)
		return -1;
	enum xenbus_state s = xenbus_wait_peer(&f->dev, 1u << XenbusStateConnected |
					       1u << XenbusStateClosing | 1u << XenbusStateClosed,
					       deadline);
	if (s != XenbusStateConnected)
		return -1;
	return xenbus_switch_state(&f->dev, XenbusStateConnected);
}

int xenbus_front_open(struct xenbus_front *f, const char *type, unsigned n, void *ring,
		      evtchn_handler_t h, void *data, uint64_t timeout_ns)
{
	static const char *const key[] = { "ring-ref" };

	return xenbus_front_open_rings(f, type, n, &ring, key, 1, h, data, timeout_ns);
}

void xenbus_front_close(struct xenbus_front *f, uint64_t timeout_ns)
{
	xenbus_switch_state(&f->dev, XenbusStateClosing);
	xenbus_wait_peer(&f->dev, 1u << XenbusStateClosed, time_now_ns() + timeout_ns);
	if (f->port) {
		struct evtchn_close c = { .port = f->port };
		hypercall_event_channel_op(EVTCHNOP_close, &c);
		f->port = 0;
	}
	for (unsigned i = 0; i < f->nrings; i++)
		if (f->refs[i] >= 0 && gnt_end_access(f->refs[i]))
			f->refs[i] = -1;
	xenbus_switch_state(&f->dev, XenbusStateClosed);
}
