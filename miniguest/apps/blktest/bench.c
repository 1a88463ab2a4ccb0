/* blktest's benchmark: xvda's figures through blkfront and blkback
 * (blkmeasure), one "BENCH {json}" line each. With ram, each beside the
 * same done on a RAM disk of this domain's own (the floor when blkback
 * serves a RAM disk); without, the floor is the driver domain's, measured
 * on its own disk just before, in ROUNDS turns (test-floor-backend: blkdd
 * floor=1). Then it asks the driver domain for its CPU time per request
 * (test-report-backend). */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "../blkmeasure/measure.h"
#include "kernel/thread.h"
#include "kernel/time.h"
#include "xenbus/xenbus.h"

#define ROUNDS 3

/* Ask the driver domain (k in our device's key) and wait up to seconds
 * for its answer (k in its own): once this domain is gone, so is the key. */
static void ask_backend(const char *key, long k, unsigned seconds)
{
	char value[24];
	char path[XENBUS_PATH + 32], back[XENBUS_PATH];
	snprintf(path, sizeof(path), "/local/domain/%d/device/vbd/51712/backend", xb_domid());
	xb_read(path, back, sizeof(back));
	snprintf(path, sizeof(path), "/local/domain/%d/device/vbd/51712/%s", xb_domid(), key);
	snprintf(value, sizeof(value), "%ld", k);
	xb_write(path, value);
	snprintf(path, sizeof(path), "%s/%s", back, key);
	for (uint64_t end = time_now_ns() + seconds * 1000000000ull;
	     xb_read_num(path) != k && time_now_ns() < end;)
		thread_sleep_ns(50000000u);
}

static void lines(const struct measure *m, const struct measure *f)
{
	measure_line("seq_write_64k", m->write_mbs, "MB/s", f->write_mbs);
	measure_line("seq_read_64k", m->read_mbs, "MB/s", f->read_mbs);
	measure_line("rand_read_4k_iops", m->iops, "IOPS", f->iops);
	measure_line("rand_read_4k_median_latency", (double)m->median_ns, "ns",
		     f->iops >= 0 ? (double)f->median_ns : -1);
}

int bench(struct blkdev *d, bool ram)
{
	struct measure m, f = { -1, -1, -1, 0, 0 };
	struct blkdev disk;
	int rc = 0;
	/* Rounds in turns with the driver domain's floor, every domain booted
	 * and this one waiting meanwhile: a slow moment of the host hits both. */
	for (long k = 1; !ram && k <= ROUNDS; k++) {
		ask_backend("test-floor-backend", k, 120);
		rc |= measure(d, &m);
		lines(&m, &f);
	}
	if (ram) {
		rc |= measure(d, &m);
		size_t bytes = (size_t)(d->sectors * d->sector_size);
		void *mem = calloc(1, bytes);
		if (!mem)
			return 1;
		blkdev_ram(&disk, mem, bytes);
		rc |= measure(&disk, &f);
		free(mem);
		lines(&m, &f);
	}
	ask_backend("test-report-backend", 1, 10);
	printf("Test result: %s\n", rc == 0 ? "SUCCESS" : "FAILURE");
	return rc == 0 ? 0 : 1;
}
