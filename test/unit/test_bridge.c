/* The learning bridge (miniguest/netif/bridge*.c): learning, forwarding
 * to one port, flooding, never back to the source port, ageing, a bounded
 * table under a flood of invented addresses, ports coming and going, and
 * frames and ports that are garbage. */
#include <stdlib.h>

#include "../../miniguest/netif/bridge.h"
#include "unit.h"

#define SEC 1000000000ull

static const uint8_t BCAST[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

static void mac_of(unsigned n, uint8_t mac[6])
{
	uint8_t m[6] = { 0x00, 0x16, 0x3e, (uint8_t)(n >> 16), (uint8_t)(n >> 8), (uint8_t)n };

	memcpy(mac, m, 6);
}

/* A frame from host src to host dst (dst < 0: broadcast). */
static uint32_t send(struct bridge *b, unsigned in, int dst, unsigned src, uint64_t now)
{
	uint8_t f[60] = { 0 };

	if (dst < 0)
		memcpy(f, BCAST, 6);
	else
		mac_of((unsigned)dst, f);
	mac_of(src, f + 6);
	return bridge_route(b, in, f, sizeof(f), now);
}

static struct bridge *three_ports(void)
{
	struct bridge *b = malloc(sizeof(*b));

	bridge_init(b, 300 * SEC);
	CHECK(bridge_attach(b, 0));
	CHECK(bridge_attach(b, 1));
	CHECK(bridge_attach(b, 2));
	return b;
}

static void test_flood_then_learn(void)
{
	struct bridge *b = three_ports();

	/* Host 2 is unknown: flooded to every port but the source. */
	CHECK_EQ(send(b, 0, 2, 1, 0), 0x6);
	CHECK_EQ(bridge_lookup(b, (uint8_t[6]){ 0x00, 0x16, 0x3e, 0, 0, 1 }, 0), 0);
	/* Host 2 answers from port 2: the answer goes to port 0 only. */
	CHECK_EQ(send(b, 2, 1, 2, 1), 0x1);
	/* And now host 1 reaches host 2 on port 2 only. */
	CHECK_EQ(send(b, 0, 2, 1, 2), 0x4);
	CHECK_EQ(bridge_count(b, 2), 2);
	free(b);
}

static void test_broadcast_and_multicast_flood(void)
{
	struct bridge *b = three_ports();
	uint8_t f[14] = { 0x01, 0x00, 0x5e, 0, 0, 1 };

	CHECK_EQ(send(b, 1, -1, 7, 0), 0x5);
	mac_of(7, f + 6);
	CHECK_EQ(bridge_route(b, 2, f, sizeof(f), 0), 0x3);
	/* A group source address is never learnt. */
	memcpy(f + 6, BCAST, 6);
	CHECK_EQ(bridge_route(b, 0, f, sizeof(f), 0), 0x6);
	CHECK_EQ(bridge_lookup(b, BCAST, 0), -1);
	free(b);
}

static void test_never_back_to_source(void)
{
	struct bridge *b = three_ports();

	/* Hosts 1 and 2 both behind port 0: a frame between them goes nowhere. */
	send(b, 0, -1, 1, 0);
	send(b, 0, -1, 2, 0);
	CHECK_EQ(send(b, 0, 2, 1, 1), 0);
	/* A host sending to itself goes nowhere either. */
	CHECK_EQ(send(b, 1, 5, 5, 1), 0);
	free(b);
}

static void test_ageing_and_moving(void)
{
	struct bridge *b = three_ports();

	send(b, 1, -1, 9, 0);
	CHECK_EQ(send(b, 0, 9, 1, 299 * SEC), 0x2);
	/* Unseen for the whole ageing time: forgotten, flooded again. */
	CHECK_EQ(send(b, 0, 9, 1, 300 * SEC), 0x6);
	/* It moves to port 2: learnt there at once. */
	send(b, 2, -1, 9, 301 * SEC);
	CHECK_EQ(send(b, 0, 9, 1, 302 * SEC), 0x4);
	/* A clock going backwards does not forget it. */
	CHECK_EQ(send(b, 0, 9, 1, 1), 0x4);
	free(b);
}

static void test_bounded_under_flood(void)
{
	struct bridge *b = three_ports();

	send(b, 2, -1, 0x777777, 0);
	/* Port 1 invents 100 times the table's addresses. */
	for (unsigned i = 0; i < 100 * BRIDGE_MACS; i++)
		send(b, 1, -1, i, 1 + i);
	CHECK_EQ(bridge_count(b, 100 * BRIDGE_MACS), BRIDGE_MACS);
	CHECK(b->evicted >= 99 * BRIDGE_MACS);
	/* The oldest went first: the newest are all there. */
	for (unsigned i = 99 * BRIDGE_MACS; i < 100 * BRIDGE_MACS; i++) {
		uint8_t m[6];

		mac_of(i, m);
		CHECK_EQ(bridge_lookup(b, m, 100 * BRIDGE_MACS), 1);
	}
	/* A host that keeps talking keeps its place. */
	free(b);
	b = three_ports();
	for (unsigned i = 0; i < 10 * BRIDGE_MACS; i++) {
		send(b, 2, -1, 0x777777, 2 * i);
		send(b, 1, -1, i, 2 * i + 1);
	}
	CHECK_EQ(send(b, 0, 0x777777, 3, 20 * BRIDGE_MACS), 0x4);
	free(b);
}

static void test_ports(void)
{
	struct bridge *b = three_ports();

	send(b, 2, -1, 4, 0);
	bridge_detach(b, 2);
	/* Its addresses are gone and it is flooded no more. */
	CHECK_EQ(send(b, 0, 4, 1, 1), 0x2);
	CHECK_EQ(send(b, 2, -1, 4, 1), 0);
	CHECK(!bridge_attach(b, BRIDGE_PORTS));
	CHECK(!bridge_attach(b, 0xffffffffu));
	bridge_detach(b, 1000);
	CHECK_EQ(send(b, BRIDGE_PORTS, -1, 4, 1), 0);
	CHECK_EQ(send(b, 0xffffffffu, -1, 4, 1), 0);
	CHECK_EQ(b->ports, 0x3);
	free(b);
}

static void test_garbage_frames(void)
{
	struct bridge *b = three_ports();
	uint8_t f[14];

	srand(15);
	for (unsigned i = 0; i < 100000; i++) {
		size_t len = (size_t)(rand() % 20);
		unsigned in = (unsigned)(rand() % 40);
		uint32_t out;

		for (unsigned j = 0; j < sizeof(f); j++)
			f[j] = (uint8_t)rand();
		out = bridge_route(b, in, f, len > sizeof(f) ? sizeof(f) : len, i);
		CHECK((out & ~b->ports) == 0);
		if (in < 32)
			CHECK((out & (1u << in)) == 0);
		if (len < 14 || in > 2)
			CHECK_EQ(out, 0);
	}
	CHECK(bridge_count(b, 100000) <= BRIDGE_MACS);
	free(b);
}

UNIT_MAIN(UNIT(test_flood_then_learn), UNIT(test_broadcast_and_multicast_flood),
	  UNIT(test_never_back_to_source), UNIT(test_ageing_and_moving),
	  UNIT(test_bounded_under_flood), UNIT(test_ports), UNIT(test_garbage_frames))
