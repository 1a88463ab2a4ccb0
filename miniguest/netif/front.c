/* netfront's connection: pages for the rings and buffers, each granted
 * once; the keys Xen's netback reads (request-rx-copy, feature-rx-notify);
 * the handshake over both rings; every rx buffer posted. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/frames.h"
#include "netif/front.h"
#include "netif/netif.h"

#define SECOND 1000000000ull

static void *page(void)
{
	uint32_t pfn = frame_alloc();

	return pfn == FRAME_NONE ? NULL : memset(pfn_to_virt(pfn), 0, PAGE_SIZE);
}

static int put(struct netfront *nf, const char *key, const char *value)
{
	char path[XENBUS_PATH + 32];

	snprintf(path, sizeof(path), "/local/domain/%d/device/vif/%u/%s", xb_domid(), nf->devno,
		 key);
	return xb_write(path, value);
}

/* Our pages granted to the backend: tx read-only, rx writable. */
static bool grant_buffers(struct netfront *nf)
{
	uint16_t be = nf->f.dev.peer_id;

	for (unsigned i = 0; i < NETFRONT_TX_BUFS; i++) {
		if (!(nf->tx_page[i] = page()))
			return false;
		nf->tx_ref[i] = gnt_grant_access(be, pfn_to_mfn(virt_to_pfn(nf->tx_page[i])), true);
		if (nf->tx_ref[i] < 0)
			return false;
		nf->tx_free[nf->ntx_free++] = (uint16_t)i;
	}
	for (unsigned i = 0; i < NETFRONT_RX_BUFS; i++) {
		if (!(nf->rx_page[i] = page()))
			return false;
		nf->rx_ref[i] = gnt_grant_access(be, pfn_to_mfn(virt_to_pfn(nf->rx_page[i])), false);
		if (nf->rx_ref[i] < 0)
			return false;
	}
	return true;
}

static void post_all(struct netfront *nf)
{
	int notify;

	for (unsigned i = 0; i < NETFRONT_RX_BUFS; i++) {
		struct netif_rx_request *q = RING_GET_REQUEST(&nf->rx, nf->rx.req_prod_pvt);

		q->id = (uint16_t)i;
		q->gref = (grant_ref_t)nf->rx_ref[i];
		nf->rx.req_prod_pvt++;
	}
	RING_PUSH_REQUESTS_AND_CHECK_NOTIFY(&nf->rx, notify);
	if (notify)
		evtchn_notify(nf->f.port);
}

/* The backend's address for us, as the toolstack wrote it in our
 * directory (Xen's netfront reads it there). */
static bool read_mac(struct netfront *nf)
{
	char path[XENBUS_PATH + 8], mac[18];

	snprintf(path, sizeof(path), "/local/domain/%d/device/vif/%u/mac", xb_domid(), nf->devno);
	return xb_read(path, mac, sizeof(mac)) == 0 && netif_mac_parse(mac, nf->mac);
}

struct netfront *netfront_connect(unsigned devno)
{
	static const char *const keys[] = { "tx-ring-ref", "rx-ring-ref" };
	struct netfront *nf = calloc(1, sizeof(*nf));
	void *rings[2] = { page(), page() };

	if (!nf || !rings[0] || !rings[1])
		return NULL;
	nf->devno = devno;
	if (!read_mac(nf)) {
		printf("netfront: vif %u: no address in the store\n", devno);
		return NULL;
	}
	SHARED_RING_INIT((struct netif_tx_sring *)rings[0]);
	FRONT_RING_INIT(&nf->tx, (struct netif_tx_sring *)rings[0]);
	SHARED_RING_INIT((struct netif_rx_sring *)rings[1]);
	FRONT_RING_INIT(&nf->rx, (struct netif_rx_sring *)rings[1]);
	if (put(nf, "request-rx-copy", "1") < 0 || put(nf, "feature-rx-notify", "1") < 0 ||
	    put(nf, "feature-sg", "0") < 0 ||
	    xenbus_front_open_rings(&nf->f, "vif", devno, rings, keys, 2, netfront_event, nf,
				    10 * SECOND) < 0) {
		printf("netfront: vif %u: the backend did not connect\n", devno);
		return NULL;
	}
	/* The backend is known only now: the buffers are granted to it. */
	if (!grant_buffers(nf)) {
		printf("netfront: vif %u: no memory or grant entries for buffers\n", devno);
		return NULL;
	}
	post_all(nf);
	return nf;
}

static int by_number(const void *a, const void *b)
{
	unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;

	return x < y ? -1 : x > y;
}

unsigned netfront_list(unsigned *devnos, unsigned max)
{
	static char names[256];
	char path[XENBUS_PATH];
	unsigned n = 0;
	int me = xb_domid();

	if (me < 0)
		return 0;
	snprintf(path, sizeof(path), "/local/domain/%d/device/vif", me);
	if (xb_directory(path, names, sizeof(names)) < 0)
		return 0;
	for (const char *p = names; *p && n < max; p += strlen(p) + 1) {
		char *end;
		unsigned long v = strtoul(p, &end, 10);

		if (!*end && v < 256)
			devnos[n++] = (unsigned)v;
	}
	qsort(devnos, n, sizeof(devnos[0]), by_number);
	return n;
}
