/* Tick scaling, calendar arithmetic and the software timer queue. */
#include "unit.h"
#include "time/calendar.h"
#include "time/calib.h"
#include "time/scale.h"
#include "time/timer.h"

static void check_rate(uint64_t hz)
{
	struct time_scale ts;
	time_scale_init(&ts, hz);
	/* One second of ticks is one second, within a part per million. */
	uint64_t ns = time_scale_apply(&ts, hz);
	CHECK(ns >= 999999000ull && ns <= 1000001000ull);
	/* An hour of ticks, where 32-bit arithmetic would overflow. */
	uint64_t hour = time_scale_apply(&ts, hz * 3600);
	CHECK(hour / 1000000 >= 3599996 && hour / 1000000 <= 3600004);
	CHECK_EQ(time_scale_apply(&ts, 0), 0);
}

static void test_scale_rates(void)
{
	check_rate(1193182);          /* PIT */
	check_rate(100000000);
	check_rate(1000000000);       /* exactly 1 GHz */
	check_rate(1000000001);
	check_rate(2000000000);
	check_rate(2500000000ull);
	check_rate(3999999999ull);
	check_rate(6000000000ull);
}

static void test_scale_is_monotonic(void)
{
	struct time_scale ts;
	time_scale_init(&ts, 2893412345ull);
	uint64_t prev = 0;
	for (uint64_t t = 0; t < 5000000; t += 997) {
		uint64_t ns = time_scale_apply(&ts, t);
		CHECK(ns >= prev);
		prev = ns;
	}
}

static int64_t unix_of(int y, int mo, int d, int h, int mi, int s)
{
	struct civil_time t = { y, mo, d, h, mi, s };
	return civil_to_unix(&t);
}

static void test_calendar_known_dates(void)
{
	CHECK_EQ(unix_of(1970, 1, 1, 0, 0, 0), 0);
	CHECK_EQ(unix_of(2000, 2, 29, 12, 0, 0), 951825600);
	CHECK_EQ(unix_of(2024, 12, 31, 23, 59, 59), 1735689599);
	CHECK_EQ(unix_of(2038, 1, 19, 3, 14, 8), 2147483648ll);
	CHECK_EQ(unix_of(2100, 3, 1, 0, 0, 0), 4107542400ll);
}

static void test_calendar_garbage(void)
{
	CHECK_EQ(unix_of(2023, 2, 29, 0, 0, 0), -1);   /* not a leap year */
	CHECK_EQ(unix_of(1900, 2, 28, 0, 0, 0), -1);   /* before the epoch */
	CHECK_EQ(unix_of(2024, 13, 1, 0, 0, 0), -1);
	CHECK_EQ(unix_of(2024, 0, 1, 0, 0, 0), -1);
	CHECK_EQ(unix_of(2024, 4, 31, 0, 0, 0), -1);
	CHECK_EQ(unix_of(2024, 1, 0, 0, 0, 0), -1);
	CHECK_EQ(unix_of(2024, 1, 1, 24, 0, 0), -1);
	CHECK_EQ(unix_of(2024, 1, 1, 0, 60, 0), -1);
	CHECK_EQ(unix_of(2024, 1, 1, 0, 0, 60), -1);
	CHECK_EQ(unix_of(2024, 1, 1, -1, 0, 0), -1);
	CHECK_EQ(unix_of(165, 165, 165, 165, 165, 165), -1);   /* an unset CMOS */
}

static int fired[8], nfired;
static void note(struct timer *t) { fired[nfired++] = (int)t->expires; }

static void test_queue_orders_by_deadline(void)
{
	struct timer_queue q = { 0 };
	struct timer t[5] = { { .fn = note }, { .fn = note }, { .fn = note }, { .fn = note }, { .fn = note } };
	timer_queue_insert(&q, &t[0], 50);
	timer_queue_insert(&q, &t[1], 10);
	timer_queue_insert(&q, &t[2], 30);
	timer_queue_insert(&q, &t[3], 30);
	timer_queue_insert(&q, &t[4], 70);
	uint64_t next;
	CHECK(timer_queue_next(&q, &next) && next == 10);
	CHECK(timer_queue_pop_expired(&q, 9) == NULL);
	nfired = 0;
	struct timer *x;
	while ((x = timer_queue_pop_expired(&q, 50)))
		x->fn(x);
	CHECK_EQ(nfired, 4);
	CHECK_EQ(fired[0], 10);
	CHECK_EQ(fired[1], 30);
	CHECK_EQ(fired[3], 50);
	CHECK(timer_queue_next(&q, &next) && next == 70);
	CHECK(!t[0].queued && t[4].queued);
}

static void test_queue_rearm_and_remove(void)
{
	struct timer_queue q = { 0 };
	struct timer a = { .fn = note }, b = { .fn = note };
	timer_queue_insert(&q, &a, 100);
	timer_queue_insert(&q, &b, 200);
	timer_queue_insert(&q, &a, 300);              /* re-arming moves it */
	uint64_t next;
	CHECK(timer_queue_next(&q, &next) && next == 200);
	CHECK(timer_queue_remove(&q, &b));
	CHECK(!timer_queue_remove(&q, &b));           /* not queued any more */
	CHECK(timer_queue_next(&q, &next) && next == 300);
	CHECK(timer_queue_pop_expired(&q, 300) == &a);
	CHECK(!timer_queue_next(&q, &next));
	CHECK(timer_queue_pop_expired(&q, ~0ull) == NULL);
}

/* Deadline 0 is a deadline like any other, the earliest there is: it
 * neither reads as an empty queue nor hides the timers behind it. */
static void test_queue_deadline_zero(void)
{
	struct timer_queue q = { 0 };
	struct timer zero = { .fn = note }, slice = { .fn = note };
	uint64_t next = 12345;

	CHECK(!timer_queue_next(&q, &next));
	timer_queue_insert(&q, &slice, 10000000);
	timer_queue_insert(&q, &zero, 0);
	CHECK(timer_queue_next(&q, &next) && next == 0);
	CHECK(timer_queue_pop_expired(&q, 0) == &zero);
	CHECK(timer_queue_pop_expired(&q, 0) == NULL);
	CHECK(timer_queue_next(&q, &next) && next == 10000000);
	CHECK(timer_queue_pop_expired(&q, 10000000) == &slice);
}

/* UINT64_MAX goes last and never expires before the end of time; a queue
 * of equal deadlines keeps its insertion order, and re-arming one moves it
 * behind the others. */
static void test_queue_far_and_equal(void)
{
	struct timer_queue q = { 0 };
	struct timer far = { .fn = note }, e[3] = { { .fn = note }, { .fn = note }, { .fn = note } };
	uint64_t next;

	timer_queue_insert(&q, &far, UINT64_MAX);
	for (int i = 0; i < 3; i++)
		timer_queue_insert(&q, &e[i], 500);
	timer_queue_insert(&q, &e[0], 500);
	CHECK(timer_queue_next(&q, &next) && next == 500);
	CHECK(timer_queue_pop_expired(&q, 500) == &e[1]);
	CHECK(timer_queue_pop_expired(&q, 500) == &e[2]);
	CHECK(timer_queue_pop_expired(&q, 500) == &e[0]);
	CHECK(timer_queue_pop_expired(&q, UINT64_MAX - 1) == NULL);
	CHECK(timer_queue_next(&q, &next) && next == UINT64_MAX);
	CHECK(timer_queue_pop_expired(&q, UINT64_MAX) == &far);
	CHECK(!timer_queue_next(&q, &next));
}

/* Two windows of five stretched by a descheduled host (3.4 and 4.2 GHz
 * on a 2.6 GHz machine) and one that failed: the answer is the real rate. */
static void test_calib_rejects_outliers(void)
{
	uint64_t hz[6] = { 2600100000ull, 3400000000ull, 2599900000ull, 0, 4200000000ull,
			   2600000000ull };
	unsigned agree;

	CHECK_EQ(calib_pick(hz, 6, &agree), 2600100000ull);
	CHECK_EQ(agree, 3);
	uint64_t low[5] = { 1900000000ull, 2600000000ull, 2600000000ull, 2600000000ull, 1 };
	CHECK_EQ(calib_pick(low, 5, &agree), 2600000000ull);
	CHECK_EQ(agree, 3);
	uint64_t none[3] = { 0, 0, 0 };
	CHECK_EQ(calib_pick(none, 3, &agree), 0);
	CHECK_EQ(agree, 0);
	uint64_t one[1] = { 2445404000ull };
	CHECK_EQ(calib_pick(one, 1, &agree), 2445404000ull);
	CHECK_EQ(agree, 1);
}

/* The rate from TSC and platform ticks, exact where 64-bit products
 * would overflow (days of a 6 GHz TSC). */
static void test_calib_rate(void)
{
	CHECK_EQ(calib_rate(2600000000ull, 3579545, 3579545), 2600000000ull);
	CHECK_EQ(calib_rate(2600000000ull * 86400, 3579545ull * 86400, 3579545), 2600000000ull);
	CHECK_EQ(calib_rate(6000000000ull * 86400 * 10, 3579545ull * 86400 * 10, 3579545),
		 6000000000ull);
	CHECK_EQ(calib_rate(1299999999ull, 1789772, 3579545), 2600000724ull);   /* floor of the exact */
}

/* Bending the rate: a clock behind runs faster (fewer ticks a second),
 * one ahead slower, never by more than a quarter, and no error none. */
static void test_calib_bend(void)
{
	uint64_t hz = 2600000000ull, e = 1000000000ull;

	CHECK_EQ(calib_bend(hz, 0, e), hz);
	CHECK_EQ(calib_bend(hz, 1000000, e), hz * 1000 / 1001);           /* 1 ms behind */
	CHECK_EQ(calib_bend(hz, -1000000, e), hz * 1000 / 999);
	CHECK_EQ(calib_bend(hz, INT64_MAX, e), hz * 4 / 5);
	CHECK_EQ(calib_bend(hz, INT64_MIN, e), hz * 4 / 3);
	/* The bent rate makes err more ns in one epoch of hz ticks. */
	struct time_scale ts;
	time_scale_init(&ts, calib_bend(hz, 5000000, e));
	uint64_t ns = time_scale_apply(&ts, hz);
	CHECK(ns >= 1004999000ull && ns <= 1005001000ull);
}

UNIT_MAIN(UNIT(test_scale_rates), UNIT(test_scale_is_monotonic), UNIT(test_calendar_known_dates),
	  UNIT(test_calendar_garbage), UNIT(test_queue_orders_by_deadline),
	  UNIT(test_queue_rearm_and_remove), UNIT(test_queue_deadline_zero),
	  UNIT(test_queue_far_and_equal), UNIT(test_calib_rejects_outliers), UNIT(test_calib_rate),
	  UNIT(test_calib_bend))
