/* netback's ports (miniguest/netif/port.c): a frame in on one port goes
 * out of the ports the bridge names through their ops, never back in; a
 * port that drops a frame is counted; the NIC learns the
 * outside's addresses like any vif; ports come and go; a port not
 * attached sends nothing. */
#include <stdlib.h>

#include "../../miniguest/netif/port.h"
#include "unit.h"

struct fake {
	struct netport p;
	unsigned frames, flushes;
	uint8_t last_src;
	bool full;                      /* drops every frame */
};

static bool fake_send(struct netport *p, const uint8_t *frame, uint16_t len)
{
	struct fake *f = (struct fake *)p;

	(void)len;
	if (f->full)
		return false;
	f->frames++;
	f->last_src = frame[11];
	return true;
}

static void fake_flush(struct netport *p)
{
	((struct fake *)p)->flushes++;
}

static const struct netport_ops fake_ops = { fake_send, fake_flush };

/* A frame from host src to host dst (dst 0xff: broadcast). */
static uint32_t in(struct netports *s, struct fake *from, uint8_t dst, uint8_t src)
{
	uint8_t f[60] = { 0x02, 0, 0, 0, 0, dst, 0x02, 0, 0, 0, 0, src };

	if (dst == 0xff)
		memset(f, 0xff, 6);
	return netports_input(s, &from->p, f, sizeof(f), 0);
}

static struct netports *with(struct fake *f, unsigned n)
{
	struct netports *s = malloc(sizeof(*s));

	netports_init(s, 1000);
	for (unsigned i = 0; i < n; i++) {
		f[i] = (struct fake){ .p = { .ops = &fake_ops, .name = "fake" } };
		CHECK(netports_attach(s, &f[i].p));
		CHECK_EQ(f[i].p.no, i);
	}
	return s;
}

static void test_routes_through_ops(void)
{
	struct fake f[3];               /* 0: the NIC, 1 and 2: vifs */
	struct netports *s = with(f, 3);

	/* The outside's DHCP answer (broadcast) reaches both vifs. */
	CHECK_EQ(in(s, &f[0], 0xff, 2), 0x6);
	CHECK_EQ(f[1].frames, 1);
	CHECK_EQ(f[2].frames, 1);
	CHECK_EQ(f[0].frames, 0);
	/* A vif's frame to the outside's address goes out of the NIC alone. */
	CHECK_EQ(in(s, &f[1], 2, 11), 0x1);
	CHECK_EQ(f[0].frames, 1);
	CHECK_EQ(f[0].last_src, 11);
	CHECK_EQ(f[2].frames, 1);
	/* The outside answers vif 1's address: vif 1 alone. */
	CHECK_EQ(in(s, &f[0], 11, 2), 0x2);
	CHECK_EQ(f[1].frames, 2);
	CHECK_EQ(f[2].frames, 1);
	netports_flush(s, 0x2);
	CHECK_EQ(f[1].flushes, 1);
	CHECK_EQ(f[0].flushes + f[2].flushes, 0);
	free(s);
}

static void test_drops_counted(void)
{
	struct fake f[3];
	struct netports *s = with(f, 3);

	f[2].full = true;
	CHECK_EQ(in(s, &f[0], 0xff, 2), 0x6);
	CHECK_EQ(f[2].p.dropped, 1);
	CHECK_EQ(f[2].frames, 0);
	CHECK_EQ(f[1].p.sent, 1);
	CHECK_EQ(f[1].p.dropped, 0);
	free(s);
}

static void test_ports_come_and_go(void)
{
	struct fake f[BRIDGE_PORTS + 1];
	struct netports *s = with(f, BRIDGE_PORTS);

	f[BRIDGE_PORTS] = (struct fake){ .p = { .ops = &fake_ops, .name = "late" } };
	CHECK(!netports_attach(s, &f[BRIDGE_PORTS].p));
	in(s, &f[5], 0xff, 55);
	netports_detach(s, &f[5].p);
	/* Gone: it sends nothing and is sent nothing; its address forgotten. */
	CHECK_EQ(in(s, &f[5], 0xff, 55), 0);
	CHECK_EQ(in(s, &f[0], 55, 1) & (1u << 5), 0);
	CHECK_EQ(bridge_lookup(&s->bridge, (uint8_t[6]){ 2, 0, 0, 0, 0, 55 }, 0), -1);
	/* Detaching twice, or a port never attached, changes nothing. */
	netports_detach(s, &f[5].p);
	netports_detach(s, &f[BRIDGE_PORTS].p);
	CHECK_EQ(s->port[0], &f[0].p);
	/* Its place is the next port's. */
	CHECK(netports_attach(s, &f[BRIDGE_PORTS].p));
	CHECK_EQ(f[BRIDGE_PORTS].p.no, 5);
	CHECK_EQ(in(s, &f[BRIDGE_PORTS], 0xff, 56), ~(1u << 5));
	free(s);
}

static void test_short_frame(void)
{
	struct fake f[2];
	struct netports *s = with(f, 2);
	uint8_t runt[13] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

	CHECK_EQ(netports_input(s, &f[0].p, runt, sizeof(runt), 0), 0);
	CHECK_EQ(f[1].frames, 0);
	free(s);
}

UNIT_MAIN(UNIT(test_routes_through_ops), UNIT(test_drops_counted),
	  UNIT(test_ports_come_and_go), UNIT(test_short_frame))
