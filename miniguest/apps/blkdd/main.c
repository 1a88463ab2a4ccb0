/* A driver domain: blkback for the disks the toolstack gives it (disk=
 * words naming this domain as the backend): RAM disks, or the virtio-blk
 * disks the hypervisor gave it (pci=), vda, vdb, ... in PCI order. For tests, once a frontend of
 * its writes 1 in its device's key test-crash-backend or
 * test-report-backend:
 *   crash=1    it dies (a fault, as a buggy driver would): the test of a
 *              backend that goes away under its frontend
 *   report=1   it prints its CPU time per request answered (a BENCH line)
 *              and ends
 * and with floor=1, before serving, it measures vda itself (blkmeasure):
 * the floors of the figures a frontend measures through blkback. */
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

/* Does a frontend of one of our devices ask, in its key? The answer (1)
 * goes in our own directory's key of the same name. */
static bool asked(const char *base, const char *key)
{
	static char fes[256], ns[256];
	char path[XENBUS_PATH * 2], fe_dir[XENBUS_PATH];
	if (xb_directory(base, fes, sizeof(fes)) < 0)
		return false;
	for (const char *fe = fes; *fe; fe += strlen(fe) + 1) {
		snprintf(path, sizeof(path), "%s/%s", base, fe);
		if (xb_directory(path, ns, sizeof(ns)) < 0)
			continue;
		for (const char *n = ns; *n; n += strlen(n) + 1) {
			snprintf(path, sizeof(path), "%s/%s/%s/frontend", base, fe, n);
			if (xb_read(path, fe_dir, sizeof(fe_dir)) < 0)
				continue;
			snprintf(path, sizeof(path), "%s/%s", fe_dir, key);
			if (xb_read_num(path) == 1) {
				snprintf(path, sizeof(path), "%s/%s/%s/%s", base, fe, n, key);
				xb_write(path, "1");
				return true;
			}
		}
	}
	return false;
}

/* vda's figures, as direct_*, and our CPU time per request meanwhile. */
static void floors(void)
{
	struct measure m;
	uint64_t t0 = time_running_ns();
	if (measure(blkdev_find("vda"), &m) < 0) {
		printf("blkdd: cannot measure vda\n");
		return;
	}
	uint64_t ns = time_running_ns() - t0;
	measure_line("direct_seq_write_64k", m.write_mbs, "MB/s", -1);
	measure_line("direct_seq_read_64k", m.read_mbs, "MB/s", -1);
	measure_line("direct_rand_read_4k_iops", m.iops, "IOPS", -1);
	measure_line("direct_rand_read_4k_median_latency", (double)m.median_ns, "ns", -1);
	measure_line("direct_cpu_per_request", (double)(ns / m.requests), "ns", -1);
}

int main(void)
{
	const char *crash = getenv("crash"), *report = getenv("report");
	char base[XENBUS_PATH];
	unsigned disks = virtio_blk_probe_all();
	if (disks)
		printf("blkdd: %u virtio-blk disk(s)\n", disks);
	if (getenv("floor"))
		floors();
	if (blkback_start() < 0) {
		printf("blkdd: no store\n");
		return 1;
	}
	snprintf(base, sizeof(base), "/local/domain/%d/backend/vbd", xb_domid());
	printf("blkdd: serving disks\n");
	/* CPU time from the first request on (not the disk's making). */
	uint64_t base_n = 0, base_ns = 0;
	for (;;) {
		thread_sleep_ns(SECOND / 10);
		if (!base_n && (base_n = blkback_requests()))
			base_ns = time_running_ns();
		if (crash && asked(base, "test-crash-backend"))
			break;
		if (report && asked(base, "test-report-backend")) {
			uint64_t n = blkback_requests() - base_n, ns = time_running_ns() - base_ns;
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
