/* A vif's store side in netback: the keys a Xen netfront reads, the
 * handshake over both rings, and the frontend's choice of rx mode. */
#include <stdio.h>
#include <string.h>

#include "kernel/time.h"
#include "netif/netif.h"
#include "netif/vif.h"

#define SECOND 1000000000ull

void netback_error(struct vif *v, const char *why)
{
	char path[XENBUS_PATH + 8];

	snprintf(path, sizeof(path), "%s/error", v->dir);
	xb_write(path, why);
	printf("netback: %s: %s\n", v->dir, why);
}

static int put(struct vif *v, const char *key, const char *value)
{
	char path[XENBUS_PATH + 32];

	snprintf(path, sizeof(path), "%s/%s", v->dir, key);
	return xb_write(path, value);
}

static long peer_num(struct vif *v, const char *key)
{
	char path[XENBUS_PATH + 32];

	snprintf(path, sizeof(path), "%s/%s", v->b.dev.peer, key);
	return xb_read_num(path);
}

/* The keys first: a frontend reads them once it sees InitWait. One slot a
 * frame, no offloads, rx by copy or by page flipping. */
static int advertise(struct vif *v)
{
	char mac[18], path[XENBUS_PATH + 8];
	uint64_t end = time_now_ns() + 5 * SECOND;

	/* The toolstack writes mac, then handle, just after making the
	 * directory: its address (vif=...:mac=), else Xen's scheme. */
	snprintf(path, sizeof(path), "%s/handle", v->dir);
	while (xb_read_num(path) < 0 && time_now_ns() < end)
		thread_sleep_ns(SECOND / 20);
	snprintf(path, sizeof(path), "%s/mac", v->dir);
	if (xb_read(path, mac, sizeof(mac)) < 0 || !netif_mac_parse(mac, v->mac)) {
		netif_mac_make(v->fe, v->devno, v->mac);
		netif_mac_format(v->mac, mac);
	}
	/* A rate limit the toolstack asked for (Xen's "BYTES,USECS"); a key
	 * that does not parse leaves the vif unlimited, and says so. */
	char rate[48];
	uint64_t bytes, ns;
	snprintf(path, sizeof(path), "%s/rate", v->dir);
	if (xb_read(path, rate, sizeof(rate)) >= 0) {
		if (netback_rate_parse(rate, &bytes, &ns))
			netback_credit_set(&v->nv.credit, bytes, ns);
		else
			printf("netback: %s: rate %s is not BYTES,USECS: no limit\n", v->dir, rate);
	}
	int rc = put(v, "mac", mac) | put(v, "feature-rx-copy", "1") |
		 put(v, "feature-rx-flip", "1") | put(v, "feature-sg", "0") |
		 put(v, "feature-gso-tcpv4", "0") | put(v, "feature-multicast-control", "0") |
		 put(v, "feature-split-event-channels", "0");
	return rc < 0 ? -1 : 0;
}

static void kick(evtchn_port_t port, void *data)
{
	(void)port;
	(void)data;
	netback_kick();
}

int netback_connect(struct vif *v)
{
	static const char *const keys[] = { "tx-ring-ref", "rx-ring-ref" };

	if (advertise(v) < 0) {
		netback_error(v, "cannot write the store");
		return -1;
	}
	if (!netback_copy_init(v)) {
		netback_error(v, "no memory for copies");
		return -1;
	}
	if (xenbus_back_open_rings(&v->b, v->dir, keys, 2, kick, v, 30 * SECOND) < 0) {
		printf("netback: %s: no connection\n", v->dir);
		return -1;
	}
	/* Xen's key: request-rx-copy 1 asks for copies; 0, or no key (an old
	 * frontend; a value that is not a number reads so), for flipping. A
	 * bigger number is refused. */
	long rx_copy = peer_num(v, "request-rx-copy");
	v->rx_flip = rx_copy <= 0;
	if (rx_copy > 1 || (v->rx_flip && !netback_flip_init(v))) {
		netback_error(v, rx_copy > 1 ? "request-rx-copy is neither 0 nor 1"
					     : "no memory for page flipping");
		xenbus_back_close(&v->b);
		return -1;
	}
	BACK_RING_INIT(&v->nv.tx, (struct netif_tx_sring *)v->b.rings[0].va);
	BACK_RING_INIT(&v->nv.rx, (struct netif_rx_sring *)v->b.rings[1].va);
	char mac[18];
	netif_mac_format(v->mac, mac);
	printf("netback: domain %u connected to %s (%s, rx by %s)\n", v->fe, v->dir, mac,
	       v->rx_flip ? "flip" : "copy");
	return 0;
}
