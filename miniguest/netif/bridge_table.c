/* The bridge's address table: a linear scan of a small bounded array;
 * a full table gives up its least recently seen entry. */
#include <string.h>

#include "bridge.h"

static bool alive(const struct bridge *b, const struct bridge_entry *e, uint64_t now_ns)
{
	/* A clock that went backwards keeps the entry rather than wrapping. */
	return e->used && (now_ns < e->seen_ns || now_ns - e->seen_ns < b->age_ns);
}

static struct bridge_entry *find(struct bridge *b, const uint8_t mac[6])
{
	for (unsigned i = 0; i < BRIDGE_MACS; i++)
		if (b->table[i].used && memcmp(b->table[i].mac, mac, 6) == 0)
			return &b->table[i];
	return NULL;
}

/* A free or aged slot, else the least recently seen one. */
static struct bridge_entry *victim(struct bridge *b, uint64_t now_ns)
{
	struct bridge_entry *old = &b->table[0];

	for (unsigned i = 0; i < BRIDGE_MACS; i++) {
		struct bridge_entry *e = &b->table[i];

		if (!alive(b, e, now_ns))
			return e;
		if (e->seen_ns < old->seen_ns)
			old = e;
	}
	b->evicted++;
	return old;
}

void bridge_learn(struct bridge *b, const uint8_t mac[6], unsigned port, uint64_t now_ns)
{
	struct bridge_entry *e;

	if (bridge_mac_is_group(mac) || port >= BRIDGE_PORTS)
		return;
	e = find(b, mac);
	if (!e) {
		e = victim(b, now_ns);
		memcpy(e->mac, mac, 6);
		e->used = true;
		b->learnt++;
	}
	e->port = (uint8_t)port;
	e->seen_ns = now_ns;
}

int bridge_lookup(const struct bridge *b, const uint8_t mac[6], uint64_t now_ns)
{
	for (unsigned i = 0; i < BRIDGE_MACS; i++) {
		const struct bridge_entry *e = &b->table[i];

		if (alive(b, e, now_ns) && memcmp(e->mac, mac, 6) == 0)
			return e->port;
	}
	return -1;
}

unsigned bridge_count(const struct bridge *b, uint64_t now_ns)
{
	unsigned n = 0;

	for (unsigned i = 0; i < BRIDGE_MACS; i++)
		n += alive(b, &b->table[i], now_ns);
	return n;
}
