/* __HYPERVISOR_set_callbacks (4): where event upcalls and the failsafe
 * path (a return to the guest that the CPU refused) enter the guest. */
#include "hypercall/hypercall.h"
#include "arch/x86/pv/pv.h"
#include "domain/domain.h"
#include "sched/sched.h"

HYPERCALL(set_callbacks)
{
	uint16_t ecs = (uint16_t)a1, fcs = (uint16_t)a3;

	(void)a5;
	if (a1 > 0xffff || a3 > 0xffff || !pv_fix_selector(&ecs) || !pv_fix_selector(&fcs))
		return -XEN_EPERM;
	current->arch.event_cs = ecs;
	current->arch.event_eip = a2;
	current->arch.failsafe_cs = fcs;
	current->arch.failsafe_eip = a4;
	return 0;
}
