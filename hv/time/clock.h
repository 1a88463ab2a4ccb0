/* The hypervisor's clock: nanoseconds since entry, from the TSC once it has
 * been calibrated (0 before that), and the wall clock read from the RTC.
 * The TSC's rate is re-measured against the platform timer as it runs
 * (time/discipline.c); the clock follows without a jump. */
#ifndef TIME_CLOCK_H
#define TIME_CLOCK_H

#include <stdint.h>
#include "time/scale.h"

extern uint64_t boot_tsc;          /* read by the entry code */

void clock_init(uint64_t tsc_hz);
uint64_t clock_ns(void);
/* The clock at a TSC value read no later than now. */
uint64_t clock_ns_at(uint64_t tsc);
/* From tsc on, the clock runs at hz TSC ticks a second; interrupts off. */
void clock_rescale(uint64_t tsc, uint64_t hz);
uint64_t clock_us_since_entry(void);
uint64_t clock_tsc_hz(void);              /* the rate the clock runs at now */
const struct time_scale *clock_tsc_scale(void);

/* Wall clock: seconds since 1970 at clock_ns() == 0; -1 when unknown. */
extern int64_t wallclock_at_entry;

#endif
