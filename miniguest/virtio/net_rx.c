/* virtio-net's receive side (net.h): every buffer posted, the reaper
 * moving the filled ones to the ready ring, the receive thread handing
 * them to the callback and posting them again. */
#include "virtio/net_priv.h"

#include <errno.h>
#include <stdio.h>

#include "kernel/events.h"

#define RX_STACK (32 * 1024)
#define HDR ((uint32_t)sizeof(struct virtio_net_hdr))

/* Hands buf back to the device; events masked. */
static void post(struct virtio_net *n, struct vnet_buf *buf)
{
	struct vq_buf b = { buf->maddr, VNET_BUF_SIZE, true };

	if (n->broken || vq_add(&n->dev.queues[VNET_RXQ].vq, &b, 1, buf) < 0)
		n->broken = true;
}

void vnet_rx_reap(struct virtio_net *n)
{
	struct virtqueue *vq = &n->dev.queues[VNET_RXQ].vq;
	struct vq_done d;
	int rc;

	/* Bounded: each turn takes an entry off the used ring, or it ends. */
	for (unsigned turns = 0; turns < 2u * vq->size; turns++) {
		rc = vq_reap(vq, &d);
		if (rc == 0)
			break;
		if (rc < 0) {
			if (vq->broken)
				n->broken = true;
			if (n->broken)
				break;
			continue;
		}
		struct vnet_buf *buf = d.cookie;
		buf->len = d.bad_len ? 0 : d.len;
		/* At most rx_count are in flight, so the ring has room. */
		n->ready[(n->ready_head + n->ready_used) % VNET_BUFS] = buf;
		n->ready_used++;
	}
	waitq_wake_all(&n->rx_wait);
}

/* A frame the callback may take: the header and 14 to FRAME_MAX bytes. */
static bool acceptable(struct virtio_net *n, struct vnet_buf *buf)
{
	if (buf->len >= HDR + 14 && buf->len <= HDR + VIRTIO_NET_FRAME_MAX)
		return true;
	n->info.rx_dropped++;
	return false;
}

static void rx_loop(void *arg)
{
	struct virtio_net *n = arg;

	for (;;) {
		unsigned mask = events_mask_save();
		while (n->ready_used == 0 && !n->broken)
			waitq_block(&n->rx_wait);
		if (n->ready_used == 0) {
			events_restore(mask);
			printf("virtio-net at %s: the device broke its receive queue; no more frames\n",
			       n->info.pci);
			return;
		}
		struct vnet_buf *buf = n->ready[n->ready_head];
		n->ready_head = (n->ready_head + 1) % VNET_BUFS;
		n->ready_used--;
		events_restore(mask);
		if (acceptable(n, buf)) {
			n->info.rx_frames++;
			n->rx(n->rx_arg, buf->va + HDR, buf->len - HDR);
		}
		mask = events_mask_save();
		post(n, buf);
		virtio_kick(&n->dev.queues[VNET_RXQ]);
		events_restore(mask);
	}
}

int vnet_rx_start(struct virtio_net *n)
{
	unsigned mask = events_mask_save();

	for (unsigned i = 0; i < n->rx_count; i++)
		post(n, &n->rxb[i]);
	virtio_kick(&n->dev.queues[VNET_RXQ]);
	events_restore(mask);
	if (n->broken)
		return -EIO;
	return thread_create("virtio-net-rx", rx_loop, n, RX_STACK) ? 0 : -ENOMEM;
}
