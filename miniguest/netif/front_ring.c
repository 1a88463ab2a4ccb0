/* netfront's rings. tx responses are reaped in the event handler (an id
 * back on the free stack); rx responses are taken by the receiving
 * thread. Every id and status is the backend's, and checked: an id that
 * is not in flight (tx or rx), or a response index past what was asked,
 * ends the device rather than free a page twice or take a frame twice
 * (NET-20). */
#include <string.h>

#include "kernel/events.h"
#include "kernel/time.h"
#include "netif/front.h"
#include "netif/netif.h"

#define TENTH 100000000ull

static void broken(struct netfront *nf, const char *why)
{
	nf->why = why;
	nf->dead = true;
}

static void reap_tx(struct netfront *nf)
{
	int more;

	do {
		if (RING_RESPONSES_BROKEN(&nf->tx)) {
			broken(nf, "a tx response index past the requests");
			return;
		}
		while (RING_HAS_UNCONSUMED_RESPONSES(&nf->tx)) {
			struct netif_tx_response r = *RING_GET_RESPONSE(&nf->tx, nf->tx.rsp_cons);

			nf->tx.rsp_cons++;
			if (r.status == NETIF_RSP_NULL)
				continue;
			if (r.id >= NETFRONT_TX_BUFS || nf->ntx_free >= NETFRONT_TX_BUFS) {
				broken(nf, "a tx response for an id not in flight");
				return;
			}
			for (unsigned i = 0; i < nf->ntx_free; i++)
				if (nf->tx_free[i] == r.id) {
					broken(nf, "a tx response for an id not in flight");
					return;
				}
			if (r.status != NETIF_RSP_OKAY)
				nf->tx_errors++;
			nf->tx_free[nf->ntx_free++] = r.id;
		}
		RING_FINAL_CHECK_FOR_RESPONSES(&nf->tx, more);
	} while (more);
}

void netfront_event(evtchn_port_t port, void *data)
{
	struct netfront *nf = data;

	(void)port;
	reap_tx(nf);
	nf->events++;
	waitq_wake_all(&nf->wq);
}

void netfront_wait(struct netfront *nf, unsigned seen, uint64_t deadline_ns)
{
	unsigned mask = events_mask_save();

	if (nf->events == seen && !nf->dead)
		waitq_block_until(&nf->wq, deadline_ns);
	events_restore(mask);
}

static bool backend_there(struct netfront *nf)
{
	return xenbus_read_state(nf->f.dev.peer) == XenbusStateConnected;
}

int netfront_tx_get(struct netfront *nf)
{
	uint64_t end = time_now_ns() + NETFRONT_TX_WAIT_NS;

	for (;;) {
		unsigned mask = events_mask_save();
		int id = -1;

		/* Responses may wait unannounced (rsp_event not yet reached). */
		reap_tx(nf);
		if (!nf->dead && nf->ntx_free)
			id = nf->tx_free[--nf->ntx_free];
		else if (!nf->dead)
			waitq_block_until(&nf->wq, time_now_ns() + TENTH);
		events_restore(mask);
		if (id >= 0 || nf->dead)
			return id;
		/* Every buffer in flight a tenth: is anyone answering? */
		if (!backend_there(nf)) {
			broken(nf, "the backend left Connected");
			return -1;
		}
		if (time_now_ns() >= end) {
			nf->tx_dropped++;
			return -1;
		}
	}
}

void netfront_tx_put(struct netfront *nf, int id, uint16_t len)
{
	unsigned mask = events_mask_save();
	struct netif_tx_request *q = &RING_GET_REQUEST(&nf->tx, nf->tx.req_prod_pvt)->req;
	int notify;

	q->gref = (grant_ref_t)nf->tx_ref[id];
	q->offset = 0;
	q->flags = 0;
	q->id = (uint16_t)id;
	q->size = len;
	nf->tx.req_prod_pvt++;
	RING_PUSH_REQUESTS_AND_CHECK_NOTIFY(&nf->tx, notify);
	events_restore(mask);
	if (notify)
		evtchn_notify(nf->f.port);
}

/* The n buffers posted again under their ids (page flipping gives the
 * frames taken back first). */
static void post(struct netfront *nf, uint16_t *ids, unsigned n)
{
	if (nf->flip)
		n = netfront_flip_return(nf, ids, n);
	for (unsigned i = 0; i < n; i++) {
		struct netif_rx_request *q = RING_GET_REQUEST(&nf->rx, nf->rx.req_prod_pvt);
		q->id = ids[i];
		q->gref = (grant_ref_t)nf->rx_ref[ids[i]];
		nf->rx_posted[ids[i]] = true;
		nf->rx.req_prod_pvt++;
	}
}

unsigned netfront_rx(struct netfront *nf, netfront_deliver_t *deliver, void *arg)
{
	uint16_t ids[NETFRONT_RX_BUFS];
	unsigned taken = 0;
	int more, notify;

	do {
		unsigned n = 0;

		if (nf->dead)
			return taken;
		if (RING_RESPONSES_BROKEN(&nf->rx)) {
			broken(nf, "an rx response index past the requests");
			return taken;
		}
		while (RING_HAS_UNCONSUMED_RESPONSES(&nf->rx) && n < NETFRONT_RX_BUFS) {
			struct netif_rx_response r = *RING_GET_RESPONSE(&nf->rx, nf->rx.rsp_cons);

			nf->rx.rsp_cons++;
			if (r.id >= NETFRONT_RX_BUFS || !nf->rx_posted[r.id]) {
				broken(nf, "an rx response for an id not posted");
				post(nf, ids, n);
				return taken;
			}
			nf->rx_posted[r.id] = false;
			/* A page behind it, and a frame within the page of an
			 * ethernet frame's size. */
			bool page = !nf->flip || netfront_flip_take(nf, r.id);
			if (page && r.status >= NETIF_ETH_HLEN && r.status <= NETIF_ETH_MAX &&
			    (uint32_t)r.offset + (uint32_t)r.status <= 4096) {
				deliver(arg, nf->rx_page[r.id] + r.offset, (uint16_t)r.status);
				taken++;
			} else {
				nf->rx_errors++;
			}
			ids[n++] = r.id;
		}
		post(nf, ids, n);
		RING_PUSH_REQUESTS_AND_CHECK_NOTIFY(&nf->rx, notify);
		if (notify)
			evtchn_notify(nf->f.port);
		RING_FINAL_CHECK_FOR_RESPONSES(&nf->rx, more);
	} while (more);
	return taken;
}
