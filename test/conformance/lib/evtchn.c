#include <stddef.h>

#include "evtchn.h"
#include "pvabi/sched.h"

long bind_offered_port(domid_t remote, uint32_t remote_port, uint32_t *local_port)
{
	struct evtchn_bind_interdomain b = { .remote_dom = remote, .remote_port = remote_port };
	long rc;

	for (unsigned tries = 0; (rc = evtchn_op(EVTCHNOP_bind_interdomain, &b)) != 0 && tries < 1000;
	     tries++)
		hypercall_sched_op(SCHEDOP_yield, NULL);
	if (rc == 0)
		*local_port = b.local_port;
	return rc;
}

long evtchn_loopback(uint32_t *first, uint32_t *second)
{
	struct evtchn_alloc_unbound a = { .dom = DOMID_SELF, .remote_dom = DOMID_SELF };
	long rc = evtchn_op(EVTCHNOP_alloc_unbound, &a);
	if (rc < 0)
		return rc;
	struct evtchn_bind_interdomain b = { .remote_dom = DOMID_SELF, .remote_port = a.port };
	rc = evtchn_op(EVTCHNOP_bind_interdomain, &b);
	*first = a.port;
	*second = b.local_port;
	return rc;
}
