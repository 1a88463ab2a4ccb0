/* XENMEM_reserved_device_memory_map: the memory that devices behind an
 * IOMMU keep. ringlet drives no IOMMU, so there is none, as on a Xen
 * without one: 0 entries for any domain. The buffer must lie in guest space
 * for the entries it says it has room for (8 bytes each), flags other than
 * XENMEM_RDM_ALL are -EINVAL. */
#include "hypercall/memop.h"
#include "arch/x86/uaccess.h"
#include "pvabi/errno.h"

int32_t reserved_device_memory_map(uint32_t start, guest_ptr_t arg)
{
	struct xen_reserved_device_memory_map m;

	if (start)
		return -XEN_EINVAL;
	if (copy_from_guest(&m, arg, sizeof(m)) < 0 ||
	    (uint64_t)guest_ptr_va(m.buffer) +
	    (uint64_t)m.nr_entries * XEN_RESERVED_DEVICE_MEMORY_SIZE > HOLE_START)
		return -XEN_EFAULT;
	if (m.flags & ~XENMEM_RDM_ALL)
		return -XEN_EINVAL;
	m.nr_entries = 0;
	return copy_to_guest(arg, &m, sizeof(m)) < 0 ? -XEN_EFAULT : 0;
}
