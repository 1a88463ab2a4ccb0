/* Converting counter ticks to nanoseconds with one multiply: the same
 * (shift, mul_frac) pair that PV guests read from vcpu_time_info, where
 * ns = ((ticks << shift) * mul_frac) >> 32, shifting right for a negative shift. */
#ifndef TIME_SCALE_H
#define TIME_SCALE_H

#include <stdint.h>

struct time_scale {
	int8_t shift;
	uint32_t mul_frac;
};

/* ticks_per_sec must be non-zero. */
void time_scale_init(struct time_scale *ts, uint64_t ticks_per_sec);
uint64_t time_scale_apply(const struct time_scale *ts, uint64_t ticks);

#endif
