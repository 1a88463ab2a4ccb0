/* The machine's NIC as a port of netback's bridge, when the driver domain
 * holds one: frames from the outside (QEMU's user network) are routed as
 * any vif's, frames routed to it go out through virtio tx. virtio-net
 * without VIRTIO_NET_F_CTRL_RX receives every frame (QEMU's device stays
 * promiscuous), so frames for the vifs' addresses reach it too; the
 * outside answers each address on its own (QEMU's DHCP leases by MAC). */
#include <stdio.h>
#include <string.h>

#include "netif/vif.h"
#include "virtio/net.h"

static struct virtio_net *nic;
static struct netport nic_port;

static bool nic_send(struct netport *p, const uint8_t *frame, uint16_t len)
{
	(void)p;
	return virtio_net_send(nic, frame, len) == 0;
}

static const struct netport_ops nic_ops = { nic_send, NULL };

static void received(void *arg, const void *frame, uint32_t len)
{
	(void)arg;
	netback_input(&nic_port, frame, (uint16_t)len);
}

bool netback_nic_start(void)
{
	struct virtio_net_info in;

	if (nic || !virtio_net_present() || !(nic = virtio_net_open(received, NULL)))
		return false;
	nic_port = (struct netport){ .ops = &nic_ops, .name = "nic" };
	if (!netback_port_attach(&nic_port)) {
		printf("netback: the bridge has no port left for the NIC\n");
		return false;
	}
	virtio_net_info(nic, &in);
	printf("netback: the NIC at %s is port %u of the bridge\n", in.pci, nic_port.no);
	return true;
}

bool netback_nic_mac(uint8_t mac[6])
{
	struct virtio_net_info in;

	if (!nic)
		return false;
	virtio_net_info(nic, &in);
	memcpy(mac, in.mac, 6);
	return true;
}
