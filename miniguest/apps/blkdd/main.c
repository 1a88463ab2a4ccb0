/* A driver domain: blkback for the disks the toolstack gives it (disk=
 * words naming this domain as the backend): RAM disks, or the virtio-blk
 * disks the hypervisor gave it (pci=), vda, vdb, ... in PCI order. For tests, once a frontend of
 * its writes 1 in its device's key test-crash-backend or
 * test-report-backend:
 *   crash=1    it dies (a fault, as a buggy driver would): the test of a
 *              backend that goes away under its frontend
 *   report=1   it prints its CPU time per request answered (a BENCH line)
 *              and ends
 *   floor=1    at each round the frontend asks for (its key's number),
 *              it measures vda itself (blkmeasure), the floors of the
 *              figures the frontend measures through blkback, while the
 *              frontend waits for its answer (the same number) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "blkif/blkif.h"
#include "../blkmeasure/measure.h"
#include "virtio/blk.h"
#include "kernel/thread.h"
#include "kernel/time.h"
#include "xenbus/xenbus.h"

#define SECOND 1000000000ull

/* Does a frontend of one of our devices ask, in its key? The number it
 * wrote there (0: none), and in answer where ours goes: our own
 * directory's key of the same name. */
static long asked(const char *base, const char *key, char *answer)
{
	static char fes[256], ns[256];
	char path[XENBUS_PATH * 2], fe_dir[XENBUS_PATH];
	if (xb_directory(base, fes, sizeof(fes)) < 0)
		return 0;
	for (const char *fe = fes; *fe; fe += strlen(fe) + 1) {
		snprintf(path, sizeof(path), "%s/%s", base, fe);
		if (xb_directory(path, ns, sizeof(ns)) < 0)
			continue;
		for (const char *n = ns; *n; n += strlen(n) + 1) {
			snprintf(path, sizeof(path), "%s/%s/%s/frontend", base, fe, n);
			if (xb_read(path, fe_dir, sizeof(fe_dir)) < 0)
				continue;
			snprintf(path, sizeof(path), "%s/%s", fe_dir, key);
			long k = xb_read_num(path);
			if (k > 0) {
				snprintf(answer, XENBUS_PATH * 2, "%s/%s/%s/%s", base, fe, n, key);
				return k;
			}
		}
	}
	return 0;
}

/* vda's figures, as direct_*, and our CPU time per request meanwhile;
 * the CPU time it took. */
static uint64_t floors(void)
{
	struct measure m;
	uint64_t t0 = time_running_ns();
	if (measure(blkdev_find("vda"), &m) < 0) {
		printf("blkdd: cannot measure vda\n");
		return time_running_ns() - t0;
	}
	uint64_t ns = time_running_ns() - t0;
	measure_line("direct_seq_write_64k", m.write_mbs, "MB/s", -1);
	measure_line("direct_seq_read_64k", m.read_mbs, "MB/s", -1);
	measure_line("direct_rand_read_4k_iops", m.iops, "IOPS", -1);
	measure_line("direct_rand_read_4k_median_latency", (double)m.median_ns, "ns", -1);
	measure_line("direct_cpu_per_request", (double)(ns / m.requests), "ns", -1);
	return ns;
}

static void answer_with(const char *answer, long k)
{
	char s[24];
	snprintf(s, sizeof(s), "%ld", k);
	xb_write(answer, s);
}

int main(void)
{
	const char *crash = getenv("crash"), *report = getenv("report");
	bool floor = getenv("floor") != NULL;
	long floored = 0;
	char base[XENBUS_PATH], answer[XENBUS_PATH * 2];
	unsigned disks = virtio_blk_probe_all();
	if (disks)
		printf("blkdd: %u virtio-blk disk(s)\n", disks);
	if (blkback_start() < 0) {
		printf("blkdd: no store\n");
		return 1;
	}
	snprintf(base, sizeof(base), "/local/domain/%d/backend/vbd", xb_domid());
	printf("blkdd: serving disks\n");
	/* CPU time from the first request on (not the disk's making). */
	uint64_t base_n = 0, base_ns = 0, skip_ns = 0;
	long k;
	for (;;) {
		thread_sleep_ns(SECOND / 10);
		if (!base_n && (base_n = blkback_requests()))
			base_ns = time_running_ns();
		if (crash && asked(base, "test-crash-backend", answer)) {
			answer_with(answer, 1);
			break;
		}
		if (floor && (k = asked(base, "test-floor-backend", answer)) > floored) {
			/* Not CPU time serving requests. */
			uint64_t ns = floors();
			skip_ns += base_n ? ns : 0;
			answer_with(answer, floored = k);
		}
		if (report && asked(base, "test-report-backend", answer)) {
			answer_with(answer, 1);
			uint64_t n = blkback_requests() - base_n;
			uint64_t ns = time_running_ns() - base_ns - skip_ns;
			printf("BENCH {\"metric\": \"backend_cpu_per_request\", \"value\": %llu, "
			       "\"unit\": \"ns\", \"floor\": null}\n", n ? (unsigned long long)(ns / n) : 0ull);
			printf("blkdd: %llu requests, %llu ms running\n", (unsigned long long)n,
			       (unsigned long long)(ns / 1000000));
			return 0;
		}
	}
	printf("blkdd: crashing now\n");
	*(volatile int *)0 = 1;
	return 1;
}
