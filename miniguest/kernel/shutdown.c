/* Ending the domain (shutdown.h). */
#include "kernel/shutdown.h"

#include "kernel/console.h"
#include "kernel/console_ring.h"
#include "kernel/hypervisor.h"

void mg_shutdown(unsigned reason)
{
	struct sched_shutdown sd = { .reason = reason };

	console_ring_close();     /* its last lines out before the domain ends */
	for (;;) {
		hypercall_sched_op(SCHEDOP_shutdown, &sd);
		/* Only a broken hypervisor returns; do not run on. */
		hypercall_sched_op(SCHEDOP_block, 0);
	}
}

void mg_exit(int status)
{
	struct sched_exit ex = { .reason = SHUTDOWN_poweroff, .status = status };

	console_ring_close();     /* its last lines out before the domain ends */
	hypercall_sched_op(SCHEDOP_ringlet_exit, &ex);
	/* Not ringlet: the status goes to the console instead. */
	printk("miniguest: exit status %d\n", status);
	mg_shutdown(SHUTDOWN_poweroff);
}

void mg_crash(const char *why)
{
	console_ring_close();     /* the rest through console_io */
	printk("miniguest: crashing the domain: %s\n", why);
	mg_shutdown(SHUTDOWN_crash);
}
