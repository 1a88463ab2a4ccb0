/* Finding and setting up virtio-blk devices (blk.h). */
#include "virtio/blk_priv.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/frames.h"
#include "virtio/pci.h"

#define QUEUE_MAX 256
#define WANTED (VIRTIO_BIT(VIRTIO_BLK_F_SEG_MAX) | VIRTIO_BIT(VIRTIO_BLK_F_RO) | \
		VIRTIO_BIT(VIRTIO_BLK_F_BLK_SIZE) | VIRTIO_BIT(VIRTIO_BLK_F_FLUSH) | \
		VIRTIO_BIT(VIRTIO_BLK_F_DISCARD))

static struct virtio_blk *disks[VIRTIO_BLK_MAX];

static uint32_t config32(struct virtio_blk *b, uint32_t off, uint32_t otherwise)
{
	uint32_t v;

	return virtio_read_config(&b->dev, off, &v, 4) == 0 ? v : otherwise;
}

static bool has(struct virtio_blk *b, unsigned feature)
{
	return b->dev.features & VIRTIO_BIT(feature);
}

/* What the configuration says, checked: 0 or -EIO. */
static int read_geometry(struct virtio_blk *b)
{
	struct virtio_blk_info *in = &b->info;

	if (virtio_read_config(&b->dev, VIRTIO_BLK_CFG_CAPACITY, &in->capacity, 8) < 0) {
		printf("virtio-blk %s: cannot read the capacity\n", in->name);
		return -EIO;
	}
	in->blk_size = 512;
	if (has(b, VIRTIO_BLK_F_BLK_SIZE)) {
		uint32_t s = config32(b, VIRTIO_BLK_CFG_BLK_SIZE, 0);
		/* Only a size the blkdev layer takes; else count in sectors. */
		if (s >= 512 && s <= 4096 && !(s & (s - 1)))
			in->blk_size = s;
	}
	b->seg_max = VIRTIO_BLK_SEGS;
	if (has(b, VIRTIO_BLK_F_SEG_MAX)) {
		uint32_t m = config32(b, VIRTIO_BLK_CFG_SEG_MAX, 0);
		b->seg_max = m < b->seg_max ? m : b->seg_max;
	}
	uint32_t qsize = b->dev.queues[0].vq.size;
	if (b->seg_max > qsize - 2)
		b->seg_max = qsize > 2 ? qsize - 2 : 0;
	if (b->seg_max < 2) {
		printf("virtio-blk %s: requests of %u segment(s) are too few\n", in->name, b->seg_max);
		return -EIO;
	}
	in->max_sectors = (b->seg_max - 1) * PAGE_SIZE / 512;
	in->flush = has(b, VIRTIO_BLK_F_FLUSH);
	in->read_only = has(b, VIRTIO_BLK_F_RO);
	in->discard = has(b, VIRTIO_BLK_F_DISCARD);
	if (in->discard) {
		in->max_discard_sectors = config32(b, VIRTIO_BLK_CFG_MAX_DISCARD, 0);
		in->discard = in->max_discard_sectors != 0;
	}
	in->features = b->dev.features;
	in->offered = b->dev.offered;
	return 0;
}

static int setup(struct virtio_blk *b, uint16_t bdf)
{
	int rc = virtio_open(&b->dev, bdf);

	if (rc)
		return rc;
	if ((rc = virtio_negotiate(&b->dev, WANTED, 0)) ||
	    (rc = virtio_queue_setup(&b->dev, 0, QUEUE_MAX)) || (rc = read_geometry(b)))
		goto fail;
	uint32_t pfn = frame_alloc();
	if (pfn == FRAME_NONE) {
		rc = -ENOMEM;
		goto fail;
	}
	b->wire = pfn_to_virt(pfn);
	memset((void *)b->wire, 0, PAGE_SIZE);
	b->wire_maddr = (uint64_t)pfn_to_mfn(pfn) << PAGE_SHIFT;
	b->free_slots = ~0ull >> (64 - VIRTIO_BLK_SLOTS);
	if ((rc = virtio_irq_start(&b->dev, virtio_blk_service, virtio_blk_busy, b)))
		goto fail;
	virtio_ready(&b->dev);
	b->info.irq_mode = virtio_irq_mode(&b->dev.irq);
	virtio_blk_blkdev_init(b);
	return 0;
fail:
	virtio_fail(&b->dev);
	return rc;
}

unsigned virtio_blk_probe_all(void)
{
	static const uint16_t ids[] = { VIRTIO_BLK_ID_MODERN, VIRTIO_BLK_ID_TRANSITIONAL };
	unsigned found = 0, registered = 0;

	if (!pci_init()) {
		printf("virtio-blk: no I/O privilege: cannot reach PCI configuration space\n");
		return 0;
	}
	for (uint16_t bdf = virtio_find(0, ids, 2); bdf != PCI_NONE && found < VIRTIO_BLK_MAX;
	     bdf = virtio_find((uint16_t)(bdf + 1), ids, 2), found++) {
		struct virtio_blk *b = calloc(1, sizeof(*b));
		if (!b)
			break;
		snprintf(b->info.name, sizeof(b->info.name), "vd%c", 'a' + found);
		pci_name(bdf, b->info.pci);
		int rc = setup(b, bdf);
		if (rc == 0)
			rc = blkdev_register(b->info.name, &b->blkdev);
		if (rc) {
			/* The device may still hold our pages: keep b. */
			printf("virtio-blk %s at %s: not used (%s)\n", b->info.name, b->info.pci,
			       strerror(-rc));
			continue;
		}
		disks[found] = b;
		registered++;
	}
	return registered;
}

uint64_t virtio_blk_drives(void)
{
	return WANTED | VIRTIO_BIT(VIRTIO_F_VERSION_1);
}

struct virtio_blk *virtio_blk_get(unsigned n)
{
	return n < VIRTIO_BLK_MAX ? disks[n] : NULL;
}

struct blkdev *virtio_blk_blkdev(struct virtio_blk *b)
{
	return &b->blkdev;
}

void virtio_blk_info(struct virtio_blk *b, struct virtio_blk_info *info)
{
	*info = b->info;
}
