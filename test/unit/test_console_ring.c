/* The console ring's copies (hv/console/ring_copy.c), which the hypervisor
 * and dom0's consoled run on rings a guest writes: bytes come out in order
 * across the wrap, as far as there are bytes or room, and indices more than
 * a ring apart are refused, never followed off the ring (the rings are
 * allocated to size, so the sanitizer sees any stray access). */
#include <stdlib.h>
#include "unit.h"
#include "hv/console/ring_copy.h"

#define OUT 2048u
#define IN  1024u

static void test_round_trip_across_wrap(void)
{
	char *ring = malloc(OUT), in[700], out[700];
	uint32_t cons = 0xfffffc00u, prod = cons;      /* the indices wrap too */

	for (unsigned round = 0; round < 40; round++) {
		for (unsigned i = 0; i < sizeof(in); i++)
			in[i] = (char)(round * 7 + i);
		int k = ring_put(ring, OUT, cons, prod, in, sizeof(in));
		CHECK_EQ(k, sizeof(in));
		prod += (uint32_t)k;
		k = ring_take(ring, OUT, cons, prod, out, sizeof(out));
		CHECK_EQ(k, sizeof(out));
		CHECK(memcmp(in, out, sizeof(in)) == 0);
		cons += (uint32_t)k;
		CHECK_EQ(ring_take(ring, OUT, cons, prod, out, sizeof(out)), 0);
	}
	free(ring);
}

static void test_full_and_lying(void)
{
	char *ring = malloc(IN), buf[16] = "0123456789abcdef";

	CHECK_EQ(ring_put(ring, IN, 0, IN, buf, sizeof(buf)), 0);       /* full: no room */
	CHECK_EQ(ring_put(ring, IN, 0, IN - 3, buf, sizeof(buf)), 3);   /* as far as there is */
	CHECK_EQ(ring_take(ring, IN, 0, IN, buf, sizeof(buf)), 16);     /* at most max */
	CHECK_EQ(ring_take(ring, IN, 0, IN + 1, buf, sizeof(buf)), -1); /* a huge producer */
	CHECK_EQ(ring_take(ring, IN, 10, 9, buf, sizeof(buf)), -1);      /* prod behind cons */
	CHECK_EQ(ring_put(ring, IN, 0, IN + 1, buf, sizeof(buf)), -1);
	CHECK_EQ(ring_put(ring, IN, 5, 4, buf, sizeof(buf)), -1);
	free(ring);
}

/* 10^5 random index pairs, most of them garbage: the count is always what
 * the indices allow, and -1 exactly when they are more than a ring apart. */
static void test_random_indices(void)
{
	char *ring = malloc(OUT), *buf = malloc(OUT);
	unsigned bad = 0;

	srand(13);
	memset(ring, 'r', OUT);
	for (unsigned i = 0; i < 100000; i++) {
		uint32_t cons = (uint32_t)rand() * 2654435761u;
		uint32_t prod = i % 2 ? cons + (uint32_t)rand() % (3 * OUT) : (uint32_t)rand() << 8;
		uint32_t max = (uint32_t)rand() % (OUT + 1), gap = prod - cons;
		int t = ring_take(ring, OUT, cons, prod, buf, max);
		int p = ring_put(ring, OUT, cons, prod, buf, max);
		if (gap > OUT) {
			bad++;
			CHECK_EQ(t, -1);
			CHECK_EQ(p, -1);
		} else {
			CHECK_EQ(t, gap < max ? gap : max);
			CHECK_EQ(p, OUT - gap < max ? OUT - gap : max);
		}
	}
	CHECK(bad > 10000);      /* garbage was tried, not only honest rings */
	free(ring);
	free(buf);
}

UNIT_MAIN(UNIT(test_round_trip_across_wrap), UNIT(test_full_and_lying), UNIT(test_random_indices))
