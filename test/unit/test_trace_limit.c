/* The hypercall log's rate limit (hv/hypercall/trace_limit.c): a burst,
 * then TRACE_PER_SECOND lines a second whatever the callers do, drops
 * counted and reported once, a clock that stands still or steps back. */
#include "unit.h"
#include "hypercall/trace_limit.h"

#define SEC 1000000000ull

static void test_burst_then_refused(void)
{
	struct trace_limit t = { 0 };
	uint32_t dropped = 99;

	for (unsigned i = 0; i < TRACE_BURST; i++) {
		CHECK(trace_limit_take(&t, 5 * SEC, &dropped));
		CHECK_EQ(dropped, 0);
	}
	for (unsigned i = 0; i < 1000; i++)
		CHECK(!trace_limit_take(&t, 5 * SEC, &dropped));
	CHECK_EQ(t.dropped, 1000);
	/* One line's worth of time later: one line, which says 1000 went. */
	CHECK(trace_limit_take(&t, 5 * SEC + SEC / TRACE_PER_SECOND, &dropped));
	CHECK_EQ(dropped, 1000);
	CHECK(!trace_limit_take(&t, 5 * SEC + SEC / TRACE_PER_SECOND, &dropped));
	CHECK_EQ(t.dropped, 1);
}

static void test_rate_over_a_long_run(void)
{
	struct trace_limit t = { 0 };
	uint32_t dropped, allowed = 0;

	/* A caller asking every microsecond for 10 s gets the burst and
	 * TRACE_PER_SECOND a second, no more. */
	for (uint64_t now = 0; now < 10 * SEC; now += 1000)
		allowed += trace_limit_take(&t, now, &dropped);
	CHECK(allowed <= TRACE_BURST + 10 * TRACE_PER_SECOND);
	CHECK(allowed >= TRACE_BURST + 10 * TRACE_PER_SECOND - 1);
}

static void test_credit_is_capped(void)
{
	struct trace_limit t = { 0 };
	uint32_t dropped, allowed = 0;

	CHECK(trace_limit_take(&t, 0, &dropped));
	/* An hour of quiet buys no more than a burst. */
	for (unsigned i = 0; i < 10 * TRACE_BURST; i++)
		allowed += trace_limit_take(&t, 3600 * SEC, &dropped);
	CHECK_EQ(allowed, TRACE_BURST);
}

static void test_clock_backwards(void)
{
	struct trace_limit t = { 0 };
	uint32_t dropped;

	for (unsigned i = 0; i < TRACE_BURST; i++)
		CHECK(trace_limit_take(&t, 100 * SEC, &dropped));
	/* Earlier times, 0 and the wrap-around's neighbours add nothing. */
	CHECK(!trace_limit_take(&t, 50 * SEC, &dropped));
	CHECK(!trace_limit_take(&t, 0, &dropped));
	CHECK(!trace_limit_take(&t, 100 * SEC, &dropped));
	CHECK(trace_limit_take(&t, UINT64_MAX, &dropped));
	CHECK_EQ(dropped, 3);
}

static void test_dropped_count_saturates(void)
{
	struct trace_limit t = { .started = true, .dropped = UINT32_MAX - 1 };
	uint32_t dropped;

	CHECK(!trace_limit_take(&t, 0, &dropped));
	CHECK(!trace_limit_take(&t, 0, &dropped));
	CHECK_EQ(t.dropped, UINT32_MAX);
}

UNIT_MAIN(UNIT(test_burst_then_refused), UNIT(test_rate_over_a_long_run),
	  UNIT(test_credit_is_capped), UNIT(test_clock_backwards),
	  UNIT(test_dropped_count_saturates))
