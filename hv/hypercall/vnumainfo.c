/* XENMEM_get_vnumainfo: no ringlet domain has a virtual NUMA layout, so
 * the answer is Xen's for such a domain, -EOPNOTSUPP, after Xen's checks:
 * start bits in cmd and a nonzero pad are -EINVAL, the domain must exist
 * and be the caller or (for the privileged domain) any. */
#include "hypercall/memop.h"
#include "arch/x86/uaccess.h"
#include "pvabi/errno.h"

int32_t get_vnumainfo(uint32_t start, guest_ptr_t arg)
{
	struct xen_vnuma_topology_info t;
	struct domain *d;

	if (copy_from_guest(&t, arg, sizeof(t)) < 0)
		return -XEN_EFAULT;
	if (start || t.pad)
		return -XEN_EINVAL;
	int rc = memop_target(t.domid, &d);
	return rc < 0 ? rc : -XEN_EOPNOTSUPP;
}
