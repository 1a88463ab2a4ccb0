/* XEN_DOMCTL_max_mem: the pages a domain may have from now on (what
 * populate_physmap and increase_reservation grant up to). As Xen, a limit
 * below what it has takes nothing away; it only stops it growing. */
#include "hypercall/domctl.h"
#include "domain/domain.h"

int domctl_max_mem(struct domain *d, const struct xen_domctl_max_mem *m)
{
	uint64_t pages = m->max_memkb >> 2;

	d->max_pages = pages > UINT32_MAX ? UINT32_MAX : (uint32_t)pages;
	return 0;
}
