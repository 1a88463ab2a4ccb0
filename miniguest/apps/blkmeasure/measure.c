/* The block figures (measure.h). The buffer is page-aligned so that a
 * 64 KiB request is sixteen whole pages on every path. */
#include "measure.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/time.h"

static uint8_t buf[MEASURE_CHUNK] __attribute__((aligned(4096)));
static uint64_t lat[MEASURE_RANDOM_READS];

/* MB/s over the whole device, or 0 on an error. */
static double seq(struct blkdev *d, int write, uint64_t *requests)
{
	uint32_t per = MEASURE_CHUNK / d->sector_size;
	uint64_t t0 = time_now_ns();
	for (uint64_t s = 0; s + per <= d->sectors; s += per, ++*requests)
		if ((write ? d->write(d, s, per, buf) : d->read(d, s, per, buf)) < 0)
			return 0;
	uint64_t ns = time_now_ns() - t0;
	return ns ? (double)(d->sectors / per * MEASURE_CHUNK) * 1000.0 / (double)ns : 0;
}

static int by_value(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

/* IOPS, or 0 on an error; the median latency in *median. */
static double random_reads(struct blkdev *d, uint64_t *median, uint64_t *requests)
{
	uint32_t per = 4096 / d->sector_size;
	uint64_t pages = d->sectors / per, t0 = time_now_ns();
	uint32_t x = 12345;
	for (unsigned i = 0; i < MEASURE_RANDOM_READS; i++, ++*requests) {
		x = x * 1103515245u + 12345u;
		uint64_t t = time_now_ns();
		if (d->read(d, (x >> 8) % pages * per, per, buf) < 0)
			return 0;
		lat[i] = time_now_ns() - t;
	}
	uint64_t ns = time_now_ns() - t0;
	qsort(lat, MEASURE_RANDOM_READS, sizeof(lat[0]), by_value);
	*median = lat[MEASURE_RANDOM_READS / 2];
	return ns ? MEASURE_RANDOM_READS * 1e9 / (double)ns : 0;
}

int measure(struct blkdev *d, struct measure *m)
{
	*m = (struct measure){ 0 };
	if (!d || d->sectors < MEASURE_CHUNK / d->sector_size)
		return -1;
	memset(buf, 0x5a, sizeof(buf));
	m->write_mbs = seq(d, 1, &m->requests);
	m->read_mbs = seq(d, 0, &m->requests);
	m->iops = random_reads(d, &m->median_ns, &m->requests);
	return m->write_mbs && m->read_mbs && m->iops ? 0 : -1;
}

void measure_line(const char *metric, double value, const char *unit, double floor)
{
	char f[32] = "null";
	if (floor >= 0)
		snprintf(f, sizeof(f), "%.1f", floor);
	printf("BENCH {\"metric\": \"%s\", \"value\": %.1f, \"unit\": \"%s\", \"floor\": %s}\n",
	       metric, value, unit, f);
}
