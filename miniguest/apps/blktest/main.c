/* A blkfront test: connects this domain's disks (blkfront_probe), writes
 * patterns of many sizes and alignments (64 KiB and more go as indirect
 * requests), from two threads at once, flushes, reads everything back and
 * checks it. Arguments:
 *   N          the disks expected (default 1)
 *   eio        after the checks, keep reading until the backend is gone:
 *              every read must then fail with -EIO, none may hang
 *   ro         the disks are read-only (disk=...:ro): no write, no discard,
 *              reads work, and a WRITE put on the ring anyway is refused
 *              by the backend; without ro, where discard is offered,
 *              discarded sectors read back as zeroes
 *   bench      figures instead of checks (bench.c), beside a RAM disk's
 *   benchdisk  the same, the floor being the driver domain's (bench.c) */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "blkif/blkif.h"
#include "blkif/front.h"
#include "ext2fs/blkdev.h"
#include "kernel/thread.h"
#include "kernel/time.h"
#include "xenbus/xenbus.h"

#define SECOND 1000000000ull
#define BIG (1u << 20)

static uint8_t out[BIG + 4096] __attribute__((aligned(4096)));
static uint8_t in[BIG + 4096] __attribute__((aligned(4096)));
static unsigned checks, good;

static uint8_t pattern(uint64_t byte, unsigned seed)
{
	uint32_t x = (uint32_t)(byte >> 9) * 2654435761u ^ seed * 40503u ^ (uint32_t)byte;
	return (uint8_t)(x ^ x >> 13);
}

/* Write count sectors at sector from buffers offset off bytes into a
 * page, read them back into another offset, compare. */
static void round_trip(struct blkdev *d, uint64_t sector, uint32_t count, unsigned off,
		       unsigned seed)
{
	uint8_t *o = out + off, *i = in + (off ? 4096 - off : 0);
	size_t bytes = (size_t)count * d->sector_size;
	for (size_t k = 0; k < bytes; k++)
		o[k] = pattern(sector * d->sector_size + k, seed);
	memset(i, 0xee, bytes);
	int w = d->write(d, sector, count, o), r = d->read(d, sector, count, i);
	checks++;
	if (w == 0 && r == 0 && memcmp(o, i, bytes) == 0)
		good++;
	else
		printf("blktest: %u sectors at %llu (offset %u): write %d, read %d, %s\n", count,
		       (unsigned long long)sector, off, w, r,
		       memcmp(o, i, bytes) ? "data differ" : "data same");
}

/* A whole-disk checksum of what was last written with seed. */
static void verify_all(struct blkdev *d, unsigned seed, const char *name)
{
	uint64_t bytes = d->sectors * d->sector_size, bad = 0;
	uint32_t per = BIG / d->sector_size;
	for (uint64_t s = 0; s < d->sectors; s += per) {
		uint32_t n = d->sectors - s < per ? (uint32_t)(d->sectors - s) : per;
		if (d->read(d, s, n, in) < 0) {
			bad++;
			continue;
		}
		for (uint64_t k = 0; k < (uint64_t)n * d->sector_size; k++)
			bad += in[k] != pattern(s * d->sector_size + k, seed);
	}
	checks++;
	good += bad == 0;
	printf("blktest: %s: whole disk (%llu KiB) read back %s\n", name,
	       (unsigned long long)(bytes >> 10), bad ? "WRONG" : "right");
}

static void fill(struct blkdev *d, unsigned seed)
{
	uint32_t per = BIG / d->sector_size;
	for (uint64_t s = 0; s < d->sectors; s += per) {
		uint32_t n = d->sectors - s < per ? (uint32_t)(d->sectors - s) : per;
		for (uint64_t k = 0; k < (uint64_t)n * d->sector_size; k++)
			out[k] = pattern(s * d->sector_size + k, seed);
		checks++;
		good += d->write(d, s, n, out) == 0;
	}
}

struct job {
	struct blkdev *d;
	uint64_t first;
	unsigned seed;
	volatile bool done;
	unsigned good;
};

static uint8_t jbuf[2][65536] __attribute__((aligned(4096)));

/* A second thread's I/O, in flight at the same time as the main one's. */
static void job(void *arg)
{
	struct job *j = arg;
	uint8_t *b = jbuf[j->seed & 1];
	for (unsigned r = 0; r < 16; r++) {
		uint64_t s = j->first + r * 128;
		memset(b, (int)(r + j->seed), sizeof(jbuf[0]));
		if (j->d->write(j->d, s, 128, b) == 0 && j->d->read(j->d, s, 128, b) == 0 &&
		    b[0] == (uint8_t)(r + j->seed) && b[65535] == (uint8_t)(r + j->seed))
			j->good++;
	}
	j->done = true;
}

static void test_disk(struct blkdev *d, const char *name, unsigned seed)
{
	static const uint32_t sizes[] = { 1, 2, 7, 8, 9, 15, 16, 17, 64, 127, 128, 129, 255, 256, 300, 2048 };
	static const unsigned offs[] = { 0, 512, 1536, 3584, 1 };
	uint64_t far = d->sectors - 2048;

	for (unsigned k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++)
		for (unsigned o = 0; o < sizeof(offs) / sizeof(offs[0]); o++)
			round_trip(d, (k * 977 + o * 131) % far, sizes[k], offs[o], seed + k);
	round_trip(d, d->sectors - 1, 1, 0, seed);
	round_trip(d, d->sectors - 300, 300, 512, seed);
	checks++;
	good += d->flush(d) == 0;
	int past = blkdev_pread(d, in, 512, d->sectors * d->sector_size);
	checks++;
	good += past == -ENOSPC;

	struct job j = { .d = d, .first = 4096, .seed = seed };
	thread_create("blktest-job", job, &j, 16384);
	for (unsigned r = 0; r < 8; r++)
		round_trip(d, r * 256, 2048, 0, seed + r);
	while (!j.done)
		thread_sleep_ns(SECOND / 100);
	checks++;
	good += j.good == 16;

	fill(d, seed);
	checks++;
	good += d->flush(d) == 0;
	verify_all(d, seed, name);
}

/* Ask the driver domain to crash (blkdd reads this key of the frontend's
 * device), then read until a read fails: it must be -EIO, within the bound. */
static int until_eio(struct blkdev *d, const char *name)
{
	uint64_t end = time_now_ns() + 60 * SECOND;
	int rc = 0;
	char path[64];
	snprintf(path, sizeof(path), "/local/domain/%d/device/vbd/51712/test-crash-backend",
		 xb_domid());
	xb_write(path, "1");
	printf("blktest: %s: reading until the backend goes\n", name);
	while (rc == 0 && time_now_ns() < end) {
		rc = d->read(d, 0, 8, in);
		thread_sleep_ns(SECOND / 50);
	}
	int again = d->read(d, 8, 8, in);
	printf("blktest: %s: the backend gone, reads fail with %s (then %s)\n", name,
	       rc == -EIO ? "-EIO" : "something else", again == -EIO ? "-EIO" : "not -EIO");
	return rc == -EIO && again == -EIO ? 0 : 1;
}

/* Where discard is offered: 16 KiB at a 4 KiB boundary read back as
 * zeroes, the rest as written; a range past the end or not on sectors is
 * refused. */
static void discard_check(struct blkdev *d, const char *name, unsigned seed)
{
	uint64_t at = 64 * 4096, len = 16384;
	uint64_t size = d->sectors * d->sector_size;
	if (!d->discard) {
		printf("blktest: %s: no discard offered\n", name);
		return;
	}
	int rc = blkdev_discard(d, len, at);
	int r = blkdev_pread(d, in, len + 1024, at - 512);
	bool zero = true, kept = true;
	for (uint64_t k = 0; k < len; k++)
		zero &= in[512 + k] == 0;
	for (uint64_t k = 0; k < 512; k++)
		kept &= in[k] == pattern(at - 512 + k, seed) &&
			in[512 + len + k] == pattern(at + len + k, seed);
	checks++;
	good += rc == 0 && r == 0 && zero && kept;
	printf("blktest: %s: discard of %llu KiB: %d, reads back %s, around it %s\n", name,
	       (unsigned long long)(len >> 10), rc, zero ? "zeroes" : "NOT zeroes",
	       kept ? "as written" : "CHANGED");
	int past = blkdev_discard(d, 4096, size - 512), odd = blkdev_discard(d, 4096, 100);
	checks++;
	good += past == -ENOSPC && odd == -EINVAL;
}

/* A read-only disk: no write or discard, reads work, writes refused
 * by the blkdev layer, and by the backend when put on the ring. */
static void readonly_check(struct blkdev *d, const char *name)
{
	struct blkfront *b = d->priv;
	unsigned slot;
	int r = d->read(d, 0, 8, in), w = blkdev_pwrite(d, out, 512, 0);
	int issued = blkfront_issue(b, BLKIF_OP_WRITE, 0, out, 8, &slot);
	int ring = issued < 0 ? issued : blkfront_wait(b, slot);
	checks++;
	good += !d->write && !d->discard && r == 0 && w == -EROFS && issued > 0 && ring == -EIO;
	printf("blktest: %s: read-only: %s write, %s discard, read %d, write %d, "
	       "a WRITE on the ring %d\n", name, d->write ? "a" : "no",
	       d->discard ? "a" : "no", r, w, ring);
}

int bench(struct blkdev *d, bool ram);

int main(int argc, char **argv)
{
	int want = argc > 1 && argv[1][0] >= '1' && argv[1][0] <= '8' ? argv[1][0] - '0' : 1;
	bool eio = argc > 2 && strcmp(argv[2], "eio") == 0;
	bool ram = argc > 2 && strcmp(argv[2], "bench") == 0;
	bool benchmark = ram || (argc > 2 && strcmp(argv[2], "benchdisk") == 0);
	bool ro = argc > 2 && strcmp(argv[2], "ro") == 0;
	/* The toolstack makes the devices while this domain runs. */
	int n = 0;
	for (uint64_t end = time_now_ns() + 10 * SECOND; n < want && time_now_ns() < end;
	     thread_sleep_ns(SECOND / 10))
		n = blkfront_probe();
	static const char *names[] = { "xvda", "xvdb", "xvdc", "xvdd" };

	printf("blktest: %d disk(s)\n", n);
	if (n != want)
		return 1;
	if (benchmark)
		return bench(blkdev_find("xvda"), ram);
	for (int i = 0; ro && i < n && i < 4; i++)
		readonly_check(blkdev_find(names[i]), names[i]);
	if (ro) {
		printf("blktest: %u of %u checks right\n", good, checks);
		return good == checks ? 0 : 1;
	}
	for (int i = 0; i < n && i < 4; i++) {
		struct blkdev *d = blkdev_find(names[i]);
		if (!d || d->sectors < 8192)
			return 1;
		printf("blktest: %s: %llu sectors of %u bytes\n", names[i],
		       (unsigned long long)d->sectors, d->sector_size);
		test_disk(d, names[i], 7u * (unsigned)i + (unsigned)xb_domid());
	}
	for (int i = 0; i < n && i < 4; i++)
		verify_all(blkdev_find(names[i]), 7u * (unsigned)i + (unsigned)xb_domid(), names[i]);
	for (int i = 0; i < n && i < 4; i++)
		discard_check(blkdev_find(names[i]), names[i], 7u * (unsigned)i + (unsigned)xb_domid());
	printf("blktest: %u of %u checks right\n", good, checks);
	if (good != checks)
		return 1;
	return eio ? until_eio(blkdev_find("xvda"), "xvda") : 0;
}
