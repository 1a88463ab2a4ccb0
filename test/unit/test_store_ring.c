/* The xenstore ring's copies: bytes come out in order across the wrap, as
 * far as there are bytes or room, and indices the other side made up
 * (more than a ring apart) are refused, not followed. */
#include "unit.h"
#include "miniguest/store/ring.h"

static char ring[XENSTORE_RING_SIZE];

static void test_round_trip_across_wrap(void)
{
	char in[700], out[700];
	XENSTORE_RING_IDX cons = 0xfffffe00u, prod = cons;    /* the indices wrap too */

	for (unsigned round = 0; round < 40; round++) {
		for (unsigned i = 0; i < sizeof(in); i++)
			in[i] = (char)(round * 7 + i);
		int k = xs_ring_put(ring, cons, prod, in, sizeof(in));
		CHECK_EQ(k, sizeof(in));
		prod += (uint32_t)k;
		CHECK_EQ(xs_ring_put(ring, cons, prod, in, sizeof(in)),
			 XENSTORE_RING_SIZE - sizeof(in));            /* as far as there is room */
		k = xs_ring_take(ring, cons, prod, out, sizeof(out));
		CHECK_EQ(k, sizeof(out));
		CHECK(memcmp(in, out, sizeof(in)) == 0);
		cons += (uint32_t)k;
		CHECK_EQ(xs_ring_take(ring, cons, prod, out, sizeof(out)), 0);
	}
}

static void test_lying_indices(void)
{
	char buf[16];

	CHECK_EQ(xs_ring_take(ring, 0, XENSTORE_RING_SIZE + 1, buf, sizeof(buf)), -1);
	CHECK_EQ(xs_ring_take(ring, 10, 9, buf, sizeof(buf)), -1);
	CHECK_EQ(xs_ring_put(ring, 0, XENSTORE_RING_SIZE + 1, buf, sizeof(buf)), -1);
	CHECK_EQ(xs_ring_put(ring, 5, 4, buf, sizeof(buf)), -1);
	CHECK_EQ(xs_ring_put(ring, 0, XENSTORE_RING_SIZE, buf, sizeof(buf)), 0);   /* full */
	CHECK_EQ(xs_ring_take(ring, 0, XENSTORE_RING_SIZE, buf, sizeof(buf)), 16);
}

UNIT_MAIN(UNIT(test_round_trip_across_wrap), UNIT(test_lying_indices))
