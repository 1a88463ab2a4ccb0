/* XENMEM_acquire_resource: mapping another domain's resource (its grant
 * table, an ioreq server, trace buffers), for a device model or a
 * toolstack. Xen's checks come first: a nonzero pad is -EINVAL; the domain
 * must be another one (the caller's own id is -EPERM; DOMID_SELF names no
 * domain here, -ESRCH) and the caller privileged (-EPERM). ringlet has no
 * resource to hand out: -EOPNOTSUPP for the privileged domain, where Xen
 * would map the frames of a grant table. */
#include "hypercall/memop.h"
#include "arch/x86/uaccess.h"
#include "pvabi/errno.h"
#include "sched/sched.h"

int32_t acquire_resource(guest_ptr_t arg)
{
	struct xen_mem_acquire_resource r;
	struct domain *d;

	if (copy_from_guest(&r, arg, sizeof(r)) < 0)
		return -XEN_EFAULT;
	if (r.pad)
		return -XEN_EINVAL;
	int rc = memop_remote(r.domid, &d);
	if (rc < 0)
		return rc;
	return current->d->privileged ? -XEN_EOPNOTSUPP : -XEN_EPERM;
}
