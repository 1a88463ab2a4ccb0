/* A port of netback's bridge: something frames go out of. A vif (its
 * frontend's rx ring), the machine's NIC (virtio tx), the driver domain's
 * own stack (its input, an internal port as Linux's br0 address is).
 * Frames come in by netports_input from whichever thread serves the port;
 * the bridge (bridge_route) says which ports they go out of. Pure data
 * and calls through the ports' ops, so that it is host-tested. */
#ifndef NETIF_PORT_H
#define NETIF_PORT_H

#include <stdbool.h>
#include <stdint.h>

#include "bridge.h"

struct netport;

struct netport_ops {
	/* Put a frame out of the port: false when the port dropped it.
	 * Never waits for the other end to take it, only (the NIC) for
	 * room in its queue. */
	bool (*send)(struct netport *p, const uint8_t *frame, uint16_t len);
	/* Tell the other end of what send gave it since the last flush
	 * (one event for many frames), if anything; NULL when the port
	 * never has anything to tell. */
	void (*flush)(struct netport *p);
};

struct netport {
	const struct netport_ops *ops;
	const char *name;
	unsigned no;                    /* on the bridge, set by attach */
	uint64_t sent, dropped;         /* frames out of it */
};

struct netports {
	struct bridge bridge;
	struct netport *port[BRIDGE_PORTS];
};

void netports_init(struct netports *s, uint64_t age_ns);
/* p takes the lowest free port: false when every port is taken. */
bool netports_attach(struct netports *s, struct netport *p);
/* p leaves the bridge, and its addresses with it. */
void netports_detach(struct netports *s, struct netport *p);
/* A frame that came in on `in`: sent out of every port bridge_route
 * names; the set of ports it was given to, taken or dropped (for
 * netports_flush: a drop may have answered the other end too). */
uint32_t netports_input(struct netports *s, struct netport *in, const uint8_t *frame,
			uint16_t len, uint64_t now_ns);
/* Flush every attached port of the set. */
void netports_flush(struct netports *s, uint32_t set);

#endif
