/* virtio-net's transmit side (net.h): each frame copied after a zeroed
 * header into a free buffer, one descriptor; the reaper frees them. */
#include "virtio/net_priv.h"

#include <errno.h>
#include <string.h>

#include "kernel/events.h"
#include "kernel/time.h"

#define HDR VIRTIO_NET_HDR_LEN
#define ROOM_WAIT_NS 1000000000ull

static void sent(struct virtio_net *n, const struct vq_done *d)
{
	n->tx_free |= 1ull << ((struct vnet_buf *)d->cookie - n->txb);
}

void vnet_tx_reap(struct virtio_net *n)
{
	vnet_reap(n, VNET_TXQ, sent);
	waitq_wake_all(&n->tx_room);
}

int virtio_net_send(struct virtio_net *n, const void *buf, uint32_t len)
{
	if (len < VIRTIO_NET_FRAME_MIN || len > VIRTIO_NET_FRAME_MAX)
		return -EINVAL;
	uint64_t deadline = time_now_ns() + ROOM_WAIT_NS;
	unsigned mask = events_mask_save();
	while (!n->tx_free && !n->broken) {
		if (!waitq_block_until(&n->tx_room, deadline) && !n->tx_free) {
			events_restore(mask);
			return -EAGAIN;
		}
	}
	if (n->broken) {
		events_restore(mask);
		return -EIO;
	}
	unsigned i = (unsigned)__builtin_ctzll(n->tx_free);
	n->tx_free &= ~(1ull << i);
	struct vnet_buf *b = &n->txb[i];
	memset(b->va, 0, HDR);
	memcpy(b->va + HDR, buf, len);
	struct vq_buf vb = { b->maddr, HDR + len, false };
	if (vq_add(&n->dev.queues[VNET_TXQ].vq, &vb, 1, b) < 0) {
		n->tx_free |= 1ull << i;
		n->broken = true;
		events_restore(mask);
		return -EIO;
	}
	n->info.tx_frames++;
	virtio_kick(&n->dev.queues[VNET_TXQ]);
	events_restore(mask);
	virtio_irq_posted(&n->dev.irq);
	return 0;
}
