/* Time from shared_info: system time (ns since the domain's hypervisor
 * booted, monotonic) and the wall clock. */
#ifndef MG_TIME_H
#define MG_TIME_H

#include <stdint.h>

uint64_t time_now_ns(void);

/* How long this vCPU has been running, in ns (0 if the hypervisor does not
 * say). */
uint64_t time_running_ns(void);

/* Wall-clock time now: seconds and nanoseconds since 1970. */
void time_wallclock(uint64_t *sec, uint32_t *nsec);

#endif
