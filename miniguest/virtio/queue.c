/* Virtqueues of a virtio device (virtio.h): the rings in pages of their
 * own, so that each is machine-contiguous whatever the domain's p2m; the
 * device is told their machine addresses. */
#include "virtio/virtio.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "kernel/frames.h"

/* A zeroed page: its virtual address, and its machine address in *maddr. */
static void *ring_page(uint64_t *maddr)
{
	uint32_t pfn = frame_alloc();

	if (pfn == FRAME_NONE)
		return 0;
	void *va = pfn_to_virt(pfn);
	memset(va, 0, PAGE_SIZE);
	*maddr = (uint64_t)pfn_to_mfn(pfn) << PAGE_SHIFT;
	return va;
}

static void put64(volatile uint32_t *lo, volatile uint32_t *hi, uint64_t v)
{
	*lo = (uint32_t)v;
	*hi = (uint32_t)(v >> 32);
}

int virtio_queue_setup(struct virtio_dev *d, uint16_t index, uint16_t max_size)
{
	volatile struct virtio_common_cfg *c = d->common;
	uint64_t desc_m, avail_m, used_m;

	if (d->nr_queues >= VIRTIO_QUEUES_MAX || index >= c->num_queues)
		return -EINVAL;
	c->queue_select = index;
	uint16_t size = c->queue_size;
	if (size == 0 || c->queue_enable)
		return -EINVAL;
	if (size > max_size)
		size = max_size;
	/* A split ring's size is a power of two; round down to one. */
	while (size & (size - 1))
		size &= (uint16_t)(size - 1);
	void *desc = ring_page(&desc_m), *avail = ring_page(&avail_m), *used = ring_page(&used_m);
	struct virtio_queue *q = &d->queues[d->nr_queues];
	if (!desc || !avail || !used || !vq_init(&q->vq, size, desc, avail, used)) {
		printf("virtio %s: no memory for queue %u\n", d->name, index);
		return -ENOMEM;
	}
	uint64_t notify_off = (uint64_t)c->queue_notify_off * d->notify_mult;
	if (notify_off + 2 > d->notify_len) {
		printf("virtio %s: queue %u's notify offset %#llx is outside its structure\n",
		       d->name, index, (unsigned long long)notify_off);
		return -EIO;
	}
	q->notify = (volatile uint16_t *)(d->notify_base + notify_off);
	q->index = index;
	c->queue_size = size;
	put64(&c->queue_desc_lo, &c->queue_desc_hi, desc_m);
	put64(&c->queue_driver_lo, &c->queue_driver_hi, avail_m);
	put64(&c->queue_device_lo, &c->queue_device_hi, used_m);
	c->queue_msix_vector = 0xffff;      /* no MSI-X: INTx and the ISR */
	c->queue_enable = 1;
	d->nr_queues++;
	return 0;
}

void virtio_kick(struct virtio_queue *q)
{
	if (vq_kick_needed(&q->vq))
		*q->notify = q->index;
}
