/* blkfront_probe: every device/vbd/N of this domain, connected and
 * registered as a blkdev, xvda for the lowest N, xvdb for the next... */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "blkif/front.h"
#include "kernel/frames.h"
#include "kernel/time.h"

#define MAX_DISKS 8
#define SECOND 1000000000ull

static unsigned connected_vdevs[MAX_DISKS];
static unsigned nconnected;

static long backend_num(struct blkfront *b, const char *key)
{
	char path[XENBUS_PATH + 40];
	snprintf(path, sizeof(path), "%s/%s", b->f.dev.peer, key);
	return xb_read_num(path);
}

static void *page(void)
{
	uint32_t pfn = frame_alloc();
	return pfn == FRAME_NONE ? NULL : memset(pfn_to_virt(pfn), 0, PAGE_SIZE);
}

/* What the backend offers, read once it is Connected. */
static int features(struct blkfront *b)
{
	long sectors = backend_num(b, "sectors"), size = backend_num(b, "sector-size");
	long indirect = backend_num(b, "feature-max-indirect-segments");
	long info = backend_num(b, "info");
	if (sectors <= 0 || size < (long)BLKIF_SECTOR_SIZE || size > 4096 || (size & (size - 1)))
		return -1;
	b->flush = backend_num(b, "feature-flush-cache") == 1;
	b->barrier = backend_num(b, "feature-barrier") == 1;
	/* No key is no flag (Xen's backends always write it). */
	b->info = info > 0 ? (unsigned long)info : 0;
	b->discard = backend_num(b, "feature-discard") == 1 && !(b->info & VDISK_READONLY);
	b->indirect = indirect > (long)BLKIF_MAX_SEGMENTS_PER_REQUEST;
	b->segs = b->indirect ? BLKFRONT_SEGS : BLKIF_MAX_SEGMENTS_PER_REQUEST;
	if (b->indirect && (unsigned long)indirect < b->segs)
		b->segs = (uint32_t)indirect;
	for (unsigned k = 0; b->indirect && k < BLKFRONT_SLOTS; k++)
		if (!(b->lists[k] = page()))
			return -1;
	blkfront_blkdev(b, (uint64_t)sectors / ((uint64_t)size / BLKIF_SECTOR_SIZE),
			(uint32_t)size);
	return 0;
}

static struct blkfront *connect(unsigned vdev, unsigned index)
{
	char path[XENBUS_PATH + 16];
	struct blkfront *b = calloc(1, sizeof(*b));
	void *ring = page();
	if (!b || !ring || !(b->bounce = memalign(PAGE_SIZE, BLKFRONT_SEGS * PAGE_SIZE)))
		return NULL;
	b->vdev = vdev;
	snprintf(b->name, sizeof(b->name), "xvd%c", 'a' + index);
	SHARED_RING_INIT((struct blkif_sring *)ring);
	FRONT_RING_INIT(&b->r, (struct blkif_sring *)ring);
	snprintf(path, sizeof(path), "/local/domain/%d/device/vbd/%u/protocol", xb_domid(), vdev);
	xb_write(path, BLKIF_PROTOCOL);
	if (xenbus_front_open(&b->f, "vbd", vdev, ring, blkfront_event, b, 10 * SECOND) < 0 ||
	    features(b) < 0) {
		printf("blkfront: vbd %u: the backend did not connect\n", vdev);
		return NULL;
	}
	if (blkdev_register(b->name, &b->dev) < 0)
		return NULL;
	return b;
}

static bool already(unsigned vdev)
{
	for (unsigned i = 0; i < nconnected; i++)
		if (connected_vdevs[i] == vdev)
			return true;
	return false;
}

/* Those connected by an earlier call are left as they are (a toolstack may
 * add devices after the domain started): the count includes them. */
int blkfront_probe(void)
{
	unsigned vdevs[MAX_DISKS];
	unsigned n = xenbus_front_list("vbd", 0x10000000, vdevs, MAX_DISKS);

	for (unsigned i = 0; i < n; i++)
		if (!already(vdevs[i]) && connect(vdevs[i], nconnected))
			connected_vdevs[nconnected++] = vdevs[i];
	return (int)nconnected;
}
