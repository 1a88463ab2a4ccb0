/* The lies to a vif receiving by copy, by its number:
 *   0  none (main.c): four frames, tx answered
 *   1  rx sizes: a frame larger than a page, one shorter than its
 *      header, offset + size past the page, an offset of 0xffff, a
 *      status that is no NETIF_RSP_*; then an honest frame
 *   2  an rx response for id 300, never posted, between honest frames
 *   3  an rx response for an id already answered in the same batch
 *   4  tx responses for an id never sent and for one already answered
 *   5  an rx producer index 1000 past the requests
 *   6  tx requests never answered (every tx buffer held)
 *   7  the state Closed at the first tx request, none answered
 * false for the last two: tx is not to be answered after. */

#include "kernel/thread.h"
#include "kernel/time.h"
#include "netliar.h"

/* Until the frontend leaves Connected (2 minutes at most). */
static void wait_gone(struct lvif *v)
{
	xenbus_wait_peer(&v->b.dev, ~(1u << XenbusStateConnected | 1u << XenbusStateInitialised),
			 time_now_ns() + 120 * SECOND);
}

/* Until n tx requests wait (5 s at most). */
static bool tx_waiting(struct lvif *v, unsigned n)
{
	uint64_t end = time_now_ns() + 5 * SECOND;

	while (RING_HAS_UNCONSUMED_REQUESTS(&v->tx) < n && time_now_ns() < end)
		thread_sleep_ns(SECOND / 1000);
	return RING_HAS_UNCONSUMED_REQUESTS(&v->tx) >= n;
}

static void sizes(struct lvif *v)
{
	static const struct { uint16_t offset; int16_t status; } bad[] = {
		{ 0, 5000 }, { 0, 4 }, { 4000, 200 }, { 0xffff, 60 }, { 0, -77 } };
	struct netif_rx_request q;

	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]) && take_rx(v, &q); i++) {
		copy_frame(v, q.gref, i, 60);
		put_rx(v, q.id, bad[i].offset, bad[i].status);
	}
	honest_rx(v, 1);
}

/* An honest frame, then a response with id (or the first's, id < 0). */
static void ids(struct lvif *v, int id)
{
	struct netif_rx_request first, q;

	if (!take_rx(v, &first) || copy_frame(v, first.gref, 0, 60) < 0)
		return;
	put_rx(v, first.id, 0, 60);
	honest_rx(v, 1);
	if (take_rx(v, &q))
		put_rx(v, id < 0 ? first.id : (uint16_t)id, 0, 60);
	honest_rx(v, 2);
}

/* Three tx requests: the first answered, then a response for id 200
 * and one for the first's id again in the others' places. */
static void tx_ids(struct lvif *v)
{
	int notify;

	if (!tx_waiting(v, 3))
		return;
	uint16_t first = RING_GET_REQUEST(&v->tx, v->tx.req_cons)->req.id;
	uint16_t lies[3] = { first, 200, first };
	for (unsigned i = 0; i < 3; i++) {
		v->tx.req_cons++;
		*RING_GET_RESPONSE(&v->tx, v->tx.rsp_prod_pvt) =
			(struct netif_tx_response){ .id = lies[i], .status = NETIF_RSP_OKAY };
		v->tx.rsp_prod_pvt++;
	}
	RING_PUSH_RESPONSES_AND_CHECK_NOTIFY(&v->tx, notify);
	(void)notify;
	evtchn_notify(v->b.port);
}

bool lie_copy(struct lvif *v)
{
	switch (v->n) {
	case 1:
		sizes(v);
		break;
	case 2:
		ids(v, 300);
		break;
	case 3:
		ids(v, -1);
		break;
	case 4:
		honest_rx(v, 0);
		push_rx(v);
		tx_ids(v);
		break;
	case 5:
		honest_rx(v, 0);
		v->rx.rsp_prod_pvt += 1000;
		break;
	case 6:
	case 7:
		honest_rx(v, 0);
		push_rx(v);
		if (v->n == 7 && tx_waiting(v, 1))
			xenbus_switch_state(&v->b.dev, XenbusStateClosed);
		wait_gone(v);
		break;
	}
	return v->n < 6;
}
