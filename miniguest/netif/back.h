/* Netback's ring work for one vif, apart from how its pages are reached:
 * the caller gives the grant copies (a hypercall in dom0, memory in host
 * tests) and moves frames between vifs (the bridge). Every index and
 * field read from the rings is the frontend's, and checked. */
#ifndef NETIF_BACK_H
#define NETIF_BACK_H

#include <stdbool.h>
#include <stdint.h>

#include "ring.h"

/* One copy between a buffer of ours and a frontend's granted page. buf
 * never crosses a page of ours; offset + len stays within the guest's
 * page (the caller checked it). */
struct netback_copy_op {
	uint8_t *buf;
	uint32_t gref;
	uint16_t domid;              /* the frontend's */
	uint16_t offset, len;
	bool to_guest;
	int16_t status;              /* out: 0, or negative: the grant was not
	                                there to copy (a bad ref, read-only
	                                for rx) or to flip into */
};

/* Buffers for copies: 2048-aligned, so a frame never crosses a page. */
#define NETBACK_BUF 2048
/* The most copies in one batch (a tx turn's slots; rx flushes at this). */
#define NETBACK_BATCH 64

/* Carry out n ops at once, setting each op's status. */
typedef void netback_batch_t(void *ctx, struct netback_copy_op *ops, unsigned n);

struct netback_copy {
	netback_batch_t *from_guest; /* tx: one GNTTABOP_copy in dom0 */
	netback_batch_t *to_guest;   /* rx: the same, or page flips (rx=flip) */
	void *ctx;                   /* the same for every vif served alike */
};

/* back_credit.c: a rate limit as Xen's netback has (its backend's rate
 * key, "BYTES,USECS"): bytes credit, given back every interval; a frame
 * waits while it is more than the credit left. bytes 0: no limit. */
struct netback_credit {
	uint64_t bytes, interval_ns;
	uint64_t left, next_ns;      /* credit now; when it is given back */
};
void netback_credit_set(struct netback_credit *c, uint64_t bytes, uint64_t interval_ns);
/* Give the credit back when its interval has passed. */
void netback_credit_refill(struct netback_credit *c, uint64_t now_ns);
/* Whether len bytes may go now, taking them from the credit. */
bool netback_credit_take(struct netback_credit *c, uint16_t len);
/* "BYTES,USECS" to a credit: false for anything else (0 bytes or
 * interval, numbers that overflow, trailing text). */
bool netback_rate_parse(const char *s, uint64_t *bytes, uint64_t *interval_ns);

struct netback_stats {
	uint64_t tx_frames, tx_bytes;
	uint64_t tx_errors;          /* requests answered NETIF_RSP_ERROR */
	uint64_t tx_storm;           /* flooded frames over the storm bound,
	                                answered OKAY and dropped */
	uint64_t rx_frames, rx_bytes;
	uint64_t rx_no_buffer;       /* frames dropped: no rx request posted */
	uint64_t rx_errors;          /* frames dropped: the posted gref failed */
};

struct netback_vif {
	struct netif_tx_back_ring tx;
	struct netif_rx_back_ring rx;
	struct netback_copy copy;
	uint16_t domid;              /* the frontend's, for copies */
	struct netback_credit credit;
	bool throttled;              /* a frame waits for credit */
	bool rx_notify;              /* rx responses pushed asked for an event */
	bool broken;                 /* indices were garbage: serve it no more */
	struct netback_stats st;
};

/* A frame from the vif, whole and checked, for the bridge. */
typedef void netback_deliver_t(void *arg, struct netback_vif *from, const uint8_t *frame,
			       uint16_t len);

/* back_tx.c: take at most budget tx slots (fairness between vifs; at
 * most NETBACK_BATCH frames) and the frames the credit allows, copy them
 * all in one batch and answer each; good frames go to deliver, and stay
 * valid until the next netback_tx. Returns the slots taken; sets *notify
 * when the frontend asked to hear of the responses. */
unsigned netback_tx(struct netback_vif *v, unsigned budget, netback_deliver_t *deliver,
		    void *arg, bool *notify);
/* Whether tx requests wait, asking the frontend for an event otherwise. */
bool netback_tx_pending(struct netback_vif *v);

/* back_rx.c: put a frame into the frontend's next posted rx buffer. false
 * when it was dropped (counted): no buffer posted, the buffer's grant
 * failed, a frame that is not 14..1514 bytes, or a broken vif; a
 * frontend that posts no buffer never holds up the sender. */
bool netback_rx(struct netback_vif *v, const uint8_t *frame, uint16_t len, bool *notify);
/* The same in two steps, for batches: take the next posted buffer for a
 * frame of len bytes (false, counted, as netback_rx drops it), then,
 * once copied, answer it (in the order taken), pushing the response and
 * setting v->rx_notify when the frontend asked for an event. */
bool netback_rx_take(struct netback_vif *v, uint16_t len, struct netif_rx_request *q);
/* The rx buffers the frontend has posted and netback not taken yet (0
 * for garbage indices). */
unsigned netback_rx_posted(struct netback_vif *v);
void netback_rx_answer(struct netback_vif *v, uint16_t id, uint16_t len, bool ok);

/* back_rxq.c: the rx copies of a turn, flushed as one batch for each
 * way of reaching the vifs (their copy.to_guest and ctx: grant copies,
 * page flips): each frame for vif v takes its buffer now
 * (netback_rx_take) and is copied and answered at the flush. frame must
 * stay valid until then, and lie in a NETBACK_BUF-aligned buffer. A full
 * queue flushes itself. */
struct netback_rxq {
	struct netback_copy_op op[NETBACK_BATCH];
	struct netback_vif *to[NETBACK_BATCH];
	uint16_t id[NETBACK_BATCH];
	unsigned n;
};
bool netback_rxq_add(struct netback_rxq *q, struct netback_vif *v, const uint8_t *frame,
		     uint16_t len);
/* A frame flooded to v (a broadcast, multicast or unknown destination)
 * by a storming vif leaves v this many posted buffers for frames
 * addressed to it, so that a guest flooding the bridge cannot take every
 * buffer of the others. */
#define NETBACK_RX_RESERVE 16
bool netback_rxq_flood(struct netback_rxq *q, struct netback_vif *v, const uint8_t *frame,
		       uint16_t len);
void netback_rxq_flush(struct netback_rxq *q);

#endif
