/* sched_charge=served (off by default): the time a backend ran marked as
 * serving a domain (SCHED-13) counts against that domain's share of the
 * CPU instead of the backend's, the fairness the monitoring paper argues
 * for: a guest that makes its driver domain work pays for it out of its
 * own share. What the backend ran for nobody (or for "others", or for a
 * domain that is gone or dying) stays the backend's. */
#include "sched/policy.h"
#include "domain/account.h"
#include "domain/domain.h"

bool sched_charge_served;

uint64_t sched_charge_peers(struct vcpu *v, uint64_t ran, uint64_t now)
{
	struct account *a = &v->d->acct;
	uint64_t given = 0;

	account_settle(v, now);
	for (uint32_t i = 0; i < a->nr_peers; i++) {
		struct ringlet_account_peer *p = &a->peers[i];
		uint64_t ns = p->served_ns - v->served_seen[i];
		v->served_seen[i] = p->served_ns;
		struct domain *peer = p->domid == RINGLET_ACCOUNT_OTHERS ? NULL : domain_by_id(p->domid);
		/* Only what this stint ran: a mark's settling may reach past it. */
		if (ns > ran - given)
			ns = ran - given;
		if (!ns || !peer || peer == v->d || peer->state != DOMAIN_RUNNING)
			continue;
		sched->charge(&peer->vcpu, ns, now);
		given += ns;
	}
	return ran - given;
}
