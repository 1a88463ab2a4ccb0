/* virtio-net's insides, shared by its files (net.h is the interface). */
#ifndef MG_VIRTIO_NET_PRIV_H
#define MG_VIRTIO_NET_PRIV_H

#include "kernel/thread.h"
#include "virtio/net.h"
#include "virtio/virtio.h"

#define VIRTIO_NET_ID_MODERN       0x1041
#define VIRTIO_NET_ID_TRANSITIONAL 0x1000
#define VIRTIO_NET_F_MAC 5
#define VIRTIO_NET_CFG_MAC 0

#define VNET_RXQ 0
#define VNET_TXQ 1
#define VNET_BUFS 64                    /* per queue */
/* Each buffer is half a page: the header and the longest frame fit, and
 * it never crosses a page, so one descriptor covers it. */
#define VNET_BUF_SIZE 2048
#define VNET_BUFS_PER_PAGE (4096 / VNET_BUF_SIZE)

/* The header every buffer starts with (virtio 1.0, 5.1.6; num_buffers is
 * there with VIRTIO_F_VERSION_1). All zero on transmit: no offloads. */
struct virtio_net_hdr {
	uint8_t flags;
	uint8_t gso_type;
	uint16_t hdr_len;
	uint16_t gso_size;
	uint16_t csum_start;
	uint16_t csum_offset;
	uint16_t num_buffers;
};
_Static_assert(sizeof(struct virtio_net_hdr) == VIRTIO_NET_HDR_LEN, "virtio_net_hdr is 12 bytes");

struct vnet_buf {
	uint8_t *va;
	uint64_t maddr;
	uint32_t len;                   /* the frame's (receive; 0: none) */
};

struct virtio_net {
	struct virtio_dev dev;
	struct virtio_net_info info;
	virtio_net_rx_t rx;
	void *rx_arg;
	struct vnet_buf rxb[VNET_BUFS], txb[VNET_BUFS];
	uint16_t rx_count, tx_count;    /* buffers of each queue in use */
	/* Filled receive buffers, from the reaper to the receive thread. */
	struct vnet_buf *ready[VNET_BUFS];
	unsigned ready_head, ready_used;
	struct waitqueue rx_wait;
	uint64_t tx_free;               /* bit i: txb[i] is free */
	struct waitqueue tx_room;
	bool broken;
};

/* Half-page buffers in fresh pages; false when out of memory. */
bool vnet_bufs_alloc(struct vnet_buf *bufs, unsigned n);

/* Posts every receive buffer and starts the receive thread. */
int vnet_rx_start(struct virtio_net *n);
/* Takes what the device finished off queue q, done(n, d) for each;
 * garbage entries are counted by the queue and skipped. */
void vnet_reap(struct virtio_net *n, unsigned q,
	       void (*done)(struct virtio_net *n, const struct vq_done *d));
/* The reapers, in event context. */
void vnet_rx_reap(struct virtio_net *n);
void vnet_tx_reap(struct virtio_net *n);

#endif
