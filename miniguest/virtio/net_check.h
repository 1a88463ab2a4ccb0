/* What of a filled receive buffer virtio-net hands on (net_check.c):
 * host-built too, for the unit tests. */
#ifndef MG_VIRTIO_NET_CHECK_H
#define MG_VIRTIO_NET_CHECK_H

#include <stdint.h>

#include "virtqueue.h"

#define VIRTIO_NET_HDR_LEN   12         /* struct virtio_net_hdr with VERSION_1 */
#define VIRTIO_NET_FRAME_MIN 14         /* an Ethernet header */
#define VIRTIO_NET_FRAME_MAX 1514       /* an Ethernet frame without its FCS */

/* The frame's length in a buffer the device says it filled (d, from
 * vq_reap): the bytes after the header, or 0 when they cannot be a frame
 * (a length the device made up past the buffer, a runt, a giant). */
uint32_t vnet_frame_len(const struct vq_done *d);

#endif
