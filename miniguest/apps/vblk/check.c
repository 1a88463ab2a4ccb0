/* vblk's checks of one disk: reads, writes, flushes, many requests in
 * flight, and requests the driver must refuse. */
#include "vblk.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/events.h"
#include "kernel/thread.h"

#define BIG      (128 * 1024)       /* more than one request carries */
#define INFLIGHT 32
#define PERSIST_AT 64               /* sectors 64-191: the persistence pattern */
#define PERSIST_SECTORS 128

static uint8_t *buffer(void)
{
	uint8_t *p = malloc(BIG + 4096);

	if (!p) {
		printf("Test result: ERROR out of memory\n");
		exit(2);
	}
	return p;
}

struct flight {
	struct waitqueue wq;
	unsigned left, failed;
};

static void landed(void *arg, int status)
{
	struct flight *f = arg;

	f->failed += status != 0;
	if (--f->left == 0)
		waitq_wake_all(&f->wq);
}

/* INFLIGHT reads of 4 KiB posted before any is waited for, each checked. */
static void many(struct virtio_blk *b, uint64_t first, const uint8_t *expect)
{
	uint8_t *bufs = malloc(INFLIGHT * 4096);
	struct flight f = { { 0 }, INFLIGHT, 0 };
	unsigned posted = 0;

	if (!bufs)
		return;
	memset(bufs, 0, INFLIGHT * 4096);
	for (unsigned i = 0; i < INFLIGHT; i++) {
		unsigned k = i % 4;   /* within the 16 KiB at first, shuffled */
		if (virtio_blk_submit(b, VIRTIO_BLK_READ, first + k * 8, 8, bufs + i * 4096, landed,
				      &f) == 0)
			posted++;
	}
	unsigned mask = events_mask_save();
	f.left -= INFLIGHT - posted;
	events_restore(mask);
	wait_until(&f.wq, f.left == 0);
	unsigned wrong = 0;
	for (unsigned i = 0; i < INFLIGHT; i++)
		wrong += memcmp(bufs + i * 4096, expect + (i % 4) * 4096, 4096) != 0;
	check(posted == INFLIGHT && f.failed == 0 && wrong == 0,
	      "%u reads of 4 KiB in flight at once: %u posted, %u failed, %u wrong", INFLIGHT,
	      posted, f.failed, wrong);
	free(bufs);
}

void check_disk(struct virtio_blk *b)
{
	struct blkdev *d = virtio_blk_blkdev(b);
	struct virtio_blk_info in;
	uint8_t *w = buffer(), *r = buffer();

	virtio_blk_info(b, &in);
	int rc = d->read(d, 0, 1, r);
	if (check(rc == 0, "%s: read sector 0: %d", in.name, rc))
		printf("vblk: %s: sector 0 begins %02x %02x %02x %02x %02x %02x %02x %02x\n", in.name,
		       r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7]);
	uint32_t n = BIG / d->sector_size;
	if (d->sectors < n + 1) {
		check(false, "%s: %llu sectors is too small for the write check", in.name,
		      (unsigned long long)d->sectors);
		return;
	}
	uint64_t at = d->sectors - n, at512 = at * (d->sector_size / 512);
	pattern(w, at512, BIG / 512, 0x5eed);
	rc = d->write(d, at, n, w);
	check(rc == 0, "%s: write 128 KiB at sector %llu: %d", in.name, (unsigned long long)at, rc);
	memset(r, 0, BIG);
	rc = d->read(d, at, n, r);
	check(rc == 0 && !memcmp(r, w, BIG), "%s: read it back: %d, %s", in.name, rc,
	      memcmp(r, w, BIG) ? "different" : "the same");
	uint8_t *odd = r + 100;             /* crosses pages at odd offsets */
	rc = d->read(d, at, n, odd);
	check(rc == 0 && !memcmp(odd, w, BIG), "%s: into a buffer at an odd address: %d", in.name,
	      rc);
	rc = d->flush(d);
	check(rc == 0, "%s: flush (%s): %d", in.name, in.flush ? "the device's" : "nothing to do",
	      rc);
	many(b, at512, w);
	if (in.discard) {
		rc = virtio_blk_do(b, VIRTIO_BLK_DISCARD, at512, 8, 0);
		check(rc == 0, "%s: discard 4 KiB: %d", in.name, rc);
	}
	free(w);
	free(r);
}

void bad_requests(struct virtio_blk *b)
{
	struct blkdev *d = virtio_blk_blkdev(b);
	struct virtio_blk_info in;
	uint8_t *r = buffer();
	int rc;

	virtio_blk_info(b, &in);
	check(!(in.features & ~virtio_blk_drives()) && (in.features & ~in.offered) == 0,
	      "%s: the device offers features %#llx, of which we took none we do not drive",
	      in.name, (unsigned long long)in.offered);
	rc = d->read(d, d->sectors, 1, r);
	check(rc == -ENOSPC, "%s: read at the capacity: %d (-ENOSPC)", in.name, rc);
	rc = d->read(d, d->sectors - 1, 2, r);
	check(rc == -ENOSPC, "%s: read across the end: %d (-ENOSPC)", in.name, rc);
	rc = virtio_blk_submit(b, VIRTIO_BLK_READ, UINT64_MAX - 3, 8, r, 0, 0);
	check(rc == -ENOSPC, "%s: read at sector 2^64-4 (the end wraps): %d (-ENOSPC)", in.name, rc);
	rc = virtio_blk_do(b, VIRTIO_BLK_READ, 0, UINT64_MAX, r);
	check(rc == -ENOSPC, "%s: read of 2^64-1 sectors: %d (-ENOSPC)", in.name, rc);
	rc = virtio_blk_submit(b, VIRTIO_BLK_READ, 0, 0, r, 0, 0);
	check(rc == -EINVAL, "%s: read of 0 sectors: %d (-EINVAL)", in.name, rc);
	rc = virtio_blk_submit(b, VIRTIO_BLK_READ, 0, in.max_sectors + 1, r, 0, 0);
	check(rc == -EINVAL, "%s: one read of %u sectors: %d (-EINVAL)", in.name,
	      in.max_sectors + 1, rc);
	rc = virtio_blk_submit(b, (enum virtio_blk_op)7, 0, 1, r, 0, 0);
	check(rc == -EINVAL, "%s: operation 7: %d (-EINVAL)", in.name, rc);
	rc = virtio_blk_submit(b, VIRTIO_BLK_READ, 0, 1, (void *)0x1000, 0, 0);
	check(rc == -EINVAL, "%s: read into an unmapped buffer: %d (-EINVAL)", in.name, rc);
	if (!in.discard) {
		rc = virtio_blk_submit(b, VIRTIO_BLK_DISCARD, 0, 1, 0, 0, 0);
		check(rc == -EOPNOTSUPP, "%s: discard, not offered: %d (-EOPNOTSUPP)", in.name, rc);
	}
	rc = d->read(d, 0, 1, r);
	check(rc == 0, "%s: and then a good read: %d", in.name, rc);
	virtio_blk_info(b, &in);
	check(in.garbage == 0, "%s: used entries thrown away: %u", in.name, in.garbage);
	free(r);
}

void persist_write(struct virtio_blk *b, uint32_t seed)
{
	struct virtio_blk_info in;
	uint8_t *w = buffer();

	virtio_blk_info(b, &in);
	pattern(w, PERSIST_AT, PERSIST_SECTORS, seed);
	int rc = virtio_blk_do(b, VIRTIO_BLK_WRITE, PERSIST_AT, PERSIST_SECTORS, w);
	int frc = in.flush ? virtio_blk_do(b, VIRTIO_BLK_FLUSH, 0, 0, 0) : 0;
	check(rc == 0 && frc == 0, "%s: pattern %#x written to sectors %u-%u and flushed: %d, %d",
	      in.name, seed, PERSIST_AT, PERSIST_AT + PERSIST_SECTORS - 1, rc, frc);
	free(w);
}

void persist_verify(struct virtio_blk *b, uint32_t seed)
{
	struct virtio_blk_info in;
	uint8_t *w = buffer(), *r = buffer();

	virtio_blk_info(b, &in);
	pattern(w, PERSIST_AT, PERSIST_SECTORS, seed);
	int rc = virtio_blk_do(b, VIRTIO_BLK_READ, PERSIST_AT, PERSIST_SECTORS, r);
	check(rc == 0 && !memcmp(r, w, PERSIST_SECTORS * 512), "%s: pattern %#x intact in sectors "
	      "%u-%u: %d, %s", in.name, seed, PERSIST_AT, PERSIST_AT + PERSIST_SECTORS - 1, rc,
	      memcmp(r, w, PERSIST_SECTORS * 512) ? "different" : "the same");
	free(w);
	free(r);
}
