/* __HYPERVISOR_stack_switch (3): the ring-1 stack traps from ring 3 land on
 * (what a native kernel puts in its TSS). */
#include "hypercall/hypercall.h"
#include "arch/x86/pv/int80.h"
#include "arch/x86/pv/pv.h"
#include "domain/domain.h"
#include "sched/sched.h"

HYPERCALL(stack_switch)
{
	uint16_t ss = (uint16_t)a1;

	(void)a3;
	(void)a4;
	(void)a5;
	if (a1 > 0xffff || !pv_fix_selector(&ss) || (ss & 3) != 1)
		return -XEN_EPERM;
	current->arch.kernel_ss = ss;
	current->arch.kernel_sp = a2;
	pv_int80_refresh(current);
	return 0;
}
