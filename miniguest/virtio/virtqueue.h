/* Split virtqueues (virtio 1.0, 2.4): the descriptor table, the driver's
 * (avail) ring and the device's (used) ring, each in memory the caller
 * provides, addressed by the device with machine addresses the caller
 * gives per buffer. No allocation and no hypercalls here, so the host's
 * unit tests drive it with a fake device.
 *
 * The device is not trusted with the driver's bookkeeping: the free list
 * and what each chain holds live in struct virtqueue, never read back from
 * shared memory; a used entry naming a chain that is not in flight, or
 * claiming more bytes than the chain let the device write, is reported and
 * survived. Callers serialise all calls on one queue. */
#ifndef MG_VIRTQUEUE_H
#define MG_VIRTQUEUE_H

#include <stdbool.h>
#include <stdint.h>

#define VQ_MAX_SIZE 256                 /* each ring then fits in a page */

#define VQ_DESC_F_NEXT      1
#define VQ_DESC_F_WRITE     2
#define VQ_USED_F_NO_NOTIFY 1
#define VQ_AVAIL_F_NO_INTERRUPT 1

struct vq_desc {
	uint64_t addr;
	uint32_t len;
	uint16_t flags;
	uint16_t next;
};

struct vq_avail {
	uint16_t flags;
	uint16_t idx;
	uint16_t ring[];
};

struct vq_used_elem {
	uint32_t id;
	uint32_t len;
};

struct vq_used {
	uint16_t flags;
	uint16_t idx;
	struct vq_used_elem ring[];
};

/* Bytes each part takes for a queue of size entries. */
#define VQ_DESC_BYTES(size)  (16u * (size))
#define VQ_AVAIL_BYTES(size) (6u + 2u * (size))
#define VQ_USED_BYTES(size)  (6u + 8u * (size))

/* One buffer of a request: machine address, length, and whether the device
 * writes it (a driver-to-device buffer otherwise). */
struct vq_buf {
	uint64_t addr;
	uint32_t len;
	bool device_writes;
};

/* What vq_reap hands back for one finished chain. */
struct vq_done {
	void *cookie;
	uint32_t len;                   /* bytes the device says it wrote */
	bool bad_len;                   /* it claimed more than it could */
};

struct virtqueue {
	uint16_t size;                  /* a power of two, 1 to VQ_MAX_SIZE */
	volatile struct vq_desc *desc;
	volatile struct vq_avail *avail;
	volatile struct vq_used *used;
	uint16_t num_free, free_head;
	uint16_t chains;                /* in flight */
	uint16_t avail_idx, last_used;  /* our copies of the two indexes */
	bool broken;                    /* the device moved used->idx impossibly */
	uint32_t garbage;               /* used entries thrown away */
	uint16_t next_free[VQ_MAX_SIZE];
	uint16_t chain_len[VQ_MAX_SIZE];     /* by head; 0: not in flight */
	uint32_t writable[VQ_MAX_SIZE];      /* by head: bytes the device may write */
	void *cookie[VQ_MAX_SIZE];
};

/* Sets vq up over zeroed rings; false for a size that is not a power of
 * two in 1..VQ_MAX_SIZE. */
bool vq_init(struct virtqueue *vq, uint16_t size, volatile struct vq_desc *desc,
	     volatile struct vq_avail *avail, volatile struct vq_used *used);

/* Posts the n buffers as one chain that vq_reap returns as cookie (not
 * NULL): the head's index, -ENOSPC when fewer than n descriptors are free,
 * -EINVAL for n of 0 or more than the queue holds, a NULL cookie, or a
 * broken queue. The device sees it once the caller kicks. */
int vq_add(struct virtqueue *vq, const struct vq_buf *bufs, unsigned n, void *cookie);

/* Whether the device wants a kick for what was added. */
bool vq_kick_needed(const struct virtqueue *vq);

/* The next finished chain: 1 with *d filled, 0 when there is none, -EIO
 * when the entry was garbage (thrown away, counted; call again) or the
 * queue is broken (for good: take the chains back with vq_take). */
int vq_reap(struct virtqueue *vq, struct vq_done *d);

/* Takes back one chain still in flight (after the device was reset or
 * the queue broke): its cookie, NULL when none is left. */
void *vq_take(struct virtqueue *vq);

/* Descriptors in flight (0: the device holds nothing of ours). */
unsigned vq_in_flight(const struct virtqueue *vq);

#endif
