#include "kernel/account.h"
#include "kernel/hypervisor.h"

int account_serving(uint16_t domid)
{
	struct sched_serving s = { .domid = domid };

	return (int)hypercall_sched_op(SCHEDOP_ringlet_serving, &s);
}

int account_read(uint16_t dom, struct ringlet_domctl_getaccount *a,
		 struct ringlet_account_peer *peers)
{
	struct xen_domctl dc = { .cmd = RINGLET_DOMCTL_getaccount,
				 .interface_version = XEN_DOMCTL_INTERFACE_VERSION, .domain = dom };

	dc.u.getaccount.peers = (uintptr_t)peers;
	dc.u.getaccount.nr_peers = RINGLET_ACCOUNT_PEERS;
	int rc = (int)hypercall_domctl(&dc);
	*a = dc.u.getaccount;
	return rc;
}

uint64_t account_ops(const struct ringlet_account_peer *p)
{
	return p->events_sent + p->grant_maps + p->grant_copies + p->flips;
}
