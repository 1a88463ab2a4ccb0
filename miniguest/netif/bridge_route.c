/* Where a frame goes. */
#include "bridge.h"

uint32_t bridge_route(struct bridge *b, unsigned in, const uint8_t *frame, size_t len,
		      uint64_t now_ns)
{
	const uint8_t *dst = frame, *src = frame + 6;
	uint32_t others;
	int port;

	if (len < 14 || in >= BRIDGE_PORTS || !(b->ports & (1u << in)))
		return 0;
	bridge_learn(b, src, in, now_ns);
	others = b->ports & ~(1u << in);
	if (bridge_mac_is_group(dst))
		return others;
	port = bridge_lookup(b, dst, now_ns);
	if (port < 0)
		return others;
	/* Known behind its own port: the segment already saw it. */
	return others & (1u << port);
}
