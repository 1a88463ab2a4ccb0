/* vblk bench: what the driver domain gets from its disk directly, the
 * floor that blkfront through blkback is compared with. One request in
 * flight at a time: sequential 64 KiB writes then reads over REGION, and
 * 4 KiB reads at random 4 KiB-aligned places in it. */
#include "vblk.h"

#include <stdio.h>
#include <stdlib.h>

#include "kernel/time.h"

#define CHUNK   (64 * 1024)
#define REGION  (16ull * 1024 * 1024)
#define RANDOM  1000

static int cmp64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static void sequential(struct virtio_blk *b, enum virtio_blk_op op, uint8_t *buf,
		       const char *metric)
{
	uint64_t t0 = time_now_ns();
	int rc = 0;

	for (uint64_t off = 0; off < REGION && !rc; off += CHUNK)
		rc = virtio_blk_do(b, op, off / 512, CHUNK / 512, buf);
	uint64_t ns = time_now_ns() - t0;
	if (!check(rc == 0 && ns > 0, "%s over %llu MiB: %d", metric, REGION >> 20, rc))
		return;
	printf("BENCH {\"metric\": \"%s\", \"value\": %.1f, \"unit\": \"MB/s\"}\n", metric,
	       (double)REGION * 1000.0 / (double)ns);
}

static void random_reads(struct virtio_blk *b, uint8_t *buf)
{
	static uint64_t lat[RANDOM];
	uint32_t x = 2463534242u;
	int rc = 0;

	uint64_t t0 = time_now_ns();
	for (unsigned i = 0; i < RANDOM && !rc; i++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		uint64_t at = (x % (REGION / 4096)) * 8;
		uint64_t s = time_now_ns();
		rc = virtio_blk_do(b, VIRTIO_BLK_READ, at, 8, buf);
		lat[i] = time_now_ns() - s;
	}
	uint64_t ns = time_now_ns() - t0;
	if (!check(rc == 0 && ns > 0, "%u random 4 KiB reads: %d", RANDOM, rc))
		return;
	qsort(lat, RANDOM, sizeof(lat[0]), cmp64);
	printf("BENCH {\"metric\": \"random_4k_read_iops\", \"value\": %llu, \"unit\": \"1/s\"}\n",
	       (unsigned long long)((uint64_t)RANDOM * 1000000000ull / ns));
	printf("BENCH {\"metric\": \"random_4k_read_median\", \"value\": %llu, \"unit\": \"ns\"}\n",
	       (unsigned long long)lat[RANDOM / 2]);
}

void bench(struct virtio_blk *b)
{
	struct virtio_blk_info in;
	uint8_t *buf = malloc(CHUNK);

	virtio_blk_info(b, &in);
	if (!check(buf && in.capacity >= REGION / 512, "%s holds the %llu MiB the benchmark uses",
		   in.name, REGION >> 20))
		return;
	for (unsigned i = 0; i < CHUNK; i++)
		buf[i] = (uint8_t)i;
	sequential(b, VIRTIO_BLK_WRITE, buf, "seq_write_64k");
	sequential(b, VIRTIO_BLK_READ, buf, "seq_read_64k");
	random_reads(b, buf);
	free(buf);
}
