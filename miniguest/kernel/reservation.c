/* memory_op's reservation commands on this domain, one frame an extent:
 * the count done never taken for more than was asked. */
#include "kernel/hypervisor.h"
#include "kernel/reservation.h"

uint32_t reservation(uint32_t cmd, xen_pfn_t *list, uint32_t n)
{
	struct xen_memory_reservation r = { .nr_extents = n, .domid = DOMID_SELF };

	set_xen_guest_handle(r.extent_start, list);
	long done = hypercall_memory_op(cmd, &r);
	return done < 0 ? 0 : (uint32_t)done > n ? n : (uint32_t)done;
}
