/* __HYPERVISOR_set_callbacks (4): where event upcalls and the failsafe
 * path (a return to the guest that the CPU refused) enter the guest. */
#include "hypercall/hypercall.h"
#include "arch/x86/pv/pv.h"
#include "domain/domain.h"
#include "sched/sched.h"

bool pv_callback_selector(uint32_t cs, uint16_t *out)
{
	uint16_t s = (uint16_t)cs;

	if (cs > 0xffff || !pv_fix_selector(&s))
		return false;
	*out = s;
	return true;
}

HYPERCALL(set_callbacks)
{
	uint16_t ecs, fcs;

	(void)a5;
	if (!pv_callback_selector(a1, &ecs) || !pv_callback_selector(a3, &fcs))
		return -XEN_EPERM;
	current->arch.event_cs = ecs;
	current->arch.event_eip = a2;
	current->arch.failsafe_cs = fcs;
	current->arch.failsafe_eip = a4;
	return 0;
}
