/* __HYPERVISOR_fpu_taskswitch (5): the guest's CR0.TS. With it set, the
 * guest's next FPU or SSE instruction traps to its own #NM handler, as a
 * native kernel's lazy FPU switching expects. */
#include "hypercall/hypercall.h"
#include "arch/arch.h"
#include "domain/domain.h"
#include "sched/sched.h"

HYPERCALL(fpu_taskswitch)
{
	(void)a2;
	(void)a3;
	(void)a4;
	(void)a5;
	current->arch.guest_ts = a1 != 0;
	if (a1)
		write_cr0(read_cr0() | CR0_TS);
	return 0;
}
