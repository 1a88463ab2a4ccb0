/* Calendar arithmetic for the wall clock. */
#ifndef TIME_CALENDAR_H
#define TIME_CALENDAR_H

#include <stdint.h>

struct civil_time {
	int year;            /* e.g. 2026 */
	int month;           /* 1..12 */
	int day;             /* 1..31 */
	int hour, minute, second;
};

/* Seconds since 1970-01-01 00:00:00 UTC, or -1 when any field is out of range. */
int64_t civil_to_unix(const struct civil_time *t);

#endif
