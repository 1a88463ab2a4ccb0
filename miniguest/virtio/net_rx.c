/* virtio-net's receive side (net.h): every buffer posted, the reaper
 * moving the filled ones to the ready ring, the receive thread handing
 * them to the callback and posting them again. */
#include "virtio/net_priv.h"

#include <errno.h>
#include <stdio.h>

#include "kernel/events.h"

#define RX_STACK (32 * 1024)

/* Hands buf back to the device; events masked. */
static void post(struct virtio_net *n, struct vnet_buf *buf)
{
	struct vq_buf b = { buf->maddr, VNET_BUF_SIZE, true };

	if (n->broken || vq_add(&n->dev.queues[VNET_RXQ].vq, &b, 1, buf) < 0)
		n->broken = true;
}

static void filled(struct virtio_net *n, const struct vq_done *d)
{
	struct vnet_buf *buf = d->cookie;

	buf->len = vnet_frame_len(d);
	/* At most rx_count are in flight, so the ring has room. */
	n->ready[(n->ready_head + n->ready_used) % VNET_BUFS] = buf;
	n->ready_used++;
}

void vnet_rx_reap(struct virtio_net *n)
{
	vnet_reap(n, VNET_RXQ, filled);
	waitq_wake_all(&n->rx_wait);
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
		if (buf->len) {
			n->info.rx_frames++;
			n->rx(n->rx_arg, buf->va + VIRTIO_NET_HDR_LEN, buf->len);
		} else {
			n->info.rx_dropped++;
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
