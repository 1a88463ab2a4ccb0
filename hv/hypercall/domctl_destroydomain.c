/* XEN_DOMCTL_destroydomain: as Xen, any domain but the caller itself,
 * which is domain 0 (-XEN_EINVAL). Its frames and grants go back at once
 * and domain 0 hears of it (VIRQ_DOM_EXC), so that its store forgets it. */
#include "hypercall/domctl.h"
#include "domain/domain.h"
#include "sched/sched.h"

int domctl_destroydomain(struct domain *d)
{
	if (d == current->d)
		return -XEN_EINVAL;
	domain_kill(d);
	return 0;
}
