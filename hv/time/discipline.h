/* System time kept on the platform timer, re-measured every second. */
#ifndef TIME_DISCIPLINE_H
#define TIME_DISCIPLINE_H

#include <stdint.h>

struct discipline_stats {
	uint64_t epochs;             /* re-measurements so far */
	uint64_t tsc_hz;             /* the TSC's rate at the last one */
	int64_t last_error_ns;       /* platform time minus system time then */
};
extern struct discipline_stats discipline;

/* Start the epochs (after the timer hardware). Without a platform timer it
 * says so and does nothing. */
void discipline_start(void);

#endif
