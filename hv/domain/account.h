/* What each domain does and for whom (RINGLET_DOMCTL_getaccount reads
 * it): hypercalls, events, grant maps, copies and page flips per peer
 * domain, and the time it spent serving each peer, as it marked with
 * SCHEDOP_ringlet_serving. Peers are a small fixed table; past it they
 * share the last entry, "others". */
#ifndef DOMAIN_ACCOUNT_H
#define DOMAIN_ACCOUNT_H

#include <stdbool.h>
#include <stdint.h>
#include "pvabi/domctl.h"

struct domain;
struct vcpu;

struct account {
	uint64_t hypercalls, events_sent, events_received;
	uint32_t nr_peers;                 /* entries of peers in use */
	struct ringlet_account_peer peers[RINGLET_ACCOUNT_PEERS];
	bool serving_on;                   /* it marked a domain it works for: */
	uint16_t serving;                  /* ... this one, */
	uint64_t serving_since;            /* ... its time charged up to here */
};

/* d's entry for peer (found, made, or "others"). */
struct ringlet_account_peer *account_peer(struct domain *d, uint16_t peer);

/* An event d sent to peer over an interdomain channel. */
void account_event(struct domain *d, struct domain *peer);

/* v's running time since it was last charged goes to whom it serves;
 * called as it stops running and as the mark changes. */
void account_settle(struct vcpu *v, uint64_t now);

/* SCHEDOP_ringlet_serving: 0, -XEN_EPERM (no interdomain channel with
 * it), -XEN_EINVAL (its own id, a reserved one). DOMID_SELF: nobody. */
int account_serve(struct domain *d, uint16_t peer);

#endif
