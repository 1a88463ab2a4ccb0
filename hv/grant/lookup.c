/* The domain a setup_table, query_size or get_version names: DOMID_SELF or
 * any existing domain; another domain than the caller's own only for the
 * privileged domain (Xen's XSM_TARGET). */
#include "grant/lookup.h"
#include "domain/domain.h"
#include "pvabi/errno.h"
#include "sched/sched.h"

int gnttab_lookup(uint16_t domid, struct domain **d)
{
	struct domain *me = current->d;

	*d = domid == DOMID_SELF ? me : domid < DOMID_FIRST_RESERVED ? domain_by_id(domid) : NULL;
	if (!*d)
		return -XEN_ESRCH;
	if (*d != me && !me->privileged)
		return -XEN_EPERM;
	return 0;
}
