/* Netback's rx side: a frame into the frontend's posted buffer, by grant
 * copy. */
#include "back.h"
#include "netif.h"

bool netback_rx(struct netback_vif *v, const uint8_t *frame, uint16_t len, bool *notify)
{
	long posted;
	int push;

	*notify = false;
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
	struct netif_rx_request q = *RING_GET_REQUEST(&v->rx, v->rx.req_cons);
	struct netif_rx_response *r = RING_GET_RESPONSE(&v->rx, v->rx.rsp_prod_pvt);
	bool ok = v->copy.to_guest(v->copy.ctx, q.gref, 0, frame, len) == 0;

	v->rx.req_cons++;
	r->id = q.id;
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
	*notify = push;
	return ok;
}
