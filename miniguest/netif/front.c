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

/* n pages of ours granted to the backend. */
static bool grant_pages(struct netfront *nf, uint8_t **pages, int *refs, unsigned n,
			bool readonly)
{
	for (unsigned i = 0; i < n; i++) {
		if (!(pages[i] = page()))
			return false;
		refs[i] = gnt_grant_access(nf->f.dev.peer_id, pfn_to_mfn(virt_to_pfn(pages[i])),
					   readonly);
		if (refs[i] < 0)
			return false;
	}
	return true;
}

/* tx pages read-only, every one free; rx pages writable, or pfns that
 * accept frames (rx=flip). */
static bool grant_buffers(struct netfront *nf)
{
	if (!grant_pages(nf, nf->tx_page, nf->tx_ref, NETFRONT_TX_BUFS, true))
		return false;
	if (nf->flip ? !netfront_flip_init(nf)
		     : !grant_pages(nf, nf->rx_page, nf->rx_ref, NETFRONT_RX_BUFS, false))
		return false;
	for (unsigned i = 0; i < NETFRONT_TX_BUFS; i++)
		nf->tx_free[nf->ntx_free++] = (uint16_t)i;
	return true;
}

static void post_all(struct netfront *nf)
{
	int notify;

	for (unsigned i = 0; i < NETFRONT_RX_BUFS; i++) {
		struct netif_rx_request *q = RING_GET_REQUEST(&nf->rx, nf->rx.req_prod_pvt);

		q->id = (uint16_t)i;
		q->gref = (grant_ref_t)nf->rx_ref[i];
		nf->rx_posted[i] = true;
		nf->rx.req_prod_pvt++;
	}
	RING_PUSH_REQUESTS_AND_CHECK_NOTIFY(&nf->rx, notify);
	if (notify)
		evtchn_notify(nf->f.port);
}

/* The backend's address for us, as the toolstack wrote it in our
 * directory (Xen's netfront reads it there), and its choice of rx mode
 * (rx-mode flip, else copy). */
static bool read_keys(struct netfront *nf)
{
	char path[XENBUS_PATH + 16], mac[18], mode[8];

	snprintf(path, sizeof(path), "/local/domain/%d/device/vif/%u/rx-mode", xb_domid(),
		 nf->devno);
	nf->flip = xb_read(path, mode, sizeof(mode)) == 0 && strcmp(mode, "flip") == 0;
	snprintf(path, sizeof(path), "/local/domain/%d/device/vif/%u/mac", xb_domid(), nf->devno);
	return xb_read(path, mac, sizeof(mac)) == 0 && netif_mac_parse(mac, nf->mac);
}

/* A backend that does not offer flipping gets no frontend asking for it. */
static bool offered(struct netfront *nf)
{
	char path[XENBUS_PATH + 24];

	snprintf(path, sizeof(path), "%s/feature-rx-flip", nf->f.dev.peer);
	return !nf->flip || xb_read_num(path) == 1;
}

struct netfront *netfront_connect(unsigned devno)
{
	static const char *const keys[] = { "tx-ring-ref", "rx-ring-ref" };
	struct netfront *nf = calloc(1, sizeof(*nf));
	void *rings[2] = { page(), page() };

	if (!nf || !rings[0] || !rings[1])
		return NULL;
	nf->devno = devno;
	if (!read_keys(nf)) {
		printf("netfront: vif %u: no address in the store\n", devno);
		return NULL;
	}
	SHARED_RING_INIT((struct netif_tx_sring *)rings[0]);
	FRONT_RING_INIT(&nf->tx, (struct netif_tx_sring *)rings[0]);
	SHARED_RING_INIT((struct netif_rx_sring *)rings[1]);
	FRONT_RING_INIT(&nf->rx, (struct netif_rx_sring *)rings[1]);
	if (put(nf, "request-rx-copy", nf->flip ? "0" : "1") < 0 || put(nf, "feature-rx-notify", "1") < 0 ||
	    put(nf, "feature-sg", "0") < 0 ||
	    xenbus_front_open_rings(&nf->f, "vif", devno, rings, keys, 2, netfront_event, nf,
				    10 * SECOND) < 0) {
		printf("netfront: vif %u: the backend did not connect\n", devno);
		return NULL;
	}
	if (!offered(nf)) {
		printf("netfront: vif %u: the backend does not offer rx by flipping\n", devno);
		xenbus_front_close(&nf->f, 2 * SECOND);
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

/* The n pages whose grants the backend gave up; the others stay out of
 * use, as their entries do. */
static void ungrant(uint8_t **pages, int *refs, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		if (pages[i] && refs[i] >= 0 && gnt_end_access(refs[i]))
			frame_free(virt_to_pfn(pages[i]));
}

void netfront_close(struct netfront *nf)
{
	xenbus_front_close(&nf->f, 2 * SECOND);
	ungrant(nf->tx_page, nf->tx_ref, NETFRONT_TX_BUFS);
	/* Flipping: the pfns have no frames behind them, only entries. */
	if (nf->flip)
		for (unsigned i = 0; i < NETFRONT_RX_BUFS; i++)
			gnt_end_access(nf->rx_ref[i]);
	else
		ungrant(nf->rx_page, nf->rx_ref, NETFRONT_RX_BUFS);
	for (unsigned i = 0; i < nf->f.nrings; i++)
		if (nf->f.refs[i] < 0)
			frame_free(virt_to_pfn(nf->f.rings[i]));
	free(nf);
}

unsigned netfront_list(unsigned *devnos, unsigned max)
{
	return xenbus_front_list("vif", 256, devnos, max);
}
