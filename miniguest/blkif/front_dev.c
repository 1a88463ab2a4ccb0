/* blkfront as a struct blkdev: a read or write is cut into requests of up
 * to BLKFRONT_SEGS pages, as many in flight at once as there are slots. A
 * buffer that is not 512-byte aligned cannot be granted as it is: it goes
 * through the device's bounce buffer, a piece at a time. */
#include <errno.h>
#include <string.h>

#include "blkif/front.h"

#define BOUNCE_SECTORS (BLKFRONT_SEGS * BLKIF_SECTORS_PER_PAGE)

/* count sectors (512 bytes) at buf, aligned: 0 or -EIO. */
static int direct(struct blkfront *b, uint8_t op, uint64_t sector, uint8_t *buf,
		  uint64_t count)
{
	unsigned pending[BLKFRONT_SLOTS];
	unsigned n = 0;
	int rc = 0;
	while (count || n) {
		if (count && n < BLKFRONT_SLOTS && rc == 0) {
			int took = blkfront_issue(b, op, sector, buf, count, &pending[n]);
			if (took < 0) {
				rc = took;
				continue;
			}
			n++;
			sector += (uint64_t)took;
			buf += (uint64_t)took * BLKIF_SECTOR_SIZE;
			count -= (uint64_t)took;
			continue;
		}
		if (!n)
			break;
		/* The oldest first; the others complete meanwhile. */
		if (blkfront_wait(b, pending[0]) < 0)
			rc = -EIO;
		memmove(pending, pending + 1, --n * sizeof(pending[0]));
	}
	return rc;
}

static int bounced(struct blkfront *b, uint8_t op, uint64_t sector, uint8_t *buf,
		   uint64_t count)
{
	wait_until(&b->wq, !b->bounce_busy);
	b->bounce_busy = true;
	int rc = 0;
	while (count && rc == 0) {
		uint64_t n = count < BOUNCE_SECTORS ? count : BOUNCE_SECTORS;
		size_t bytes = (size_t)n * BLKIF_SECTOR_SIZE;
		if (op == BLKIF_OP_WRITE)
			memcpy(b->bounce, buf, bytes);
		rc = direct(b, op, sector, b->bounce, n);
		if (op == BLKIF_OP_READ && rc == 0)
			memcpy(buf, b->bounce, bytes);
		sector += n;
		buf += bytes;
		count -= n;
	}
	b->bounce_busy = false;
	waitq_wake_all(&b->wq);
	return rc;
}

static int rw(struct blkdev *dev, uint8_t op, uint64_t sector, uint32_t count, void *buf)
{
	struct blkfront *b = dev->priv;
	uint64_t k = dev->sector_size / BLKIF_SECTOR_SIZE;
	if (b->dead)
		return -EIO;
	if ((uintptr_t)buf % BLKIF_SECTOR_SIZE)
		return bounced(b, op, sector * k, buf, count * k);
	return direct(b, op, sector * k, buf, count * k);
}

static int bread(struct blkdev *dev, uint64_t sector, uint32_t count, void *buf)
{
	return rw(dev, BLKIF_OP_READ, sector, count, buf);
}

static int bwrite(struct blkdev *dev, uint64_t sector, uint32_t count, const void *buf)
{
	return rw(dev, BLKIF_OP_WRITE, sector, count, (void *)buf);
}

/* FLUSH_DISKCACHE when offered, else a barrier without data (Xen's
 * backends make both a flush); neither offered: nothing to flush. */
static int bflush(struct blkdev *dev)
{
	struct blkfront *b = dev->priv;
	unsigned slot;
	if (b->dead)
		return -EIO;
	if (!b->flush && !b->barrier)
		return 0;
	uint8_t op = b->flush ? BLKIF_OP_FLUSH_DISKCACHE : BLKIF_OP_WRITE_BARRIER;
	if (blkfront_issue(b, op, 0, NULL, 0, &slot) < 0)
		return -EIO;
	return blkfront_wait(b, slot);
}

/* One request for the whole range (blkdev_discard checked it). */
static int bdiscard(struct blkdev *dev, uint64_t sector, uint64_t count)
{
	struct blkfront *b = dev->priv;
	uint64_t k = dev->sector_size / BLKIF_SECTOR_SIZE;
	unsigned slot;
	if (b->dead)
		return -EIO;
	if (blkfront_issue(b, BLKIF_OP_DISCARD, sector * k, NULL, count * k, &slot) < 0)
		return -EIO;
	return blkfront_wait(b, slot);
}

void blkfront_blkdev(struct blkfront *b, uint64_t sectors, uint32_t sector_size)
{
	bool ro = b->info & VDISK_READONLY;
	b->dev = (struct blkdev){ .sector_size = sector_size, .sectors = sectors,
				  .read = bread, .write = ro ? NULL : bwrite, .flush = bflush,
				  .discard = b->discard ? bdiscard : NULL,
				  .flags = (b->info & VDISK_CDROM ? BLKDEV_CDROM : 0) |
					   (b->info & VDISK_REMOVABLE ? BLKDEV_REMOVABLE : 0),
				  .priv = b };
}
