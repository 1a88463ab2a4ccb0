/* Clocks and sleeping. Only orderings and lower bounds are checked: how
 * long a sleep overshoots depends on the machine, not on correctness. */
#include <sys/time.h>
#include <sys/times.h>
#include <time.h>
#include <unistd.h>

#include "../check.h"
#include "libc_test.h"

static long long ns(const struct timespec *t)
{
	return (long long)t->tv_sec * 1000000000LL + t->tv_nsec;
}

void test_time(void)
{
	struct timespec a, b, req = { 0, 20 * 1000 * 1000 };
	struct timeval tv;

	time_t now = time(NULL);
	CHECK(now > 1700000000, "time() is a plausible date (%lld)", (long long)now);
	CHECK(gettimeofday(&tv, NULL) == 0 && tv.tv_sec >= now && tv.tv_usec < 1000000,
	      "gettimeofday agrees with time()");
	CHECK(clock_gettime(CLOCK_REALTIME, &a) == 0 && a.tv_sec >= now &&
	      a.tv_nsec < 1000000000, "clock_gettime(CLOCK_REALTIME)");

	CHECK(clock_gettime(CLOCK_MONOTONIC, &a) == 0, "clock_gettime(CLOCK_MONOTONIC)");
	CHECK(nanosleep(&req, NULL) == 0, "nanosleep 20 ms");
	clock_gettime(CLOCK_MONOTONIC, &b);
	CHECK(ns(&b) - ns(&a) >= 20000000, "at least 20 ms passed (%lld ns)", ns(&b) - ns(&a));
	a = b;
	usleep(5000);
	clock_gettime(CLOCK_MONOTONIC, &b);
	CHECK(ns(&b) - ns(&a) >= 5000000, "usleep(5000) sleeps at least 5 ms");
	CHECK(clock_gettime(12345, &a) == -1, "an unknown clock is refused");
	struct timespec bad = { 0, 1000000000 };
	CHECK(nanosleep(&bad, NULL) == -1, "nanosleep refuses tv_nsec of a whole second");

	struct tms t;
	clock_t c1 = times(&t);
	CHECK(c1 > 0 && t.tms_utime >= 0, "times() counts");
	struct tm tm;
	time_t fixed = 1000000000;
	gmtime_r(&fixed, &tm);
	CHECK(tm.tm_year == 101 && tm.tm_mon == 8 && tm.tm_mday == 9 && tm.tm_hour == 1,
	      "gmtime: 10^9 s is 2001-09-09 01:46:40");
}
