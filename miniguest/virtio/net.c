/* Finding and setting up the virtio-net device (net.h). */
#include "virtio/net_priv.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/frames.h"
#include "virtio/pci.h"

#define WANTED VIRTIO_BIT(VIRTIO_NET_F_MAC)
/* For a device that gives no address: locally administered, unicast. */
static const uint8_t made_up_mac[6] = { 0x02, 0x52, 0x69, 0x6e, 0x67, 0x01 };

bool vnet_bufs_alloc(struct vnet_buf *bufs, unsigned n)
{
	for (unsigned i = 0; i < n; i += VNET_BUFS_PER_PAGE) {
		uint32_t pfn = frame_alloc();
		if (pfn == FRAME_NONE)
			return false;
		uint8_t *va = pfn_to_virt(pfn);
		memset(va, 0, PAGE_SIZE);
		uint64_t m = (uint64_t)pfn_to_mfn(pfn) << PAGE_SHIFT;
		for (unsigned k = 0; k < VNET_BUFS_PER_PAGE && i + k < n; k++)
			bufs[i + k] = (struct vnet_buf){ va + k * VNET_BUF_SIZE,
							 m + k * VNET_BUF_SIZE, 0 };
	}
	return true;
}

void vnet_reap(struct virtio_net *n, unsigned q,
	       void (*done)(struct virtio_net *n, const struct vq_done *d))
{
	struct virtqueue *vq = &n->dev.queues[q].vq;
	struct vq_done d;

	/* Bounded: each turn takes an entry off the used ring, or it ends. */
	for (unsigned turns = 0; turns < 2u * vq->size; turns++) {
		int rc = vq_reap(vq, &d);
		if (rc == 0)
			break;
		if (rc > 0) {
			done(n, &d);
		} else if (vq->broken) {
			n->broken = true;
			break;
		}
	}
}

static void service(void *arg)
{
	struct virtio_net *n = arg;

	vnet_rx_reap(n);
	vnet_tx_reap(n);
}

/* Receive buffers are always posted: the poller (without interrupts)
 * always has something to look for. */
static bool busy(void *arg)
{
	(void)arg;
	return true;
}

static void read_mac(struct virtio_net *n)
{
	struct virtio_net_info *in = &n->info;

	in->mac_from_device = (n->dev.features & WANTED) &&
			      virtio_read_config(&n->dev, VIRTIO_NET_CFG_MAC, in->mac, 6) == 0;
	/* A multicast address cannot be a station's own. */
	if (!in->mac_from_device || (in->mac[0] & 1)) {
		in->mac_from_device = false;
		memcpy(in->mac, made_up_mac, 6);
	}
}

static int setup(struct virtio_net *n, uint16_t bdf)
{
	int rc = virtio_open(&n->dev, bdf);

	if (rc)
		return rc;
	if ((rc = virtio_negotiate(&n->dev, WANTED, 0)) ||
	    (rc = virtio_queue_setup(&n->dev, VNET_RXQ, VNET_BUFS)) ||
	    (rc = virtio_queue_setup(&n->dev, VNET_TXQ, VNET_BUFS)))
		goto fail;
	read_mac(n);
	n->rx_count = n->dev.queues[VNET_RXQ].vq.size;
	n->tx_count = n->dev.queues[VNET_TXQ].vq.size;
	n->tx_free = n->tx_count == 64 ? ~0ull : (1ull << n->tx_count) - 1;
	rc = -ENOMEM;
	if (!vnet_bufs_alloc(n->rxb, n->rx_count) || !vnet_bufs_alloc(n->txb, n->tx_count))
		goto fail;
	if ((rc = virtio_irq_start(&n->dev, service, busy, n)))
		goto fail;
	virtio_ready(&n->dev);
	if ((rc = vnet_rx_start(n)))
		goto fail;
	return 0;
fail:
	virtio_fail(&n->dev);
	return rc;
}

static const uint16_t ids[] = { VIRTIO_NET_ID_MODERN, VIRTIO_NET_ID_TRANSITIONAL };

bool virtio_net_present(void)
{
	return pci_init() && virtio_find(0, ids, 2) != PCI_NONE;
}

struct virtio_net *virtio_net_open(virtio_net_rx_t rx, void *arg)
{
	if (!pci_init()) {
		printf("virtio-net: no I/O privilege: cannot reach PCI configuration space\n");
		return NULL;
	}
	uint16_t bdf = virtio_find(0, ids, 2);
	if (bdf == PCI_NONE) {
		printf("virtio-net: no device\n");
		return NULL;
	}
	struct virtio_net *n = calloc(1, sizeof(*n));
	if (!n)
		return NULL;
	n->rx = rx;
	n->rx_arg = arg;
	pci_name(bdf, n->info.pci);
	int rc = setup(n, bdf);
	if (rc) {
		/* The device may still hold our pages: n is kept. */
		printf("virtio-net at %s: not used (%s)\n", n->info.pci, strerror(-rc));
		return NULL;
	}
	printf("virtio-net at %s: mac %02x:%02x:%02x:%02x:%02x:%02x%s, %u+%u buffers, %s\n",
	       n->info.pci, n->info.mac[0], n->info.mac[1], n->info.mac[2], n->info.mac[3],
	       n->info.mac[4], n->info.mac[5], n->info.mac_from_device ? "" : " (made up)",
	       n->rx_count, n->tx_count, virtio_irq_mode(&n->dev.irq));
	return n;
}

void virtio_net_info(struct virtio_net *n, struct virtio_net_info *info)
{
	*info = n->info;
	info->offered = n->dev.offered;
	info->features = n->dev.features;
	info->irq_mode = virtio_irq_mode(&n->dev.irq);
	info->rx_size = n->rx_count;
	info->tx_size = n->tx_count;
	info->garbage = n->dev.queues[VNET_RXQ].vq.garbage + n->dev.queues[VNET_TXQ].vq.garbage +
			n->info.garbage;
	info->broken = n->broken;
}
