/* The bridge's ports and the frames between them (port.h). */
#include <string.h>

#include "port.h"

void netports_init(struct netports *s, uint64_t age_ns)
{
	memset(s->port, 0, sizeof(s->port));
	bridge_init(&s->bridge, age_ns);
}

bool netports_attach(struct netports *s, struct netport *p)
{
	for (unsigned i = 0; i < BRIDGE_PORTS; i++)
		if (!s->port[i]) {
			p->no = i;
			s->port[i] = p;
			return bridge_attach(&s->bridge, i);
		}
	return false;
}

void netports_detach(struct netports *s, struct netport *p)
{
	if (p->no >= BRIDGE_PORTS || s->port[p->no] != p)
		return;
	s->port[p->no] = NULL;
	bridge_detach(&s->bridge, p->no);
}

uint32_t netports_input(struct netports *s, struct netport *in, const uint8_t *frame,
			uint16_t len, uint64_t now_ns)
{
	uint32_t out, offered = 0;

	if (in->no >= BRIDGE_PORTS || s->port[in->no] != in)
		return 0;
	out = bridge_route(&s->bridge, in->no, frame, len, now_ns);
	for (unsigned i = 0; i < BRIDGE_PORTS; i++) {
		struct netport *p = s->port[i];

		if (!(out & (1u << i)) || !p)
			continue;
		offered |= 1u << i;
		if (p->ops->send(p, frame, len))
			p->sent++;
		else
			p->dropped++;
	}
	return offered;
}

void netports_flush(struct netports *s, uint32_t set)
{
	for (unsigned i = 0; i < BRIDGE_PORTS; i++) {
		struct netport *p = s->port[i];

		if ((set & (1u << i)) && p && p->ops->flush)
			p->ops->flush(p);
	}
}
