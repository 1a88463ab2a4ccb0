/* A lying netback: the backend domain of an honest guest's vifs (vif=
 * words with backend=NAME), telling one lie per vif, chosen by its number
 * N and the guest's rx mode (lies.c by copy, flip.c by flipping). */
#ifndef NETLIAR_H
#define NETLIAR_H

#include <stdbool.h>
#include <stdint.h>

#include "netif/ring.h"
#include "xenbus/xenbus.h"

#define SECOND 1000000000ull

struct lvif {
	char dir[XENBUS_PATH];
	unsigned n;
	uint16_t fe;
	uint8_t mac[6];
	bool flip;                      /* the frontend asked for rx by flipping */
	struct xenbus_back b;
	struct netif_tx_back_ring tx;
	struct netif_rx_back_ring rx;
};

/* ring.c: the next rx request (waiting 5 s at most): false if none came. */
bool take_rx(struct lvif *v, struct netif_rx_request *q);
/* Wait for n rx requests to be posted (5 s at most): false if fewer. */
bool posted(struct lvif *v, unsigned n);
/* An rx response, made visible by push_rx (with an event). */
void put_rx(struct lvif *v, uint16_t id, uint16_t offset, int16_t status);
void push_rx(struct lvif *v);
/* Frame number seq (len bytes, to the vif's address) into gref by copy,
 * or by transferring a frame of ours: 0 or negative. */
int copy_frame(struct lvif *v, uint32_t gref, unsigned seq, uint16_t len);
int flip_frame(struct lvif *v, uint32_t gref, unsigned seq, uint16_t len);
/* An honest frame number seq for the next rx request: false if none. */
bool honest_rx(struct lvif *v, unsigned seq);
/* Answer the tx requests that came (each OKAY, or with status bad for
 * the one numbered bad_at, counting from 0 over calls): how many. */
unsigned answer_tx(struct lvif *v, unsigned *count, unsigned bad_at, int16_t bad);
/* Answer tx until the frontend leaves Connected (2 minutes at most). */
void serve_tx(struct lvif *v);

/* lies.c, flip.c: vif n's lie (lie_copy: false when tx is to be left
 * unanswered after it). */
bool lie_copy(struct lvif *v);
void lie_flip(struct lvif *v);
/* Whether vif n offers rx by flipping (flip.c: one does not). */
bool offer_flip(unsigned n);

#endif
