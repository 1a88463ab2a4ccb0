#include "time/clock.h"
#include "arch/arch.h"

static struct time_scale tsc_scale;
static uint64_t tsc_hz;
int64_t wallclock_at_entry = -1;

void clock_init(uint64_t hz)
{
	tsc_hz = hz;
	time_scale_init(&tsc_scale, hz);
}

uint64_t clock_ns(void)
{
	if (!tsc_hz)
		return 0;
	return time_scale_apply(&tsc_scale, rdtsc() - boot_tsc);
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
