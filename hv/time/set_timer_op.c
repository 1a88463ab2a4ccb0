/* __HYPERVISOR_set_timer_op (15): one deadline per vCPU, in system time
 * (ns), 64 bits split low/high across two arguments; 0 cancels it. When it
 * passes, VIRQ_TIMER is raised. A deadline already past fires at once. */
#include "hypercall/hypercall.h"
#include "domain/domain.h"
#include "sched/sched.h"
#include "time/timer.h"

HYPERCALL(set_timer_op)
{
	uint64_t deadline = ((uint64_t)a2 << 32) | a1;

	(void)a3;
	(void)a4;
	(void)a5;
	if (deadline == 0)
		timer_cancel(&current->timer);
	else
		timer_set(&current->timer, deadline);
	return 0;
}
