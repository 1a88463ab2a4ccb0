/* blktest's benchmark: sequential 64 KiB reads and writes (MB/s) and
 * random 4 KiB reads (IOPS, median latency) on xvda, through blkfront and
 * blkback, each beside the same done on a RAM disk of this domain's own
 * (the floor: the disk blkback serves is one such, reached directly). One
 * "BENCH {json}" line per figure; then it asks the driver domain for its
 * CPU time per request (test-report-backend). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ext2fs/blkdev.h"
#include "kernel/thread.h"
#include "kernel/time.h"
#include "xenbus/xenbus.h"

#define CHUNK (64u * 1024)
#define RANDOM_READS 2000u

static uint8_t buf[CHUNK] __attribute__((aligned(4096)));
static uint64_t lat[RANDOM_READS];

static double seq(struct blkdev *d, bool write)
{
	uint32_t per = CHUNK / d->sector_size;
	uint64_t t0 = time_now_ns();
	for (uint64_t s = 0; s + per <= d->sectors; s += per)
		if ((write ? d->write(d, s, per, buf) : d->read(d, s, per, buf)) < 0)
			return 0;
	uint64_t ns = time_now_ns() - t0;
	return ns ? (double)(d->sectors * d->sector_size) * 1000.0 / (double)ns : 0;
}

static int by_value(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

/* IOPS; the median latency (ns) in *median. */
static double random_reads(struct blkdev *d, uint64_t *median)
{
	uint32_t per = 4096 / d->sector_size;
	uint64_t pages = d->sectors / per, t0 = time_now_ns();
	uint32_t x = 12345;
	for (unsigned i = 0; i < RANDOM_READS; i++) {
		x = x * 1103515245u + 12345u;
		uint64_t t = time_now_ns();
		if (d->read(d, (x >> 8) % pages * per, per, buf) < 0)
			return 0;
		lat[i] = time_now_ns() - t;
	}
	uint64_t ns = time_now_ns() - t0;
	qsort(lat, RANDOM_READS, sizeof(lat[0]), by_value);
	*median = lat[RANDOM_READS / 2];
	return ns ? RANDOM_READS * 1e9 / (double)ns : 0;
}

static void line(const char *metric, double value, const char *unit, double floor)
{
	printf("BENCH {\"metric\": \"%s\", \"value\": %.1f, \"unit\": \"%s\", \"floor\": %.1f}\n",
	       metric, value, unit, floor);
}

int bench(struct blkdev *d)
{
	struct blkdev ram;
	size_t bytes = (size_t)(d->sectors * d->sector_size);
	void *mem = calloc(1, bytes);
	if (!mem)
		return 1;
	blkdev_ram(&ram, mem, bytes);
	memset(buf, 0x5a, sizeof(buf));
	double w = seq(d, true), wf = seq(&ram, true);
	double r = seq(d, false), rf = seq(&ram, false);
	uint64_t med, medf;
	double iops = random_reads(d, &med), iopsf = random_reads(&ram, &medf);
	line("seq_write_64k", w, "MB/s", wf);
	line("seq_read_64k", r, "MB/s", rf);
	line("rand_read_4k_iops", iops, "IOPS", iopsf);
	line("rand_read_4k_median_latency", (double)med, "ns", (double)medf);
	/* Ask, and wait (ten seconds at most) until the backend has answered:
	 * once this domain is gone, so is the key. */
	char path[XENBUS_PATH + 32], back[XENBUS_PATH];
	snprintf(path, sizeof(path), "/local/domain/%d/device/vbd/51712/backend", xb_domid());
	xb_read(path, back, sizeof(back));
	snprintf(path, sizeof(path), "/local/domain/%d/device/vbd/51712/test-report-backend",
		 xb_domid());
	xb_write(path, "1");
	snprintf(path, sizeof(path), "%s/test-report-backend", back);
	for (uint64_t end = time_now_ns() + 10000000000ull;
	     xb_read_num(path) != 1 && time_now_ns() < end;)
		thread_sleep_ns(50000000u);
	printf("Test result: %s\n", w && r && iops ? "SUCCESS" : "FAILURE");
	return w && r && iops ? 0 : 1;
}
