#include "time/calib.h"

uint64_t calib_pick(uint64_t *hz, unsigned n, unsigned *agree)
{
	unsigned m = 0;

	*agree = 0;
	for (unsigned i = 0; i < n; i++)            /* drop the failed windows */
		if (hz[i])
			hz[m++] = hz[i];
	if (m == 0)
		return 0;
	for (unsigned i = 1; i < m; i++)            /* a handful: insertion sort */
		for (unsigned j = i; j > 0 && hz[j - 1] > hz[j]; j--) {
			uint64_t t = hz[j];
			hz[j] = hz[j - 1];
			hz[j - 1] = t;
		}
	/* Of an even count, the lower middle one. */
	uint64_t pick = hz[(m - 1) / 2];
	for (unsigned i = 0; i < m; i++) {
		uint64_t d = hz[i] > pick ? hz[i] - pick : pick - hz[i];
		*agree += d <= pick / 100;
	}
	return pick;
}

uint64_t calib_rate(uint64_t dtsc, uint64_t dp, uint64_t p_hz)
{
	return dtsc / dp * p_hz + dtsc % dp * p_hz / dp;
}

uint64_t calib_bend(uint64_t hz, int64_t err_ns, uint64_t epoch_ns)
{
	int64_t max = (int64_t)(epoch_ns / 4);
	int64_t e = err_ns > max ? max : err_ns < -max ? -max : err_ns;

	/* In microseconds, so that hz times the epoch fits 64 bits. */
	uint64_t us = epoch_ns / 1000;
	return hz * us / (uint64_t)((int64_t)us + e / 1000);
}
