/* Borrowed Virtual Time: the arithmetic the scheduler decides with. */
#include "unit.h"
#include "sched/bvt.h"

#define MS 1000000ull

static void test_defaults_and_params(void)
{
	struct bvt b;
	bvt_init(&b);
	CHECK_EQ(b.p.weight, BVT_WEIGHT_DEFAULT);
	CHECK_EQ(bvt_evt(&b), 0);
	struct bvt_params p = { .weight = 0 };
	CHECK_EQ(bvt_set_params(&b, &p), -1);
	p.weight = BVT_WEIGHT_MAX + 1;
	CHECK_EQ(bvt_set_params(&b, &p), -1);
	CHECK_EQ(b.p.weight, BVT_WEIGHT_DEFAULT);     /* unchanged by a refusal */
	p.weight = 4;
	CHECK_EQ(bvt_set_params(&b, &p), 0);
	CHECK_EQ(b.p.weight, 4);
}

static void test_virtual_time_follows_weight(void)
{
	struct bvt a, b;
	struct bvt_params pa = { .weight = 1 }, pb = { .weight = 4 };
	bvt_init(&a);
	bvt_init(&b);
	bvt_set_params(&a, &pa);
	bvt_set_params(&b, &pb);
	bvt_charge(&a, 40 * MS, 40 * MS);
	bvt_charge(&b, 40 * MS, 80 * MS);
	CHECK_EQ(a.avt, 40 * MS);
	CHECK_EQ(b.avt, 10 * MS);
	CHECK(bvt_evt(&b) < bvt_evt(&a));
}

/* Simulate ticks: the lowest EVT runs each slice; shares follow weights. */
static void test_shares_converge(void)
{
	struct bvt d[3];
	uint32_t weights[3] = { 1, 2, 4 };
	uint64_t ran[3] = { 0 }, now = 0;
	int running = 0;

	for (int i = 0; i < 3; i++) {
		struct bvt_params p = { .weight = weights[i] };
		bvt_init(&d[i]);
		bvt_set_params(&d[i], &p);
	}
	for (int tick = 0; tick < 7000; tick++) {
		now += MS;
		bvt_charge(&d[running], MS, now);
		ran[running] += MS;
		int best = 0;
		for (int i = 1; i < 3; i++)
			if (bvt_evt(&d[i]) < bvt_evt(&d[best]))
				best = i;
		if (best != running && bvt_preempts(bvt_evt(&d[best]), bvt_evt(&d[running])))
			running = best;
	}
	for (int i = 0; i < 3; i++) {
		uint64_t want = 7000 * MS * weights[i] / 7;
		CHECK(ran[i] > want * 95 / 100 && ran[i] < want * 105 / 100);
	}
}

static void test_sleeping_earns_no_credit(void)
{
	struct bvt b;
	bvt_init(&b);
	bvt_wake(&b, 500 * MS, 1000 * MS);
	CHECK_EQ(b.avt, 500 * MS);                    /* brought up to SVT */
	bvt_charge(&b, 10 * MS, 1010 * MS);
	bvt_wake(&b, 100 * MS, 2000 * MS);
	CHECK_EQ(b.avt, 510 * MS);                    /* never moved back */
}

static void test_warp_limits(void)
{
	struct bvt b;
	struct bvt_params p = { .weight = 1, .warp_ns = 50 * MS, .warp_limit_ns = 3 * MS,
				.unwarp_req_ns = 20 * MS };
	bvt_init(&b);
	bvt_set_params(&b, &p);
	bvt_wake(&b, 100 * MS, 1000 * MS);
	CHECK(b.warping);
	CHECK_EQ(bvt_evt(&b), 50 * MS);
	bvt_charge(&b, 2 * MS, 1002 * MS);
	CHECK(b.warping);
	bvt_charge(&b, 2 * MS, 1004 * MS);            /* past the 3 ms limit */
	CHECK(!b.warping);
	CHECK_EQ(bvt_evt(&b), b.avt);
	bvt_sleep(&b, 1005 * MS);
	bvt_wake(&b, 0, 1010 * MS);                   /* too soon to warp again */
	CHECK(!b.warping);
	bvt_sleep(&b, 1011 * MS);
	bvt_wake(&b, 0, 1030 * MS);                   /* 26 ms after the warp ended */
	CHECK(b.warping);
	/* A warp larger than the virtual time itself stops at zero. */
	struct bvt c;
	p.warp_ns = 1000 * MS;
	bvt_init(&c);
	bvt_set_params(&c, &p);
	bvt_wake(&c, 10 * MS, 2000 * MS);
	CHECK_EQ(bvt_evt(&c), 0);
}

static void test_allowance(void)
{
	CHECK(!bvt_preempts(100 * MS, 100 * MS));
	CHECK(!bvt_preempts(96 * MS, 100 * MS));      /* within the allowance */
	CHECK(bvt_preempts(94 * MS, 100 * MS));
	CHECK(!bvt_preempts(200 * MS, 100 * MS));
}

UNIT_MAIN(UNIT(test_defaults_and_params), UNIT(test_virtual_time_follows_weight),
	  UNIT(test_shares_converge), UNIT(test_sleeping_earns_no_credit), UNIT(test_warp_limits),
	  UNIT(test_allowance))
