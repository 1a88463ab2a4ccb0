/* blktest's benchmark: xvda's figures through blkfront and blkback
 * (blkmeasure), one "BENCH {json}" line each. With ram, each beside the
 * same done on a RAM disk of this domain's own (the floor when blkback
 * serves a RAM disk); without, the floor is the driver domain's, measured
 * on its own disk before it served it (blkdd floor=1). Then it asks the
 * driver domain for its CPU time per request (test-report-backend). */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "../blkmeasure/measure.h"
#include "kernel/thread.h"
#include "kernel/time.h"
#include "xenbus/xenbus.h"

static void ask_report(void)
{
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
}

int bench(struct blkdev *d, bool ram)
{
	struct measure m, f = { -1, -1, -1, 0, 0 };
	struct blkdev disk;
	int rc = measure(d, &m);
	if (ram) {
		size_t bytes = (size_t)(d->sectors * d->sector_size);
		void *mem = calloc(1, bytes);
		if (!mem)
			return 1;
		blkdev_ram(&disk, mem, bytes);
		rc |= measure(&disk, &f);
		free(mem);
	}
	measure_line("seq_write_64k", m.write_mbs, "MB/s", f.write_mbs);
	measure_line("seq_read_64k", m.read_mbs, "MB/s", f.read_mbs);
	measure_line("rand_read_4k_iops", m.iops, "IOPS", f.iops);
	measure_line("rand_read_4k_median_latency", (double)m.median_ns, "ns",
		     ram ? (double)f.median_ns : -1);
	ask_report();
	printf("Test result: %s\n", rc == 0 ? "SUCCESS" : "FAILURE");
	return rc == 0 ? 0 : 1;
}
