/* Netback's rx side: a frame into the frontend's posted buffer, by grant
 * copy; taking the buffer and answering it are apart, so that a turn's
 * copies go in one batch (back_rxq.c). */
#include <string.h>

#include "back.h"
#include "netif.h"

bool netback_rx_take(struct netback_vif *v, uint16_t len, struct netif_rx_request *q)
{
	long posted;

	if (v->broken || len < NETIF_ETH_HLEN || len > NETIF_ETH_MAX)
		return false;
	posted = netif_ring_pending(RING_SHARED(v->rx.sring->req_prod), v->rx.req_cons,
				    RING_SIZE(&v->rx));
	if (posted < 0) {
		v->broken = true;
		return false;
	}
	if (posted == 0) {
		v->st.rx_no_buffer++;
		return false;
	}
	RING_MB();
	*q = *RING_GET_REQUEST(&v->rx, v->rx.req_cons);
	v->rx.req_cons++;
	return true;
}

unsigned netback_rx_posted(struct netback_vif *v)
{
	long posted = netif_ring_pending(RING_SHARED(v->rx.sring->req_prod), v->rx.req_cons,
					 RING_SIZE(&v->rx));

	return posted < 0 ? 0 : (unsigned)posted;
}

void netback_rx_answer(struct netback_vif *v, uint16_t id, uint16_t len, bool ok)
{
	struct netif_rx_response *r = RING_GET_RESPONSE(&v->rx, v->rx.rsp_prod_pvt);
	int push;

	r->id = id;
	r->offset = 0;
	r->flags = 0;
	r->status = ok ? (int16_t)len : NETIF_RSP_ERROR;
	v->rx.rsp_prod_pvt++;
	if (ok) {
		v->st.rx_frames++;
		v->st.rx_bytes += len;
	} else {
		v->st.rx_errors++;
	}
	RING_PUSH_RESPONSES_AND_CHECK_NOTIFY(&v->rx, push);
	v->rx_notify |= push;
}

bool netback_rx(struct netback_vif *v, const uint8_t *frame, uint16_t len, bool *notify)
{
	/* A buffer of ours that crosses no page, whatever frame is. */
	static uint8_t bounce[NETBACK_BUF] __attribute__((aligned(NETBACK_BUF)));
	struct netif_rx_request q;

	*notify = false;
	if (!netback_rx_take(v, len, &q))
		return false;
	memcpy(bounce, frame, len);
	struct netback_copy_op op = { .buf = bounce, .gref = q.gref, .domid = v->domid,
				      .len = len, .to_guest = true };
	v->copy.to_guest(v->copy.ctx, &op, 1);
	v->rx_notify = false;
	netback_rx_answer(v, q.id, len, op.status == 0);
	*notify = v->rx_notify;
	v->rx_notify = false;
	return op.status == 0;
}
