/* netfront as an lwIP interface: each vif of this domain (device/vif/N)
 * is an ethernet netif ("xn0", "xn1"...) with ARP; frames out are copied
 * into a tx page (linkoutput), frames in are copied into pbufs by a
 * receiving thread and handed to the tcpip thread. The first vif takes
 * its address from the environment (ip=A.B.C.D, netmask= (by default
 * 255.255.255.0), gw=) and is the default route; a vif without ip= asks
 * for one with lwIP's DHCP client. Linked into a program with netfront
 * (miniguest_netfront_src), this runs at its first socket (net_start). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lwip/dhcp.h"
#include "lwip/etharp.h"
#include "lwip/tcpip.h"
#include "kernel/time.h"
#include "netif/front.h"
#include "netif/netif.h"
#include "net/sock.h"

#define MAX_VIFS 4
#define SECOND 1000000000ull

struct vif_if {
	struct netif netif;
	struct netfront *nf;
	ip4_addr_t ip, mask, gw;
	bool fixed, first, added;
	volatile bool done;
	struct waitqueue wq;
};

static err_t linkoutput(struct netif *n, struct pbuf *p)
{
	struct netfront *nf = n->state;
	int id;

	if (p->tot_len > NETIF_ETH_MAX || (id = netfront_tx_get(nf)) < 0)
		return ERR_IF;
	pbuf_copy_partial(p, nf->tx_page[id], p->tot_len, 0);
	netfront_tx_put(nf, id, p->tot_len);
	return ERR_OK;
}

static err_t init(struct netif *n)
{
	struct netfront *nf = n->state;

	n->name[0] = 'x';
	n->name[1] = 'n';
	n->hwaddr_len = ETH_HWADDR_LEN;
	memcpy(n->hwaddr, nf->mac, ETH_HWADDR_LEN);
	n->mtu = NETIF_ETH_MAX - NETIF_ETH_HLEN;
	n->flags = NETIF_FLAG_BROADCAST | NETIF_FLAG_ETHARP | NETIF_FLAG_ETHERNET |
		   NETIF_FLAG_LINK_UP;
	n->output = etharp_output;
	n->linkoutput = linkoutput;
	return ERR_OK;
}

static void deliver(void *arg, const uint8_t *frame, uint16_t len)
{
	struct netif *n = arg;
	struct pbuf *p = pbuf_alloc(PBUF_RAW, len, PBUF_RAM);

	if (!p)
		return;
	pbuf_take(p, frame, len);
	if (n->input(p, n) != ERR_OK)
		pbuf_free(p);
}

static void receiver(void *arg)
{
	struct vif_if *v = arg;

	while (!v->nf->dead) {
		unsigned seen = v->nf->events;

		if (!netfront_rx(v->nf, deliver, &v->netif))
			netfront_wait(v->nf, seen, time_now_ns() + SECOND);
	}
	printf("netfront: vif %u: the backend broke a ring: the interface is dead\n",
	       v->nf->devno);
}

/* ip=, netmask=, gw= from the environment: whether an address was given. */
static bool configured(ip4_addr_t *ip, ip4_addr_t *mask, ip4_addr_t *gw)
{
	const char *a = getenv("ip"), *m = getenv("netmask"), *g = getenv("gw");

	ip4_addr_set_zero(ip);
	ip4_addr_set_zero(mask);
	ip4_addr_set_zero(gw);
	if (!a || !ip4addr_aton(a, ip))
		return false;
	if (!m || !ip4addr_aton(m, mask))
		IP4_ADDR(mask, 255, 255, 255, 0);
	if (g && !ip4addr_aton(g, gw))
		ip4_addr_set_zero(gw);
	return true;
}

/* In the tcpip thread (netif calls are its alone). */
static void add(void *arg)
{
	struct vif_if *v = arg;

	v->added = netif_add(&v->netif, &v->ip, &v->mask, &v->gw, v->nf, init, tcpip_input);
	if (v->added) {
		if (v->first)
			netif_set_default(&v->netif);
		netif_set_up(&v->netif);
		if (!v->fixed)
			dhcp_start(&v->netif);
	}
	v->done = true;
	waitq_wake_all(&v->wq);
}

static void up(unsigned devno, bool first)
{
	struct vif_if *v = calloc(1, sizeof(*v));
	char mac[18];

	if (!v || !(v->nf = netfront_connect(devno)))
		return;
	v->first = first;
	v->fixed = first && configured(&v->ip, &v->mask, &v->gw);
	if (!v->fixed) {
		ip4_addr_set_zero(&v->ip);
		ip4_addr_set_zero(&v->mask);
		ip4_addr_set_zero(&v->gw);
	}
	if (tcpip_callback(add, v) != ERR_OK)
		return;
	wait_until(&v->wq, v->done);
	if (!v->added)
		return;
	thread_create("netfront", receiver, v, 16384);
	netif_mac_format(v->nf->mac, mac);
	printf("netfront: vif %u (xn%u) up: %s, %s\n", devno, v->netif.num, mac,
	       v->fixed ? ip4addr_ntoa(&v->ip) : "dhcp");
}

int net_netfront_up(void)
{
	unsigned devnos[MAX_VIFS], n = netfront_list(devnos, MAX_VIFS);

	for (unsigned i = 0; i < n; i++)
		up(devnos[i], i == 0);
	return (int)n;
}
