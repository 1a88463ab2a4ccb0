/* Receive lengths (net_check.h). */
#include "net_check.h"

uint32_t vnet_frame_len(const struct vq_done *d)
{
	if (d->bad_len || d->len < VIRTIO_NET_HDR_LEN + VIRTIO_NET_FRAME_MIN ||
	    d->len > VIRTIO_NET_HDR_LEN + VIRTIO_NET_FRAME_MAX)
		return 0;
	return d->len - VIRTIO_NET_HDR_LEN;
}
