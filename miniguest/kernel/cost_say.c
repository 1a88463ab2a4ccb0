/* The backends' cost lines (kernel/cost.h): what one guest's requests
 * cost, then beside it what the hypervisor counted for every peer as of
 * now, so that the last lines of a run hold the attributions (a) and (b)
 * of the whole run and the time they share out. */
#include <stdio.h>

#include "kernel/cost.h"
#include "kernel/hypervisor.h"
#include "pvabi/domctl.h"
#include "pvabi/vcpu.h"

static const char *const kinds[COST_KINDS] = { [COST_BLK] = "block", [COST_NET] = "network" };

void cost_say(const char *who, enum cost_kind k, uint16_t dom)
{
	static struct ringlet_account_peer peers[RINGLET_ACCOUNT_PEERS];
	struct xen_domctl dc = { .cmd = RINGLET_DOMCTL_getaccount,
				 .interface_version = XEN_DOMCTL_INTERFACE_VERSION,
				 .domain = 0 };
	uint64_t requests, ns;

	if (!cost_on())
		return;
	cost_of(k, dom, &requests, &ns);
	printf("%s: costs: domain %u: %llu %s requests, %llu ns\n", who, dom,
	       (unsigned long long)requests, kinds[k], (unsigned long long)ns);
	/* Its backends are domain 0's; a driver domain is refused the
	 * domctl and says its requests alone. */
	dc.u.getaccount.peers = (uintptr_t)peers;
	dc.u.getaccount.nr_peers = RINGLET_ACCOUNT_PEERS;
	if (hypercall_domctl(&dc) < 0)
		return;
	for (uint32_t i = 0; i < dc.u.getaccount.nr_peers; i++) {
		const struct ringlet_account_peer *p = &peers[i];
		printf("%s: costs: peer %u: %llu ns marked, %llu operations\n", who, p->domid,
		       (unsigned long long)p->served_ns,
		       (unsigned long long)(p->events_sent + p->grant_maps + p->grant_copies +
					    p->flips));
	}
	printf("%s: costs: running %llu ns\n", who,
	       (unsigned long long)dc.u.getaccount.runstate_ns[RUNSTATE_running]);
}
