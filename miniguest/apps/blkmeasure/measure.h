/* Block device figures, measured the same way through blkif (blktest) and
 * on the driver domain's own disk (blkdd), so that one is the other's
 * floor: 64 KiB sequential writes and reads over the whole device, random
 * 4 KiB reads, one request in flight at a time. */
#ifndef BLKMEASURE_H
#define BLKMEASURE_H

#include <stdint.h>

#include "ext2fs/blkdev.h"

#define MEASURE_CHUNK (64u * 1024)
#define MEASURE_RANDOM_READS 2000u

struct measure {
	double write_mbs, read_mbs, iops;
	uint64_t median_ns;
	uint64_t requests;              /* the device requests they made */
};

/* All four figures of d: 0 when every I/O succeeded, else -1. */
int measure(struct blkdev *d, struct measure *m);

/* One "BENCH {json}" line; floor < 0 prints a null floor. */
void measure_line(const char *metric, double value, const char *unit, double floor);

#endif
