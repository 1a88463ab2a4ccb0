/* Netback's tx side: frames out of the frontend, by grant copy, a turn's
 * frames in one batch. */
#include "back.h"
#include "netif.h"

/* One service thread: the frames of the last turn, kept for deliver's
 * rx copies until the next. */
static uint8_t frames[NETBACK_BATCH][NETBACK_BUF] __attribute__((aligned(NETBACK_BUF)));

/* A request taken this turn: its response waits for the batch. */
struct taken {
	uint16_t id;
	int16_t status;
	uint16_t extra;              /* NETIF_RSP_NULL slots after it */
	int8_t op;                   /* its copy in the batch, or -1 */
};

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

/* Take the next request into t (and its copy into ops[*n]): the slots
 * it takes, 0 when none can be taken now. */
static unsigned take(struct netback_vif *v, struct taken *t, struct netback_copy_op *ops,
		     unsigned *n)
{
	long avail = netif_ring_pending(RING_SHARED(v->tx.sring->req_prod), v->tx.req_cons,
					RING_SIZE(&v->tx));
	unsigned more = 0;

	if (avail < 0)
		v->broken = true;
	if (avail <= 0)
		return 0;
	RING_MB();
	/* One read of the slot: the frontend may rewrite it meanwhile. */
	struct netif_tx_request q = RING_GET_REQUEST(&v->tx, v->tx.req_cons)->req;
	int status = netif_tx_check(&q, false);

	if (q.flags & NETTXF_extra_info) {
		more = extras(v, v->tx.req_cons, (unsigned)avail);
		if (!more)
			return 0;   /* the rest comes later */
	}
	if (status == NETIF_RSP_OKAY && !netback_credit_take(&v->credit, q.size)) {
		v->throttled = true;
		return 0;           /* it waits in the ring for credit */
	}
	*t = (struct taken){ q.id, (int16_t)status, (uint16_t)more, -1 };
	if (status == NETIF_RSP_OKAY) {
		ops[*n] = (struct netback_copy_op){ .buf = frames[*n], .gref = q.gref,
						    .domid = v->domid, .offset = q.offset,
						    .len = q.size };
		t->op = (int8_t)(*n)++;
	}
	v->tx.req_cons += 1 + more;
	return 1 + more;
}

unsigned netback_tx(struct netback_vif *v, unsigned budget, netback_deliver_t *deliver,
		    void *arg, bool *notify)
{
	struct netback_copy_op ops[NETBACK_BATCH];
	struct taken t[NETBACK_BATCH];
	unsigned taken = 0, k = 0, n = 0;
	int push;

	*notify = false;
	v->throttled = false;
	while (!v->broken && taken < budget && k < NETBACK_BATCH) {
		unsigned slots = take(v, &t[k], ops, &n);

		if (!slots)
			break;
		taken += slots;
		k++;
	}
	if (n)
		v->copy.from_guest(v->copy.ctx, ops, n);
	for (unsigned i = 0; i < k; i++) {
		int16_t status = t[i].status;

		if (t[i].op >= 0 && ops[t[i].op].status < 0)
			status = NETIF_RSP_ERROR;
		if (status == NETIF_RSP_OKAY) {
			v->st.tx_frames++;
			v->st.tx_bytes += ops[t[i].op].len;
			deliver(arg, v, ops[t[i].op].buf, ops[t[i].op].len);
		} else {
			v->st.tx_errors++;
		}
		respond(v, t[i].id, status);
		for (unsigned x = 0; x < t[i].extra; x++)
			respond(v, 0, NETIF_RSP_NULL);
	}
	RING_PUSH_RESPONSES_AND_CHECK_NOTIFY(&v->tx, push);
	*notify = push;
	return taken;
}

bool netback_tx_pending(struct netback_vif *v)
{
	int work;

	if (v->broken || v->throttled)
		return false;
	RING_FINAL_CHECK_FOR_REQUESTS(&v->tx, work);
	return work;
}
