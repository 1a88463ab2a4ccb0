#include "guest.h"
#include "memop.h"
#include "platform.h"

long memop_reservation(uint32_t cmd, xen_pfn_t *list, uint32_t n, uint32_t order, domid_t dom)
{
	struct xen_memory_reservation r = {
		.nr_extents = n, .extent_order = order, .domid = dom,
	};
	set_xen_guest_handle(r.extent_start, list);
	return hypercall_memory_op(cmd, &r);
}

long memop_current_pages(void)
{
	domid_t self = DOMID_SELF;

	return hypercall_memory_op(XENMEM_current_reservation, &self);
}

bool memop_adopt(struct pt_frame *f, uint32_t mfn)
{
	if (pt_update(((uint64_t)mfn << 12) | MMU_MACHPHYS_UPDATE, f->pfn) ||
	    pt_map(f->va, mfn, PT_RW))
		return false;
	((uint32_t *)(uintptr_t)start_info->mfn_list)[f->pfn] = mfn;
	f->mfn = mfn;
	return true;
}
