/* Choosing the TSC's rate from several calibration windows. */
#ifndef TIME_CALIB_H
#define TIME_CALIB_H

#include <stdint.h>

/* The rate most windows agree on: the median of the non-zero ones (a zero
 * is a window that failed), so that a window the host stretched or cut
 * short counts for nothing. Sorts hz[] in place; *agree gets how many lie
 * within 1% of the answer. 0 when no window measured anything. */
uint64_t calib_pick(uint64_t *hz, unsigned n, unsigned *agree);

/* The TSC's rate from dtsc TSC ticks over dp ticks of a platform timer
 * running at p_hz, without overflow for runs of days. dp must be non-zero. */
uint64_t calib_rate(uint64_t dtsc, uint64_t dp, uint64_t p_hz);

/* The rate at which hz ticks make epoch_ns + err_ns of system time in
 * the next epoch_ns: a clock err_ns behind (ahead, when negative) catches
 * up by then. err_ns is bounded to a quarter of the epoch, so that one bad
 * reading cannot make time crawl or race. */
uint64_t calib_bend(uint64_t hz, int64_t err_ns, uint64_t epoch_ns);

#endif
