/* XEN_DOMCTL_pausedomain: as Xen, never the caller itself (-XEN_EINVAL);
 * the count and its limit are domain/pause.c's. (unpausedomain is
 * domain_unpause itself.) */
#include "hypercall/domctl.h"
#include "domain/domain.h"
#include "sched/sched.h"

int domctl_pausedomain(struct domain *d)
{
	if (d == current->d)
		return -XEN_EINVAL;
	return domain_pause(d);
}
