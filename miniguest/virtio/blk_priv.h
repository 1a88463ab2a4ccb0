/* virtio-blk's insides, shared by its files (blk.h is the interface). */
#ifndef MG_VIRTIO_BLK_PRIV_H
#define MG_VIRTIO_BLK_PRIV_H

#include "kernel/thread.h"
#include "virtio/blk.h"
#include "virtio/virtio.h"

#define VIRTIO_BLK_ID_MODERN      0x1042
#define VIRTIO_BLK_ID_TRANSITIONAL 0x1001

#define VIRTIO_BLK_F_SIZE_MAX  1
#define VIRTIO_BLK_F_SEG_MAX   2
#define VIRTIO_BLK_F_RO        5
#define VIRTIO_BLK_F_BLK_SIZE  6
#define VIRTIO_BLK_F_FLUSH     9
#define VIRTIO_BLK_F_DISCARD   13

#define VIRTIO_BLK_T_IN       0
#define VIRTIO_BLK_T_OUT      1
#define VIRTIO_BLK_T_FLUSH    4
#define VIRTIO_BLK_T_DISCARD  11

#define VIRTIO_BLK_S_OK       0
#define VIRTIO_BLK_S_IOERR    1
#define VIRTIO_BLK_S_UNSUPP   2

/* The device configuration's offsets (5.2.4). */
#define VIRTIO_BLK_CFG_CAPACITY     0
#define VIRTIO_BLK_CFG_SEG_MAX      12
#define VIRTIO_BLK_CFG_BLK_SIZE     20
#define VIRTIO_BLK_CFG_MAX_DISCARD  36

/* What the device reads and writes besides the data, one per slot, in a
 * page of their own: the request header, a discard segment, the status. */
struct vblk_wire {
	uint32_t type;
	uint32_t reserved;
	uint64_t sector;
	uint64_t discard_sector;
	uint32_t discard_sectors;
	uint32_t discard_flags;
	uint8_t status;
	uint8_t pad[31];
};
_Static_assert(sizeof(struct vblk_wire) == 64, "vblk_wire is 64 bytes");
_Static_assert(VIRTIO_BLK_SLOTS * sizeof(struct vblk_wire) <= 4096, "the slots fill a page");

struct vblk_slot {
	virtio_blk_done_t done;
	void *arg;
};

struct virtio_blk {
	struct virtio_dev dev;
	struct blkdev blkdev;
	struct virtio_blk_info info;
	uint32_t seg_max;               /* data descriptors a request may use */
	volatile struct vblk_wire *wire;
	uint64_t wire_maddr;
	struct vblk_slot slots[VIRTIO_BLK_SLOTS];
	uint64_t free_slots;            /* bit i: slot i is free */
	struct waitqueue room;          /* for a free slot and descriptors */
	bool broken;
};

/* The used ring's reaper: finishes what the device finished. */
void virtio_blk_service(void *arg);
bool virtio_blk_busy(void *arg);

/* The blkdev callbacks. */
void virtio_blk_blkdev_init(struct virtio_blk *b);

#endif
