/* A backend's half of the handshake (xenbus.h). Everything it reads was
 * written by the frontend, which may lie: each value is checked, and a
 * bad one closes the device with the reason in its error key. */
#include <stdio.h>
#include <string.h>

#include "kernel/hypervisor.h"
#include "kernel/time.h"
#include "pvabi/grant_table.h"
#include "xenbus/xenbus.h"

static int fail(struct xenbus_back *b, const char *why, long value)
{
	char path[XENBUS_PATH + 8], msg[80];
	snprintf(path, sizeof(path), "%s/error", b->dev.self);
	snprintf(msg, sizeof(msg), "%s (%ld)", why, value);
	xb_write(path, msg);
	xenbus_back_close(b);
	return -1;
}

int xenbus_back_open_rings(struct xenbus_back *b, const char *dir, const char *const *keys,
			   unsigned nrings, evtchn_handler_t h, void *data, uint64_t timeout_ns)
{
	uint64_t deadline = time_now_ns() + timeout_ns;
	char path[XENBUS_PATH + 24], why[48];

	memset(b, 0, sizeof(*b));
	snprintf(b->dev.self, sizeof(b->dev.self), "%s", dir);
	snprintf(path, sizeof(path), "%s/frontend-id", dir);
	long fe = xb_read_num(path);
	snprintf(path, sizeof(path), "%s/frontend", dir);
	if (nrings == 0 || nrings > XENBUS_RINGS || fe < 0 || fe >= (long)DOMID_FIRST_RESERVED ||
	    xb_read(path, b->dev.peer, sizeof(b->dev.peer)) < 0)
		return -1;
	b->dev.peer_id = (uint16_t)fe;
	xenbus_switch_state(&b->dev, XenbusStateInitWait);
	enum xenbus_state s = xenbus_wait_peer(&b->dev, 1u << XenbusStateInitialised |
					       1u << XenbusStateConnected |
					       1u << XenbusStateClosing | 1u << XenbusStateClosed,
					       deadline);
	if (s != XenbusStateInitialised && s != XenbusStateConnected)
		return fail(b, "the frontend did not initialise", s);
	for (unsigned i = 0; i < nrings; i++) {
		snprintf(path, sizeof(path), "%s/%s", b->dev.peer, keys[i]);
		long ref = xb_read_num(path), rc = -1;
		if (ref >= 0)
			rc = grant_map(b->dev.peer_id, (uint32_t)ref, &b->rings[i]);
		if (rc < 0) {
			snprintf(why, sizeof(why), "the %s cannot be mapped", keys[i]);
			return fail(b, why, ref < 0 ? ref : rc);
		}
		b->nrings = i + 1;
	}
	snprintf(path, sizeof(path), "%s/event-channel", b->dev.peer);
	long port = xb_read_num(path);
	if (port <= 0)
		return fail(b, "no ring-ref or event-channel", port);
	struct evtchn_bind_interdomain bi = { .remote_dom = b->dev.peer_id,
					      .remote_port = (evtchn_port_t)port };
	/* Binding may mark the port pending: its handler comes first. */
	unsigned mask = events_mask_save();
	long rc = hypercall_event_channel_op(EVTCHNOP_bind_interdomain, &bi);
	if (rc == 0) {
		b->port = bi.local_port;
		evtchn_set_handler(b->port, h, data);
	}
	events_restore(mask);
	if (rc < 0)
		return fail(b, "the event-channel cannot be bound", rc);
	return xenbus_switch_state(&b->dev, XenbusStateConnected);
}

int xenbus_back_open(struct xenbus_back *b, const char *dir, evtchn_handler_t h, void *data,
		     uint64_t timeout_ns)
{
	static const char *const key[] = { "ring-ref" };

	return xenbus_back_open_rings(b, dir, key, 1, h, data, timeout_ns);
}

void xenbus_back_close(struct xenbus_back *b)
{
	if (b->port) {
		struct evtchn_close c = { .port = b->port };
		hypercall_event_channel_op(EVTCHNOP_close, &c);
		b->port = 0;
	}
	for (unsigned i = 0; i < b->nrings; i++)
		if (b->rings[i].va)
			grant_unmap(&b->rings[i]);
	xenbus_switch_state(&b->dev, XenbusStateClosed);
}
