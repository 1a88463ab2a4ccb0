/* The backends' cost lines (kernel/cost.h): what one guest's requests
 * cost, then beside it what the hypervisor counted for every peer as of
 * now, so that the last lines of a run hold the attributions (a) and (b)
 * of the whole run and the time they share out. */
#include <stdio.h>

#include "kernel/account.h"
#include "kernel/cost.h"
#include "pvabi/vcpu.h"

static const char *const kinds[COST_KINDS] = { [COST_BLK] = "block", [COST_NET] = "network" };

void cost_say(const char *who, enum cost_kind k, uint16_t dom)
{
	static struct ringlet_account_peer peers[RINGLET_ACCOUNT_PEERS];
	struct ringlet_domctl_getaccount a;
	uint64_t requests, ns;

	if (!cost_on())
		return;
	cost_of(k, dom, &requests, &ns);
	printf("%s: costs: domain %u: %llu %s requests, %llu ns\n", who, dom,
	       (unsigned long long)requests, kinds[k], (unsigned long long)ns);
	/* Its backends are domain 0's; a driver domain is refused the
	 * domctl and says its requests alone. */
	if (account_read(0, &a, peers) < 0)
		return;
	for (uint32_t i = 0; i < a.nr_peers; i++)
		printf("%s: costs: peer %u: %llu ns marked, %llu operations\n", who, peers[i].domid,
		       (unsigned long long)peers[i].served_ns,
		       (unsigned long long)account_ops(&peers[i]));
	printf("%s: costs: running %llu ns\n", who,
	       (unsigned long long)a.runstate_ns[RUNSTATE_running]);
}
