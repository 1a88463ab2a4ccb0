/* The XenbusState handshake: each end writes its own state key and waits
 * on the peer's through a watch. */
#include <stdio.h>

#include "kernel/time.h"
#include "xenbus/xenbus.h"

int xenbus_switch_state(struct xenbus_dev *d, enum xenbus_state s)
{
	char path[XENBUS_PATH + 8], v[4];
	snprintf(path, sizeof(path), "%s/state", d->self);
	snprintf(v, sizeof(v), "%d", (int)s);
	return xb_write(path, v);
}

enum xenbus_state xenbus_read_state(const char *dir)
{
	char path[XENBUS_PATH + 8];
	snprintf(path, sizeof(path), "%s/state", dir);
	long s = xb_read_num(path);
	/* A directory gone (its domain released) is a device closed. */
	return s < 0 ? XenbusStateClosed : s > XenbusStateReconfigured ? XenbusStateUnknown
									  : (enum xenbus_state)s;
}

enum xenbus_state xenbus_wait_peer(struct xenbus_dev *d, uint32_t mask, uint64_t deadline_ns)
{
	snprintf(d->peer_state_path, sizeof(d->peer_state_path), "%s/state", d->peer);
	xb_watch(d->peer_state_path, "xenbus");
	enum xenbus_state s;
	for (;;) {
		unsigned seen = xb_events();
		s = xenbus_read_state(d->peer);
		if ((mask & (1u << s)) || time_now_ns() >= deadline_ns)
			break;
		xb_wait(seen, deadline_ns);
	}
	xb_unwatch(d->peer_state_path, "xenbus");
	return s;
}
