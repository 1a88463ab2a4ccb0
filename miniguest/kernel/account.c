#include "kernel/account.h"
#include "kernel/hypervisor.h"

int account_serving(uint16_t domid)
{
	struct sched_serving s = { .domid = domid };

	return (int)hypercall_sched_op(SCHEDOP_ringlet_serving, &s);
}
