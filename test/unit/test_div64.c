/* 64-bit division helpers, under other names so the host's own stay intact. */
#define __udivmoddi4 hv_udivmoddi4
#define __udivdi3 hv_udivdi3
#define __umoddi3 hv_umoddi3
#define __divdi3 hv_divdi3
#define __moddi3 hv_moddi3
#include "lib/div64.c"
#include "unit.h"

static void check_pair(uint64_t n, uint64_t d)
{
	CHECK(hv_udivdi3(n, d) == n / d);
	CHECK(hv_umoddi3(n, d) == n % d);
	int64_t sn = (int64_t)n, sd = (int64_t)d;
	if (sd != 0 && !(sn == INT64_MIN && sd == -1)) {
		CHECK(hv_divdi3(sn, sd) == sn / sd);
		CHECK(hv_moddi3(sn, sd) == sn % sd);
	}
}

static void test_edges(void)
{
	static const uint64_t v[] = { 1, 2, 3, 7, 10, 1000, 0xffffffffull, 0x100000000ull,
				      0x100000001ull, 1000000000ull, 0x7fffffffffffffffull,
				      0x8000000000000000ull, ~0ull, 0xfffffffffffffffeull };
	for (unsigned i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		check_pair(0, v[i]);
		for (unsigned j = 0; j < sizeof(v) / sizeof(v[0]); j++)
			check_pair(v[i], v[j]);
	}
}

static void test_random(void)
{
	uint64_t x = 88172645463325252ull;
	for (int i = 0; i < 200000; i++) {
		x ^= x << 13; x ^= x >> 7; x ^= x << 17;
		uint64_t n = x;
		x ^= x << 13; x ^= x >> 7; x ^= x << 17;
		uint64_t d = x >> (x & 63);
		if (d)
			check_pair(n, d);
	}
}

static void test_remainder_out(void)
{
	uint64_t r = 0;
	CHECK(hv_udivmoddi4(1000000000007ull, 1000, &r) == 1000000000ull);
	CHECK(r == 7);
	CHECK(hv_udivmoddi4(5, 10, NULL) == 0);
}

UNIT_MAIN(UNIT(test_edges), UNIT(test_random), UNIT(test_remainder_out))
