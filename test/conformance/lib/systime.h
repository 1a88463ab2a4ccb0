/* Time as a guest reads it: the TSC, and system time (ns since the
 * hypervisor started) from vcpu_info[0].time in the shared info page. */
#ifndef CONFORMANCE_SYSTIME_H
#define CONFORMANCE_SYSTIME_H

#include <stdint.h>

static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;
	asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

/* System time now, by the versioned read of vcpu_time_info; *version, if
 * not NULL, gets the (even) version it read. Needs shared_info mapped. */
uint64_t system_time_ns(uint32_t *version);

/* The median of n timings (v is sorted in place): what benchmarks report. */
uint32_t median_u32(uint32_t *v, unsigned n);

#endif
