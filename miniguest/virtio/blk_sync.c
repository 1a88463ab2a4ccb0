/* virtio-blk as a struct blkdev (blk.h): a call becomes requests of at
 * most max_sectors each, all in flight at once, and the calling thread
 * waits for the last. */
#include "virtio/blk_priv.h"

#include <errno.h>

#include "kernel/events.h"

struct batch {
	struct waitqueue wq;
	unsigned pending;
	int status;
};

static void one_done(void *arg, int status)
{
	struct batch *bt = arg;

	if (status && !bt->status)
		bt->status = status;
	if (--bt->pending == 0)
		waitq_wake_all(&bt->wq);
}

static uint32_t step_of(struct virtio_blk *b, enum virtio_blk_op op)
{
	uint32_t k = b->info.blk_size / 512;

	if (op == VIRTIO_BLK_DISCARD)
		return b->info.max_discard_sectors;
	return b->info.max_sectors / k * k;
}

int virtio_blk_do(struct virtio_blk *b, enum virtio_blk_op op, uint64_t sector, uint64_t count,
		  void *buf)
{
	struct batch bt = { { 0 }, 1, 0 };
	uint32_t step = op == VIRTIO_BLK_FLUSH ? 0 : step_of(b, op);
	uint8_t *at = buf;
	int rc = 0;

	if (op != VIRTIO_BLK_FLUSH && step == 0)
		return -EINVAL;
	if (op != VIRTIO_BLK_FLUSH && (rc = virtio_blk_check(b->info.capacity, sector, count,
							     UINT64_MAX)))
		return rc;
	do {
		uint32_t n = count < step ? (uint32_t)count : step;
		unsigned mask = events_mask_save();
		bt.pending++;
		events_restore(mask);
		rc = virtio_blk_submit(b, op, sector, n, at, one_done, &bt);
		if (rc) {
			mask = events_mask_save();
			bt.pending--;
			events_restore(mask);
			break;
		}
		sector += n;
		count -= n;
		if (at && op != VIRTIO_BLK_DISCARD)
			at += (uint64_t)n * 512;
	} while (count);
	/* The one pending from the start stood for this loop. */
	unsigned mask = events_mask_save();
	bt.pending--;
	events_restore(mask);
	wait_until(&bt.wq, bt.pending == 0);
	return rc ? rc : bt.status;
}

static struct virtio_blk *of(struct blkdev *dev)
{
	return dev->priv;
}

/* Sectors of the blkdev (blk_size bytes) in 512-byte units, bounded. */
static int span(struct blkdev *dev, uint64_t sector, uint32_t count, uint64_t *s512,
		uint64_t *n512)
{
	uint32_t k = dev->sector_size / 512;

	if (count == 0)
		return 0;
	if (sector >= dev->sectors || count > dev->sectors - sector)
		return -ENOSPC;
	*s512 = sector * k;
	*n512 = (uint64_t)count * k;
	return 1;
}

static int bread(struct blkdev *dev, uint64_t sector, uint32_t count, void *buf)
{
	uint64_t s, n;
	int rc = span(dev, sector, count, &s, &n);

	return rc <= 0 ? rc : virtio_blk_do(of(dev), VIRTIO_BLK_READ, s, n, buf);
}

static int bwrite(struct blkdev *dev, uint64_t sector, uint32_t count, const void *buf)
{
	uint64_t s, n;
	int rc = span(dev, sector, count, &s, &n);

	return rc <= 0 ? rc : virtio_blk_do(of(dev), VIRTIO_BLK_WRITE, s, n, (void *)(uintptr_t)buf);
}

/* A device without a volatile cache (no VIRTIO_BLK_F_FLUSH) has nothing
 * to flush. */
static int bflush(struct blkdev *dev)
{
	struct virtio_blk *b = of(dev);

	if (!b->info.flush)
		return b->broken ? -EIO : 0;
	return virtio_blk_do(b, VIRTIO_BLK_FLUSH, 0, 0, 0);
}

void virtio_blk_blkdev_init(struct virtio_blk *b)
{
	b->blkdev.sector_size = b->info.blk_size;
	b->blkdev.sectors = b->info.capacity / (b->info.blk_size / 512);
	b->blkdev.read = bread;
	b->blkdev.write = bwrite;
	b->blkdev.flush = bflush;
	b->blkdev.priv = b;
}
