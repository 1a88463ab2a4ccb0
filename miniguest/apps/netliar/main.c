/* netliar COUNT: the backend of COUNT vifs, each told its lie (netliar.h)
 * once its frontend connects; then each is served tx honestly until the
 * frontend leaves, and closed. Ends when all COUNT are done. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/thread.h"
#include "kernel/time.h"
#include "netif/netif.h"
#include "netliar.h"

static volatile unsigned done;

static void nothing(evtchn_port_t port, void *data)
{
	(void)port;
	(void)data;
}

static int put(struct lvif *v, const char *key, const char *value)
{
	char path[XENBUS_PATH + 32];

	snprintf(path, sizeof(path), "%s/%s", v->dir, key);
	return xb_write(path, value);
}

/* The toolstack's keys (handle last), then ours: what Xen's netback
 * offers, flipping but on the vif whose lie is not to. */
static bool advertise(struct lvif *v)
{
	char path[XENBUS_PATH + 8], mac[18];
	uint64_t end = time_now_ns() + 5 * SECOND;
	long n;

	snprintf(path, sizeof(path), "%s/handle", v->dir);
	while ((n = xb_read_num(path)) < 0 && time_now_ns() < end)
		thread_sleep_ns(SECOND / 20);
	snprintf(path, sizeof(path), "%s/mac", v->dir);
	if (n < 0 || xb_read(path, mac, sizeof(mac)) < 0 || !netif_mac_parse(mac, v->mac))
		return false;
	v->n = (unsigned)n;
	return put(v, "feature-rx-copy", "1") == 0 &&
	       (!offer_flip(v->n) || put(v, "feature-rx-flip", "1") == 0);
}

static void serve(void *arg)
{
	static const char *const keys[] = { "tx-ring-ref", "rx-ring-ref" };
	struct lvif *v = arg;
	char path[XENBUS_PATH + 24];

	/* Frontends connect one after another: a long wait for each. */
	if (!advertise(v) ||
	    xenbus_back_open_rings(&v->b, v->dir, keys, 2, nothing, v, 150 * SECOND) < 0) {
		printf("netliar: %s: no frontend\n", v->dir);
		done++;
		return;
	}
	BACK_RING_INIT(&v->tx, (struct netif_tx_sring *)v->b.rings[0].va);
	BACK_RING_INIT(&v->rx, (struct netif_rx_sring *)v->b.rings[1].va);
	snprintf(path, sizeof(path), "%s/request-rx-copy", v->b.dev.peer);
	v->flip = xb_read_num(path) == 0;
	bool answer = true;
	if (!posted(v, 8))
		printf("netliar: vif %u: no rx buffers posted\n", v->n);
	else if (v->n == 0)
		for (unsigned i = 0; i < 4; i++)
			honest_rx(v, i);
	else if (v->flip)
		lie_flip(v);
	else
		answer = lie_copy(v);
	push_rx(v);
	printf("netliar: vif %u (%s): lie %u told\n", v->n, v->flip ? "flip" : "copy", v->n);
	if (answer)
		serve_tx(v);
	xenbus_back_close(&v->b);
	done++;
}

static void found(uint16_t fe, const char *dir, void *arg)
{
	struct lvif *v = calloc(1, sizeof(*v));

	(void)arg;
	if (v) {
		v->fe = fe;
		snprintf(v->dir, sizeof(v->dir), "%s", dir);
	}
	if (!v || !thread_create("netliar", serve, v, 16384)) {
		printf("netliar: %s: no memory\n", dir);
		done++;
	}
}

int main(int argc, char **argv)
{
	unsigned count = argc > 1 ? (unsigned)strtoul(argv[1], NULL, 10) : 1;

	if (xenbus_back_watch("vif", found, NULL) < 0) {
		printf("netliar: no store\n");
		return 1;
	}
	while (done < count)
		thread_sleep_ns(SECOND / 10);
	printf("netliar: %u vifs told their lies\n", count);
	return 0;
}
