/* A turn's rx copies, queued and carried out in one batch (one for each
 * way of reaching the vifs: grant copies, page flips). */
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

/* The ops queued for vifs reached as the first op not done yet is, in one
 * call (marking them done). */
static void batch_alike(struct netback_rxq *q, bool *done)
{
	struct netback_copy_op ops[NETBACK_BATCH];
	unsigned at[NETBACK_BATCH], k = 0, first = 0;

	while (done[first])
		first++;
	struct netback_copy c = q->to[first]->copy;
	for (unsigned i = first; i < q->n; i++)
		if (!done[i] && q->to[i]->copy.to_guest == c.to_guest && q->to[i]->copy.ctx == c.ctx) {
			ops[k] = q->op[i];
			at[k++] = i;
			done[i] = true;
		}
	c.to_guest(c.ctx, ops, k);
	for (unsigned i = 0; i < k; i++)
		q->op[at[i]].status = ops[i].status;
}

void netback_rxq_flush(struct netback_rxq *q)
{
	bool done[NETBACK_BATCH] = { false };

	for (unsigned left = q->n; left;) {
		batch_alike(q, done);
		left = 0;
		for (unsigned i = 0; i < q->n; i++)
			left += !done[i];
	}
	/* In the order taken, so each vif's responses follow its requests. */
	for (unsigned i = 0; i < q->n; i++)
		netback_rx_answer(q->to[i], q->id[i], q->op[i].len, q->op[i].status == 0);
	q->n = 0;
}
