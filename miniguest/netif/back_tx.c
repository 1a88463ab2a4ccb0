/* Netback's tx side: frames out of the frontend, by grant copy. */
#include "back.h"
#include "netif.h"

static void respond(struct netback_vif *v, uint16_t id, int16_t status)
{
	struct netif_tx_response *r = RING_GET_RESPONSE(&v->tx, v->tx.rsp_prod_pvt);

	r->id = id;
	r->status = status;
	v->tx.rsp_prod_pvt++;
}

/* The extra-info slots after the request at cons: how many, or 0 while
 * the frontend has not posted them all (within avail slots). */
static unsigned extras(struct netback_vif *v, RING_IDX cons, unsigned avail)
{
	unsigned n = 0;
	uint8_t flags;

	do {
		if (++n >= avail)
			return 0;
		flags = ((volatile union netif_tx_slot *)RING_GET_REQUEST(&v->tx, cons + n))
				->extra.flags;
	} while (flags & XEN_NETIF_EXTRA_FLAG_MORE);
	return n;
}

unsigned netback_tx(struct netback_vif *v, unsigned budget, netback_deliver_t *deliver,
		    void *arg, bool *notify)
{
	uint8_t frame[NETIF_ETH_MAX];
	unsigned taken = 0;
	int push;

	*notify = false;
	while (!v->broken && taken < budget) {
		long avail = netif_ring_pending(RING_SHARED(v->tx.sring->req_prod), v->tx.req_cons,
						RING_SIZE(&v->tx));
		unsigned more = 0;

		if (avail < 0) {
			v->broken = true;
			break;
		}
		if (avail == 0)
			break;
		RING_MB();
		/* One read of the slot: the frontend may rewrite it meanwhile. */
		struct netif_tx_request q = RING_GET_REQUEST(&v->tx, v->tx.req_cons)->req;
		int status = netif_tx_check(&q, false);

		if (q.flags & NETTXF_extra_info) {
			more = extras(v, v->tx.req_cons, (unsigned)avail);
			if (!more)
				break;   /* the rest comes later */
		}
		if (status == NETIF_RSP_OKAY &&
		    v->copy.from_guest(v->copy.ctx, q.gref, q.offset, frame, q.size) < 0)
			status = NETIF_RSP_ERROR;
		if (status == NETIF_RSP_OKAY) {
			v->st.tx_frames++;
			v->st.tx_bytes += q.size;
			deliver(arg, v, frame, q.size);
		} else {
			v->st.tx_errors++;
		}
		respond(v, q.id, (int16_t)status);
		for (unsigned i = 0; i < more; i++)
			respond(v, 0, NETIF_RSP_NULL);
		v->tx.req_cons += 1 + more;
		taken += 1 + more;
	}
	RING_PUSH_RESPONSES_AND_CHECK_NOTIFY(&v->tx, push);
	*notify = push;
	return taken;
}

bool netback_tx_pending(struct netback_vif *v)
{
	int work;

	if (v->broken)
		return false;
	RING_FINAL_CHECK_FOR_REQUESTS(&v->tx, work);
	return work;
}
