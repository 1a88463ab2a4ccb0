/* XENMEM_machphys_mfn_list and XENMEM_machphys_compat_mfn_list, one answer
 * for a 32-bit guest as on Xen: the machine frames of the m2p table guests
 * read at MACH2PHYS_VIRT_START, one per 2 MiB of it, as far as the table
 * describes machine memory. Any domain may ask, as on Xen. Xen's table is
 * made of 2 MiB machine-contiguous pieces; ringlet's is made of single
 * frames, so an entry names the frame behind the first page of its 2 MiB
 * and the frames after it need not follow. At most 8 entries: the window
 * is 16 MiB. */
#include "hypercall/memop.h"
#include "arch/x86/uaccess.h"
#include "pvabi/errno.h"

#define M2P_PIECE (2u << 20)

int32_t machphys_mfn_list(guest_ptr_t arg)
{
	struct xen_machphys_mfn_list l;

	if (copy_from_guest(&l, arg, sizeof(l)) < 0)
		return -XEN_EFAULT;
	uint64_t bytes = (uint64_t)m2p_entries() * sizeof(uint32_t);
	uint32_t i = 0;
	for (uint64_t off = 0; i != l.max_extents && off < bytes; i++, off += M2P_PIECE) {
		xen_pfn_t mfn = (xen_pfn_t)hv_lookup(RW_M2P_START + off);
		if (copy_to_guest(guest_ptr_add(l.extent_start, i, sizeof(mfn)), &mfn, sizeof(mfn)) < 0)
			return -XEN_EFAULT;
	}
	l.nr_extents = i;
	return copy_to_guest(arg, &l, sizeof(l)) < 0 ? -XEN_EFAULT : 0;
}
