/* memory_op commands that only mean something for an HVM domain, refused
 * as Xen refuses them when the domain named is PV (every ringlet domain):
 * the populate-on-demand target (XENMEM_set_pod_target, get_pod_target)
 * is -EINVAL once the domain is found; memory access permissions
 * (XENMEM_access_op) are for another, live domain (the caller itself,
 * named by its id, is -EPERM; DOMID_SELF names no domain there), and -EINVAL
 * for a PV one. */
#include "hypercall/memop.h"
#include "arch/x86/uaccess.h"
#include "pvabi/errno.h"

int32_t pod_target(guest_ptr_t arg)
{
	struct xen_pod_target t;
	struct domain *d;

	if (copy_from_guest(&t, arg, sizeof(t)) < 0)
		return -XEN_EFAULT;
	return memop_target(t.domid, &d) == -XEN_ESRCH ? -XEN_ESRCH : -XEN_EINVAL;
}

int32_t access_op(guest_ptr_t arg)
{
	struct xen_mem_access_op a;
	struct domain *d;

	if (copy_from_guest(&a, arg, sizeof(a)) < 0)
		return -XEN_EFAULT;
	int rc = memop_remote(a.domid, &d);
	return rc < 0 ? rc : -XEN_EINVAL;
}
