#include "time/scale.h"

#define NS_PER_SEC 1000000000ull

void time_scale_init(struct time_scale *ts, uint64_t hz)
{
	int shift = 0;

	/* Bring the rate into (1e9, 2e9] so mul_frac = 1e9 * 2^32 / rate fits
	 * 32 bits with full precision. */
	while (hz > 2 * NS_PER_SEC) {
		hz >>= 1;
		shift--;
	}
	while (hz <= NS_PER_SEC) {
		hz <<= 1;
		shift++;
	}
	ts->shift = (int8_t)shift;
	ts->mul_frac = (uint32_t)((NS_PER_SEC << 32) / hz);
}

uint64_t time_scale_apply(const struct time_scale *ts, uint64_t ticks)
{
	if (ts->shift < 0)
		ticks >>= -ts->shift;
	else
		ticks <<= ts->shift;
	uint64_t lo = (uint64_t)(uint32_t)ticks * ts->mul_frac;
	uint64_t hi = (ticks >> 32) * ts->mul_frac;
	return hi + (lo >> 32);
}
