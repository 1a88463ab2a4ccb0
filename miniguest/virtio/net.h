/* virtio-net (device 0x1041, or transitional 0x1000) over the modern
 * transport: one receive and one transmit queue, the device's MAC address
 * (VIRTIO_NET_F_MAC) and nothing else (no checksum or segmentation
 * offloads, no merged receive buffers: every frame fits one buffer).
 *
 * Receive buffers stay posted: the reaper (event context) hands each
 * finished one to a thread of the driver's, which calls the receive
 * callback with the frame and posts the buffer again. A used entry the
 * device makes up (an id not in flight, a length past the buffer, one
 * shorter than the virtio_net_hdr) is counted and survived. */
#ifndef MG_VIRTIO_NET_H
#define MG_VIRTIO_NET_H

#include <stdbool.h>
#include <stdint.h>

#include "virtio/net_check.h"

struct virtio_net;

/* Called from the driver's receive thread (it may block and allocate)
 * with one Ethernet frame of 14 to VIRTIO_NET_FRAME_MAX bytes, which is
 * the driver's again when the callback returns. */
typedef void (*virtio_net_rx_t)(void *arg, const void *frame, uint32_t len);

/* Finds and sets up the first virtio-net device and starts receiving into
 * rx(arg); NULL when there is none or it cannot be driven (it says why).
 * Needs I/O privilege (it asks for it). */
struct virtio_net *virtio_net_open(virtio_net_rx_t rx, void *arg);
/* Whether this domain sees a virtio-net device (quietly: false without
 * I/O privilege too). */
bool virtio_net_present(void);

/* Sends one frame (copied: buf is the caller's again on return): 0,
 * -EINVAL for a length outside 14..VIRTIO_NET_FRAME_MAX, -EAGAIN when
 * the device took none of the queued frames back within a second, -EIO
 * once the device is broken. May block the calling thread. */
int virtio_net_send(struct virtio_net *n, const void *buf, uint32_t len);

struct virtio_net_info {
	char pci[8];                    /* "BB:DD.F" */
	uint8_t mac[6];
	bool mac_from_device;           /* else a made-up local address */
	uint64_t offered, features;
	const char *irq_mode;
	uint16_t rx_size, tx_size;      /* buffers in each queue */
	uint64_t rx_frames, tx_frames;
	uint64_t rx_dropped;            /* runts and frames too long */
	uint32_t garbage;               /* used entries thrown away */
	bool broken;
};
void virtio_net_info(struct virtio_net *n, struct virtio_net_info *info);

#endif
