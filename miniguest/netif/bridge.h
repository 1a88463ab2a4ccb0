/* A software learning bridge, as dom0's netback runs one: each vif is a
 * port. A frame teaches the bridge that its source address lives behind
 * the port it came in on; a frame to a known address goes out that port
 * only, a broadcast, multicast or unknown destination goes out every
 * other port (flooding), and nothing ever goes back out the port it came
 * in on. The table is bounded (a guest that invents addresses evicts the
 * oldest entries, never grows it) and entries age out, so an address that
 * moves to another port is learnt there. Pure data: the caller passes the
 * time and copies the frames. */
#ifndef NETIF_BRIDGE_H
#define NETIF_BRIDGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define BRIDGE_PORTS 32          /* a port set is a uint32_t */
#define BRIDGE_MACS 128

struct bridge_entry {
	uint8_t mac[6];
	uint8_t port;
	bool used;
	uint64_t seen_ns;
};

struct bridge {
	struct bridge_entry table[BRIDGE_MACS];
	uint64_t age_ns;             /* an entry unseen this long is forgotten */
	uint32_t ports;              /* the ports attached */
	uint64_t learnt, evicted;    /* counters */
};

void bridge_init(struct bridge *b, uint64_t age_ns);
/* Attach or detach a port (< BRIDGE_PORTS); detaching forgets its
 * addresses. false for a port out of range. */
bool bridge_attach(struct bridge *b, unsigned port);
void bridge_detach(struct bridge *b, unsigned port);

/* bridge_table.c: the address table. */
void bridge_learn(struct bridge *b, const uint8_t mac[6], unsigned port, uint64_t now_ns);
/* The port behind mac, or -1 when unknown or aged out. */
int bridge_lookup(const struct bridge *b, const uint8_t mac[6], uint64_t now_ns);
/* Entries alive now. */
unsigned bridge_count(const struct bridge *b, uint64_t now_ns);

/* bridge_route.c: the ports a frame of len bytes that came in on port
 * `in` goes out of (a set, never holding in); learns its source. A frame
 * shorter than an ethernet header, or from a port not attached, goes
 * nowhere. */
uint32_t bridge_route(struct bridge *b, unsigned in, const uint8_t *frame, size_t len,
		      uint64_t now_ns);

static inline bool bridge_mac_is_group(const uint8_t mac[6])
{
	return mac[0] & 1;   /* broadcast and multicast both have the group bit */
}

#endif
