/* virtio-blk requests (blk.h): header, data by page, status; posted from
 * threads, finished by the reaper in event context. */
#include "virtio/blk_priv.h"

#include <errno.h>
#include <stdio.h>

#include "kernel/events.h"
#include "kernel/layout.h"
#include "kernel/pagetable.h"

#define SECTOR 512u

static const uint32_t types[] = {
	[VIRTIO_BLK_READ] = VIRTIO_BLK_T_IN, [VIRTIO_BLK_WRITE] = VIRTIO_BLK_T_OUT,
	[VIRTIO_BLK_FLUSH] = VIRTIO_BLK_T_FLUSH, [VIRTIO_BLK_DISCARD] = VIRTIO_BLK_T_DISCARD,
};

static int refuse(struct virtio_blk *b, enum virtio_blk_op op, uint64_t sector, uint32_t count)
{
	const struct virtio_blk_info *in = &b->info;

	if ((unsigned)op > VIRTIO_BLK_DISCARD)
		return -EINVAL;
	if (b->broken)
		return -EIO;
	if ((op == VIRTIO_BLK_FLUSH && !in->flush) || (op == VIRTIO_BLK_DISCARD && !in->discard))
		return -EOPNOTSUPP;
	if ((op == VIRTIO_BLK_WRITE || op == VIRTIO_BLK_DISCARD) && in->read_only)
		return -EROFS;
	if (op == VIRTIO_BLK_FLUSH)
		return 0;
	uint32_t max = op == VIRTIO_BLK_DISCARD ? in->max_discard_sectors : in->max_sectors;
	return virtio_blk_check(in->capacity, sector, count, max);
}

/* The data's pages as buffers after bufs[0]; how many, or 0 when a page
 * is not mapped or there are more than seg_max. */
static unsigned data_bufs(struct virtio_blk *b, struct vq_buf *bufs, const void *buf,
			  uint32_t len, bool device_writes)
{
	uint32_t va = (uint32_t)(uintptr_t)buf, n = 0;

	while (len) {
		uint32_t piece = PAGE_SIZE - (va & ~PAGE_MASK);
		if (piece > len)
			piece = len;
		uint64_t m = virt_to_maddr((const void *)(uintptr_t)va);
		if (!m || n == b->seg_max)
			return 0;
		bufs[n++] = (struct vq_buf){ m, piece, device_writes };
		va += piece;
		len -= piece;
	}
	return n;
}

static bool room(struct virtio_blk *b, unsigned descs)
{
	return b->broken ||
	       (b->free_slots && b->dev.queues[0].vq.num_free >= descs);
}

int virtio_blk_submit(struct virtio_blk *b, enum virtio_blk_op op, uint64_t sector,
		      uint32_t count, void *buf, virtio_blk_done_t done, void *arg)
{
	struct vq_buf bufs[VIRTIO_BLK_SEGS + 2];
	unsigned n = 1;
	int rc = refuse(b, op, sector, count);

	if (rc)
		return rc;
	if (op == VIRTIO_BLK_READ || op == VIRTIO_BLK_WRITE) {
		unsigned data = data_bufs(b, bufs + 1, buf, count * SECTOR, op == VIRTIO_BLK_READ);
		if (!data)
			return -EINVAL;
		n += data;
	} else if (op == VIRTIO_BLK_DISCARD) {
		n++;
	}
	n++;
	wait_until(&b->room, room(b, n));
	unsigned mask = events_mask_save();
	if (b->broken) {
		events_restore(mask);
		return -EIO;
	}
	unsigned i = (unsigned)__builtin_ctzll(b->free_slots);
	b->free_slots &= ~(1ull << i);
	volatile struct vblk_wire *w = &b->wire[i];
	uint64_t wm = b->wire_maddr + i * sizeof(struct vblk_wire);
	w->type = types[op];
	w->reserved = 0;
	w->sector = op == VIRTIO_BLK_FLUSH ? 0 : sector;
	w->status = 0xff;               /* what a device that never writes it leaves */
	bufs[0] = (struct vq_buf){ wm, 16, false };
	if (op == VIRTIO_BLK_DISCARD) {
		w->discard_sector = sector;
		w->discard_sectors = count;
		w->discard_flags = 0;
		bufs[1] = (struct vq_buf){ wm + 16, 16, false };
	}
	bufs[n - 1] = (struct vq_buf){ wm + 32, 1, true };
	b->slots[i] = (struct vblk_slot){ done, arg };
	rc = vq_add(&b->dev.queues[0].vq, bufs, n, &b->slots[i]);
	if (rc < 0) {
		b->free_slots |= 1ull << i;
		events_restore(mask);
		return -EIO;
	}
	virtio_kick(&b->dev.queues[0]);
	events_restore(mask);
	virtio_irq_posted(&b->dev.irq);
	return 0;
}

static int status_errno(uint8_t status)
{
	if (status == VIRTIO_BLK_S_OK)
		return 0;
	return status == VIRTIO_BLK_S_UNSUPP ? -EOPNOTSUPP : -EIO;
}

static void finish(struct virtio_blk *b, struct vblk_slot *s, int status)
{
	unsigned i = (unsigned)(s - b->slots);
	struct vblk_slot done = *s;

	b->free_slots |= 1ull << i;
	waitq_wake_all(&b->room);
	done.done(done.arg, status);
}

/* A queue the device broke: everything in flight fails, for good. */
static void give_up(struct virtio_blk *b)
{
	struct vblk_slot *s;

	printf("virtio-blk %s: the device's used ring makes no sense; failing its requests\n",
	       b->info.name);
	b->broken = true;
	virtio_fail(&b->dev);
	while ((s = vq_take(&b->dev.queues[0].vq)))
		finish(b, s, -EIO);
	waitq_wake_all(&b->room);
}

void virtio_blk_service(void *arg)
{
	struct virtio_blk *b = arg;
	struct virtqueue *vq = &b->dev.queues[0].vq;
	struct vq_done d;
	int r;

	/* Bounded: a device that keeps moving its index cannot hold us here. */
	for (unsigned n = 0; n < 4u * vq->size && !b->broken && (r = vq_reap(vq, &d)) != 0; n++) {
		if (r < 0) {
			if (vq->broken)
				give_up(b);
			continue;
		}
		struct vblk_slot *s = d.cookie;
		uint8_t status = b->wire[s - b->slots].status;
		finish(b, s, d.bad_len ? -EIO : status_errno(status));
	}
	b->info.garbage = vq->garbage;
}

bool virtio_blk_busy(void *arg)
{
	struct virtio_blk *b = arg;

	return !b->broken && vq_in_flight(&b->dev.queues[0].vq) != 0;
}
