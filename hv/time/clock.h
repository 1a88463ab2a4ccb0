/* The hypervisor's clock: nanoseconds since entry, from the TSC once it has
 * been calibrated (0 before that), and the wall clock read from the RTC. */
#ifndef TIME_CLOCK_H
#define TIME_CLOCK_H

#include <stdint.h>
#include "time/scale.h"

extern uint64_t boot_tsc;          /* read by the entry code */

void clock_init(uint64_t tsc_hz);
uint64_t clock_ns(void);
uint64_t clock_us_since_entry(void);
uint64_t clock_tsc_hz(void);
const struct time_scale *clock_tsc_scale(void);

/* Wall clock: seconds since 1970 at clock_ns() == 0; -1 when unknown. */
extern int64_t wallclock_at_entry;

#endif
