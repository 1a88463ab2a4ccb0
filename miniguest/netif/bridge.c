/* The bridge's ports. */
#include <string.h>

#include "bridge.h"

void bridge_init(struct bridge *b, uint64_t age_ns)
{
	memset(b, 0, sizeof(*b));
	b->age_ns = age_ns;
}

bool bridge_attach(struct bridge *b, unsigned port)
{
	if (port >= BRIDGE_PORTS)
		return false;
	b->ports |= 1u << port;
	return true;
}

void bridge_detach(struct bridge *b, unsigned port)
{
	if (port >= BRIDGE_PORTS)
		return;
	b->ports &= ~(1u << port);
	for (unsigned i = 0; i < BRIDGE_MACS; i++)
		if (b->table[i].used && b->table[i].port == port)
			b->table[i].used = false;
}
