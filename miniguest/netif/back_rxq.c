/* A turn's rx copies, queued and carried out in one batch. */
#include "back.h"

bool netback_rxq_add(struct netback_rxq *q, struct netback_vif *v, const uint8_t *frame,
		     uint16_t len)
{
	struct netif_rx_request r;

	if (q->n == NETBACK_BATCH)
		netback_rxq_flush(q);
	if (!netback_rx_take(v, len, &r))
		return false;
	/* The copy reads frame only: the op's buffer is never written. */
	q->op[q->n] = (struct netback_copy_op){ .buf = (uint8_t *)frame, .gref = r.gref,
						.domid = v->domid, .len = len, .to_guest = true };
	q->to[q->n] = v;
	q->id[q->n] = r.id;
	q->n++;
	return true;
}

bool netback_rxq_flood(struct netback_rxq *q, struct netback_vif *v, const uint8_t *frame,
		       uint16_t len)
{
	if (!v->broken && netback_rx_posted(v) <= NETBACK_RX_RESERVE) {
		v->st.rx_no_buffer++;
		return false;
	}
	return netback_rxq_add(q, v, frame, len);
}

void netback_rxq_flush(struct netback_rxq *q)
{
	if (!q->n)
		return;
	q->copy.batch(q->copy.ctx, q->op, q->n);
	/* In the order taken, so each vif's responses follow its requests. */
	for (unsigned i = 0; i < q->n; i++)
		netback_rx_answer(q->to[i], q->id[i], q->op[i].len, q->op[i].status == 0);
	q->n = 0;
}
