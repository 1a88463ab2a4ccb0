/* RINGLET_DOMCTL_getaccount: what a domain did and for whom
 * (domain/account.c keeps the counts). */
#include "hypercall/domctl.h"
#include "arch/x86/uaccess.h"
#include "domain/domain.h"
#include "time/clock.h"

int domctl_getaccount(struct domain *d, struct ringlet_domctl_getaccount *g)
{
	const struct account *a = &d->acct;

	if (g->_pad || g->nr_peers > RINGLET_ACCOUNT_PEERS || g->peers > UINT32_MAX)
		return -XEN_EINVAL;
	account_settle(&d->vcpu, clock_ns());     /* the caller itself runs */
	uint32_t n = g->nr_peers < a->nr_peers ? g->nr_peers : a->nr_peers;
	if (n && copy_to_guest(guest_ptr((uint32_t)g->peers), a->peers, n * sizeof(a->peers[0])) < 0)
		return -XEN_EFAULT;
	g->nr_peers = n;
	g->serving = a->serving_on ? a->serving : DOMID_SELF;
	for (unsigned s = 0; s < 4; s++)
		g->runstate_ns[s] = runstate_ns(&d->vcpu, (enum runstate)s);
	g->hypercalls = a->hypercalls;
	g->events_sent = a->events_sent;
	g->events_received = a->events_received;
	return 0;
}
