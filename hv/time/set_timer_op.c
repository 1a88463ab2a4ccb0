/* __HYPERVISOR_set_timer_op (15): one deadline per vCPU, in system time
 * (ns), 64 bits split low/high across two arguments; 0 cancels it. When it
 * passes, VIRQ_TIMER is raised. A deadline already past fires at once. As
 * on Xen, one that wrapped (2^63 or more, negative system time) or lies
 * more than 2^50 ns (13 days) ahead is a guest's bug: it fires in 100 ms. */
#include "hypercall/hypercall.h"
#include "domain/domain.h"
#include "sched/sched.h"
#include "time/clock.h"
#include "time/timer.h"

#define WRAPPED_DELAY_NS  100000000ull

HYPERCALL(set_timer_op)
{
	uint64_t deadline = ((uint64_t)a2 << 32) | a1;

	(void)a3;
	(void)a4;
	(void)a5;
	uint64_t now = clock_ns();

	if (deadline == 0)
		timer_cancel(&current->timer);
	else if ((int64_t)deadline < 0 || (deadline > now && deadline - now >= (1ull << 50)))
		timer_set(&current->timer, now + WRAPPED_DELAY_NS);
	else
		timer_set(&current->timer, deadline);
	return 0;
}
