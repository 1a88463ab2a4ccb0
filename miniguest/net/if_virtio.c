/* The virtio-net device as lwIP's interface "en0" (virtio/net.h), brought
 * up by the first socket call (net_start.c) in a program linked with it,
 * with the environment's address or DHCP's (if_up.c; QEMU's user network
 * leases 10.0.2.15 first). */
#include <string.h>

#include "net/if_up.h"
#include "net/if_virtio.h"
#include "virtio/net.h"

static struct netif nif;
static struct virtio_net *dev;

static void received(void *arg, const void *frame, uint32_t len)
{
	(void)arg;
	net_link_input(&nif, frame, (uint16_t)len);
}

static int send(const uint8_t *frame, uint16_t len)
{
	return virtio_net_send(dev, frame, len);
}

void net_iface_start(void)
{
	static struct net_link link = { { 'e', 'n' }, { 0 }, send };
	struct virtio_net_info in;

	if (!(dev = virtio_net_open(received, NULL)))
		return;
	virtio_net_info(dev, &in);
	memcpy(link.mac, in.mac, 6);
	net_if_up(&nif, &link, "en0");
}

struct netif *net_iface(void)
{
	return dev ? &nif : NULL;
}
