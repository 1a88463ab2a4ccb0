#include "time/clock.h"
#include "arch/arch.h"

/* System time is a line through (tsc0, ns0) with the slope of scale. The
 * discipline replaces it, at a point of the old line, with one of a new
 * slope: time never jumps, and never runs backwards. */
static struct time_scale tsc_scale;
static uint64_t tsc0, ns0;
static uint64_t tsc_hz;
int64_t wallclock_at_entry = -1;

void clock_init(uint64_t hz)
{
	tsc_hz = hz;
	tsc0 = boot_tsc;
	ns0 = 0;
	time_scale_init(&tsc_scale, hz);
}

uint64_t clock_ns_at(uint64_t tsc)
{
	if (!tsc_hz)
		return 0;
	/* A TSC read before the line's start (never later than now) counts
	 * as its start. */
	return ns0 + (tsc > tsc0 ? time_scale_apply(&tsc_scale, tsc - tsc0) : 0);
}

uint64_t clock_ns(void)
{
	return clock_ns_at(rdtsc());
}

void clock_rescale(uint64_t tsc, uint64_t hz)
{
	uint64_t ns = clock_ns_at(tsc);

	tsc0 = tsc > tsc0 ? tsc : tsc0;
	ns0 = ns;
	tsc_hz = hz;
	time_scale_init(&tsc_scale, hz);
}

uint64_t clock_us_since_entry(void)
{
	return clock_ns() / 1000;
}

uint64_t clock_tsc_hz(void)
{
	return tsc_hz;
}

const struct time_scale *clock_tsc_scale(void)
{
	return &tsc_scale;
}
