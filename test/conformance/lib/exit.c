/* Ending the domain (lib/exit.h). */
#include "exit.h"

#include "console.h"
#include "hypercall.h"
#include "pvabi/errno.h"
#include "pvabi/sched.h"

void guest_shutdown(uint32_t reason)
{
	struct sched_shutdown arg = { .reason = reason };

	for (;;) {
		hypercall_sched_op(SCHEDOP_shutdown, &arg);
		/* Still here: the hypervisor refused. Try not to spin hard. */
		hypercall_sched_op(SCHEDOP_yield, 0);
	}
}

void guest_exit(uint32_t reason, int32_t status)
{
	struct sched_exit arg = { .reason = reason, .status = status };
	long rc = hypercall_sched_op(SCHEDOP_ringlet_exit, &arg);

	printk("exit status %d: SCHEDOP_ringlet_exit returned %ld%s; shutting down without "
	       "the status\n", (int)status, rc, rc == -XEN_ENOSYS ? " (not ringlet)" : "");
	guest_shutdown(reason);
}
