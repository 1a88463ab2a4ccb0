/* XENMEM_add_to_physmap, add_to_physmap_batch and remove_from_physmap: a
 * PV guest keeps its pseudo-physical map itself (its p2m list), so the
 * hypervisor places nothing in it. As Xen answers a guest whose paging is
 * not translated: -EACCES once the request is read and its domain found
 * (before any question of privilege), with Xen's earlier refusals first. */
#include "hypercall/memop.h"
#include "arch/x86/uaccess.h"
#include "pvabi/errno.h"

static int32_t refuse(domid_t id)
{
	struct domain *d;

	return memop_target(id, &d) == -XEN_ESRCH ? -XEN_ESRCH : -XEN_EACCES;
}

int32_t add_to_physmap(uint32_t start, guest_ptr_t arg)
{
	struct xen_add_to_physmap a;

	if (copy_from_guest(&a, arg, sizeof(a)) < 0)
		return -XEN_EFAULT;
	if (start > UINT16_MAX)
		return -XEN_EDOM;             /* more than size can count */
	if (a.space == XENMAPSPACE_gmfn_foreign)
		return -XEN_ENOSYS;           /* the batch form only */
	return refuse(a.domid);
}

/* An element of a list, readable: the lists are checked at both ends. */
static bool readable(guest_ptr_t list, uint32_t i, uint32_t size)
{
	uint32_t v;

	return copy_from_guest(&v, guest_ptr_add(list, i, size), size) == 0;
}

int32_t add_to_physmap_batch(uint32_t start, guest_ptr_t arg)
{
	struct xen_add_to_physmap_batch b;

	if (copy_from_guest(&b, arg, sizeof(b)) < 0)
		return -XEN_EFAULT;
	if (start > UINT16_MAX)
		return -XEN_EDOM;
	if (start < b.size) {
		uint32_t last = b.size - 1u;
		if (!readable(b.idxs, start, 4) || !readable(b.idxs, last, 4) ||
		    !readable(b.gpfns, start, 4) || !readable(b.gpfns, last, 4) ||
		    (uint64_t)guest_ptr_va(b.errs) + (uint64_t)b.size * 4 > HOLE_START)
			return -XEN_EFAULT;
	}
	if (b.space == XENMAPSPACE_gmfn_range)
		return -XEN_EOPNOTSUPP;
	return refuse(b.domid);
}

int32_t remove_from_physmap(uint32_t start, guest_ptr_t arg)
{
	struct xen_remove_from_physmap r;

	if (copy_from_guest(&r, arg, sizeof(r)) < 0)
		return -XEN_EFAULT;
	if (start)
		return -XEN_EINVAL;
	return refuse(r.domid);
}
