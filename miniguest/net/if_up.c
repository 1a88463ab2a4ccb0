/* An ethernet interface up, static or by DHCP (if_up.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/thread.h"
#include "kernel/time.h"
#include "lwip/dhcp.h"
#include "lwip/etharp.h"
#include "lwip/netifapi.h"
#include "lwip/tcpip.h"
#include "net/if_up.h"

#define LEASE_WAIT_NS 10000000000ull
#define LEASE_POLL_NS 10000000ull

static uint8_t out[1514];       /* only the tcpip thread sends */

void net_link_input(struct netif *nif, const void *frame, uint16_t len)
{
	struct pbuf *p = pbuf_alloc(PBUF_RAW, len, PBUF_POOL);

	if (!p)
		return;
	pbuf_take(p, frame, len);
	if (nif->input(p, nif) != ERR_OK)
		pbuf_free(p);
}

static err_t linkoutput(struct netif *nif, struct pbuf *p)
{
	struct net_link *link = nif->state;

	if (p->tot_len > sizeof(out))
		return ERR_BUF;
	u16_t len = pbuf_copy_partial(p, out, p->tot_len, 0);
	return link->send(out, len) == 0 ? ERR_OK : ERR_IF;
}

static err_t init(struct netif *nif)
{
	struct net_link *link = nif->state;

	memcpy(nif->name, link->name, 2);
	nif->mtu = 1500;
	nif->hwaddr_len = 6;
	memcpy(nif->hwaddr, link->mac, 6);
	nif->flags = NETIF_FLAG_BROADCAST | NETIF_FLAG_ETHARP | NETIF_FLAG_ETHERNET;
	nif->output = etharp_output;
	nif->linkoutput = linkoutput;
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

static bool wait_lease(struct netif *nif)
{
	uint64_t deadline = time_now_ns() + LEASE_WAIT_NS;

	while (!dhcp_supplied_address(nif)) {
		if (time_now_ns() > deadline)
			return false;
		thread_sleep_ns(LEASE_POLL_NS);
	}
	return true;
}

bool net_if_up(struct netif *nif, struct net_link *link, const char *name)
{
	ip4_addr_t ip, mask, gw;
	bool fixed = env_addr("ip", &ip);

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
	if (netifapi_netif_add(nif, &ip, &mask, &gw, link, init, tcpip_input) != ERR_OK) {
		printf("net: cannot add the interface\n");
		return false;
	}
	netifapi_netif_set_default(nif);
	netifapi_netif_set_link_up(nif);
	netifapi_netif_set_up(nif);
	if (!fixed && (netifapi_dhcp_start(nif) != ERR_OK || !wait_lease(nif))) {
		printf("net: %s: no DHCP lease within %llu s\n", name,
		       (unsigned long long)(LEASE_WAIT_NS / 1000000000ull));
		return false;
	}
	printf("net: %s %s", name, ip4addr_ntoa(netif_ip4_addr(nif)));
	printf("/%s", ip4addr_ntoa(netif_ip4_netmask(nif)));
	printf(" gw %s (%s)\n", ip4addr_ntoa(netif_ip4_gw(nif)), fixed ? "static" : "DHCP");
	return true;
}
