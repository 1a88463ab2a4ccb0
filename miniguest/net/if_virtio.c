/* The virtio-net device as lwIP's interface "en0" (virtio/net.h), brought
 * up by the first socket call (net_start.c) in a program linked with it:
 * a static address when the environment says ip= (with netmask=, default
 * 255.255.255.0, and gw=), otherwise DHCP, waited for at most
 * LEASE_WAIT_NS (QEMU's user network leases 10.0.2.15 first). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/thread.h"
#include "kernel/time.h"
#include "lwip/dhcp.h"
#include "lwip/etharp.h"
#include "lwip/netifapi.h"
#include "lwip/pbuf.h"
#include "lwip/tcpip.h"
#include "net/if_virtio.h"
#include "virtio/net.h"

#define LEASE_WAIT_NS 10000000000ull
#define LEASE_POLL_NS 10000000ull

static struct netif nif;
static struct virtio_net *dev;
static uint8_t out[VIRTIO_NET_FRAME_MAX];       /* only the tcpip thread sends */

static void received(void *arg, const void *frame, uint32_t len)
{
	(void)arg;
	struct pbuf *p = pbuf_alloc(PBUF_RAW, (u16_t)len, PBUF_POOL);

	if (!p)
		return;
	pbuf_take(p, frame, (u16_t)len);
	if (nif.input(p, &nif) != ERR_OK)
		pbuf_free(p);
}

static err_t linkoutput(struct netif *netif, struct pbuf *p)
{
	(void)netif;
	if (p->tot_len > sizeof(out))
		return ERR_BUF;
	u16_t len = pbuf_copy_partial(p, out, p->tot_len, 0);
	return virtio_net_send(dev, out, len) == 0 ? ERR_OK : ERR_IF;
}

static err_t init(struct netif *netif)
{
	struct virtio_net_info in;

	virtio_net_info(dev, &in);
	netif->name[0] = 'e';
	netif->name[1] = 'n';
	netif->mtu = 1500;
	netif->hwaddr_len = 6;
	memcpy(netif->hwaddr, in.mac, 6);
	netif->flags = NETIF_FLAG_BROADCAST | NETIF_FLAG_ETHARP | NETIF_FLAG_ETHERNET;
	netif->output = etharp_output;
	netif->linkoutput = linkoutput;
	return ERR_OK;
}

/* The address from the environment's name= word into *a; false when
 * absent, and says so when it is no address. */
static bool env_addr(const char *name, ip4_addr_t *a)
{
	const char *v = getenv(name);

	if (!v)
		return false;
	if (!ip4addr_aton(v, a)) {
		printf("net: %s=%s is not an IPv4 address; ignored\n", name, v);
		return false;
	}
	return true;
}

static bool wait_lease(void)
{
	uint64_t deadline = time_now_ns() + LEASE_WAIT_NS;

	while (!dhcp_supplied_address(&nif)) {
		if (time_now_ns() > deadline)
			return false;
		thread_sleep_ns(LEASE_POLL_NS);
	}
	return true;
}

void net_iface_start(void)
{
	ip4_addr_t ip, mask, gw;
	bool fixed = env_addr("ip", &ip);

	if (!(dev = virtio_net_open(received, NULL)))
		return;
	if (!fixed) {
		ip4_addr_set_zero(&ip);
		ip4_addr_set_zero(&mask);
		ip4_addr_set_zero(&gw);
	} else {
		if (!env_addr("netmask", &mask))
			IP4_ADDR(&mask, 255, 255, 255, 0);
		if (!env_addr("gw", &gw))
			ip4_addr_set_zero(&gw);
	}
	if (netifapi_netif_add(&nif, &ip, &mask, &gw, NULL, init, tcpip_input) != ERR_OK) {
		printf("net: cannot add the interface\n");
		return;
	}
	netifapi_netif_set_default(&nif);
	netifapi_netif_set_link_up(&nif);
	netifapi_netif_set_up(&nif);
	if (!fixed && (netifapi_dhcp_start(&nif) != ERR_OK || !wait_lease())) {
		printf("net: en0: no DHCP lease within %llu s\n",
		       (unsigned long long)(LEASE_WAIT_NS / 1000000000ull));
		return;
	}
	printf("net: en0 %s", ip4addr_ntoa(netif_ip4_addr(&nif)));
	printf("/%s", ip4addr_ntoa(netif_ip4_netmask(&nif)));
	printf(" gw %s (%s)\n", ip4addr_ntoa(netif_ip4_gw(&nif)), fixed ? "static" : "DHCP");
}

struct netif *net_iface(void)
{
	return dev ? &nif : NULL;
}
