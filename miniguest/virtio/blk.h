/* virtio-blk (device 0x1042, or transitional 0x1001) over the modern
 * transport: one request queue; READ, WRITE, FLUSH when the device offers
 * VIRTIO_BLK_F_FLUSH, DISCARD when it offers VIRTIO_BLK_F_DISCARD; up to
 * VIRTIO_BLK_SLOTS requests in flight, finished in any order.
 *
 * virtio_blk_probe_all finds the devices in PCI order and registers each
 * as a struct blkdev (ext2fs/blkdev.h) named vda, vdb, ...: the n-th
 * virtio-blk function is vd<'a'+n> whether or not the ones before it
 * could be driven. Its callbacks block the calling thread until the device
 * answers. */
#ifndef MG_VIRTIO_BLK_H
#define MG_VIRTIO_BLK_H

#include <stdbool.h>
#include <stdint.h>

#include "ext2fs/blkdev.h"
#include "virtio/blk_check.h"

#define VIRTIO_BLK_MAX     8
#define VIRTIO_BLK_SLOTS   64
/* The most one request carries: data of SEGS pages, wherever it starts. */
#define VIRTIO_BLK_SEGS    32
#define VIRTIO_BLK_MAX_BYTES ((VIRTIO_BLK_SEGS - 1) * 4096u)

enum virtio_blk_op { VIRTIO_BLK_READ, VIRTIO_BLK_WRITE, VIRTIO_BLK_FLUSH, VIRTIO_BLK_DISCARD };

struct virtio_blk;

/* Called once per request, in event context (it must not block), with 0
 * or a negative errno: -EIO (the device's error, or its answer made no
 * sense), -EOPNOTSUPP (it says it cannot). */
typedef void (*virtio_blk_done_t)(void *arg, int status);

/* Finds, sets up and registers every virtio-blk device; how many were
 * registered. Needs I/O privilege (it asks for it). */
unsigned virtio_blk_probe_all(void);

/* The features the driver takes when offered (VIRTIO_F_VERSION_1 and the
 * virtio-blk ones it drives). */
uint64_t virtio_blk_drives(void);

/* The device registered as vd<'a'+n>, NULL if none. */
struct virtio_blk *virtio_blk_get(unsigned n);
struct blkdev *virtio_blk_blkdev(struct virtio_blk *b);

struct virtio_blk_info {
	char name[8];                   /* "vda" */
	char pci[8];                    /* "BB:DD.F" */
	uint64_t capacity;              /* in 512-byte sectors */
	uint32_t blk_size;              /* the device's block size (512 if unsaid) */
	bool flush, discard, read_only;
	uint32_t max_sectors;           /* the most one READ or WRITE takes */
	uint32_t max_discard_sectors;
	uint64_t offered, features;     /* the device's, and what was agreed */
	const char *irq_mode;
	uint32_t garbage;               /* used entries the driver threw away */
};
void virtio_blk_info(struct virtio_blk *b, struct virtio_blk_info *info);

/* The asynchronous call (for a block backend): starts op on count
 * 512-byte sectors from sector, into or out of buf (any mapped virtual
 * address, at most info.max_sectors; ignored by FLUSH), and returns
 * 0 once it is posted; done(arg, status) follows exactly once. Blocks
 * the calling thread while all slots are in flight. Refused at once (done
 * is not called): -EINVAL for a bad op, count (0 for READ, WRITE or
 * DISCARD, too many bytes) or buffer, -ENOSPC for sectors past the end
 * (computed in 64 bits), -EOPNOTSUPP for FLUSH or DISCARD the device
 * lacks, -EROFS for WRITE or DISCARD on a read-only device, -EIO once the
 * device is broken. */
int virtio_blk_submit(struct virtio_blk *b, enum virtio_blk_op op, uint64_t sector,
		      uint32_t count, void *buf, virtio_blk_done_t done, void *arg);

/* The same, waiting: any op over any number of sectors (in pieces the
 * device takes, all in flight at once); 0 or the first error. */
int virtio_blk_do(struct virtio_blk *b, enum virtio_blk_op op, uint64_t sector, uint64_t count,
		  void *buf);


#endif
