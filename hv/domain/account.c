/* Per-domain accounting (domain/account.h). */
#include "domain/account.h"
#include "domain/domain.h"
#include "event/evtchn.h"
#include "hypercall/budget.h"
#include "pvabi/errno.h"
#include "time/clock.h"

struct ringlet_account_peer *account_peer(struct domain *d, uint16_t peer)
{
	struct account *a = &d->acct;

	for (uint32_t i = 0; i < a->nr_peers; i++)
		if (a->peers[i].domid == peer)
			return &a->peers[i];
	if (a->nr_peers < RINGLET_ACCOUNT_PEERS - 1) {
		struct ringlet_account_peer *p = &a->peers[a->nr_peers++];
		p->domid = peer;
		return p;
	}
	struct ringlet_account_peer *others = &a->peers[RINGLET_ACCOUNT_PEERS - 1];
	if (a->nr_peers < RINGLET_ACCOUNT_PEERS) {
		a->nr_peers = RINGLET_ACCOUNT_PEERS;
		others->domid = RINGLET_ACCOUNT_OTHERS;
	}
	return others;
}

void account_event(struct domain *d, struct domain *peer)
{
	d->acct.events_sent++;
	peer->acct.events_received++;
	account_peer(d, peer->domid)->events_sent++;
}

void account_settle(struct vcpu *v, uint64_t now)
{
	struct account *a = &v->d->acct;

	if (v->runstate != RUNSTATE_RUNNING || !a->serving_on)
		return;
	uint64_t from = a->serving_since > v->runstate_entry ? a->serving_since : v->runstate_entry;
	if (now > from)
		account_peer(v->d, a->serving)->served_ns += now - from;
	a->serving_since = now;
}

/* Whether d holds an interdomain channel to peer: a walk of the buckets it
 * has, charged to its budget. */
static bool connected(struct domain *d, uint16_t peer)
{
	for (uint32_t b = 0; b < EVTCHN_BUCKETS; b++) {
		struct evtchn *e = d->evtchn.bucket[b];
		if (!e)
			continue;
		budget_charge(EVTCHN_BUCKET_PORTS / 64 + 1);
		for (uint32_t i = 0; i < EVTCHN_BUCKET_PORTS; i++)
			if (e[i].state == EVTCHNSTAT_interdomain && e[i].u.peer->domid == peer)
				return true;
	}
	return false;
}

int account_serve(struct domain *d, uint16_t peer)
{
	if (peer != DOMID_SELF && (peer == d->domid || peer >= DOMID_FIRST_RESERVED))
		return -XEN_EINVAL;
	if (peer != DOMID_SELF && !connected(d, peer))
		return -XEN_EPERM;
	account_settle(&d->vcpu, clock_ns());
	d->acct.serving_on = peer != DOMID_SELF;
	d->acct.serving = peer;
	d->acct.serving_since = clock_ns();
	return 0;
}
