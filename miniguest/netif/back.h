/* Netback's ring work for one vif, apart from how its pages are reached:
 * the caller gives the grant copies (a hypercall in dom0, memory in host
 * tests) and moves frames between vifs (the bridge). Every index and
 * field read from the rings is the frontend's, and checked. */
#ifndef NETIF_BACK_H
#define NETIF_BACK_H

#include <stdbool.h>
#include <stdint.h>

#include "ring.h"

struct netback_copy {
	/* Copy len bytes between buf and the frontend's granted page gref at
	 * offset (within the page): 0, or negative when the grant is not
	 * there to copy (a bad ref, read-only for rx). */
	int (*from_guest)(void *ctx, uint32_t gref, uint16_t offset, void *buf, uint16_t len);
	int (*to_guest)(void *ctx, uint32_t gref, uint16_t offset, const void *buf, uint16_t len);
	void *ctx;
};

struct netback_stats {
	uint64_t tx_frames, tx_bytes;
	uint64_t tx_errors;          /* requests answered NETIF_RSP_ERROR */
	uint64_t rx_frames, rx_bytes;
	uint64_t rx_no_buffer;       /* frames dropped: no rx request posted */
	uint64_t rx_errors;          /* frames dropped: the posted gref failed */
};

struct netback_vif {
	struct netif_tx_back_ring tx;
	struct netif_rx_back_ring rx;
	struct netback_copy copy;
	bool broken;                 /* indices were garbage: serve it no more */
	struct netback_stats st;
};

/* A frame from the vif, whole and checked, for the bridge. */
typedef void netback_deliver_t(void *arg, struct netback_vif *from, const uint8_t *frame,
			       uint16_t len);

/* back_tx.c: take at most budget tx slots (fairness between vifs) and
 * answer each; good frames go to deliver. Returns the slots taken; sets
 * *notify when the frontend asked to hear of the responses. */
unsigned netback_tx(struct netback_vif *v, unsigned budget, netback_deliver_t *deliver,
		    void *arg, bool *notify);
/* Whether tx requests wait, asking the frontend for an event otherwise. */
bool netback_tx_pending(struct netback_vif *v);

/* back_rx.c: put a frame into the frontend's next posted rx buffer. false
 * when it was dropped (counted): no buffer posted, the buffer's grant
 * failed, a frame that is not 14..1514 bytes, or a broken vif; a
 * frontend that posts nothing never holds up the sender. */
bool netback_rx(struct netback_vif *v, const uint8_t *frame, uint16_t len, bool *notify);

#endif
