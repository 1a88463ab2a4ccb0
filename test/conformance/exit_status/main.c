/* exit_status: SCHEDOP_ringlet_exit, ringlet's shutdown with an exit status
 * (a ringlet extension, pvabi/sched.h): its refusals, and -ENOSYS on Xen.
 *
 * Rules checked (pvabi/ABI.md):
 *   SCHED-12  SCHEDOP_ringlet_exit with an argument the hypervisor cannot
 *             read whole (NULL, past the initial region, in the hole, its
 *             status field past the region) is -EFAULT, and with a reason
 *             above SHUTDOWN_watchdog -EINVAL, and the domain runs on;
 *             sched_op_compat does not take it (-ENOSYS). Xen does not
 *             know the command: every call is -ENOSYS there, which is what
 *             makes a guest fall back to SCHEDOP_shutdown (lib/exit.c).
 *
 * A refused call that shut the domain down all the same would leave no
 * result line: a CRASH. The call that works ends the domain; the scenarios
 * exit-status-* make it (test/scenario/scenario.tests). */
#include "guest.h"

#include "platform.h"

const char test_title[] = "exit_status: SCHEDOP_ringlet_exit, ringlet's shutdown with an exit "
			  "status: its refusals, and -ENOSYS on Xen";

/* What ringlet answers, or -ENOSYS on a hypervisor without the extension. */
static long want(long on_ringlet_rc)
{
	return on_ringlet() ? on_ringlet_rc : -XEN_ENOSYS;
}

static void bad_pointers(void)
{
	uint32_t end = initial_region_end();
	static const struct { uint32_t va; const char *where; } bad[] = {
		{ 0, "at NULL" },
		{ 0xfffff000u, "at 0xfffff000 (the hole)" },
	};
	char what[96];

	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		format(what, sizeof(what), "SCHEDOP_ringlet_exit with its argument %s", bad[i].where);
		check_rc("SCHED-12", what, hypercall2(__HYPERVISOR_sched_op, SCHEDOP_ringlet_exit,
						      bad[i].va), want(-XEN_EFAULT));
	}
	check_rc("SCHED-12", "SCHEDOP_ringlet_exit with its argument past the initial region",
		 hypercall2(__HYPERVISOR_sched_op, SCHEDOP_ringlet_exit, end), want(-XEN_EFAULT));

	/* A good reason in the region's last 4 bytes, the status beyond it: a
	 * hypervisor that read the reason alone would power this domain off. */
	struct sched_exit *straddling = (struct sched_exit *)(uintptr_t)(end - 4);
	straddling->reason = SHUTDOWN_poweroff;
	check_rc("SCHED-12", "SCHEDOP_ringlet_exit(poweroff) with its status field past the "
		 "initial region", hypercall_sched_op(SCHEDOP_ringlet_exit, straddling),
		 want(-XEN_EFAULT));
}

static void bad_reasons(void)
{
	static const uint32_t reasons[] = { SHUTDOWN_soft_reset, 6, 255, 256, 0xffffffffu };

	for (unsigned i = 0; i < sizeof(reasons) / sizeof(reasons[0]); i++) {
		struct sched_exit e = { .reason = reasons[i], .status = 3 };
		char what[80];
		format(what, sizeof(what), "SCHEDOP_ringlet_exit with reason %u, status 3",
		       reasons[i]);
		check_rc("SCHED-12", what, hypercall_sched_op(SCHEDOP_ringlet_exit, &e),
			 want(-XEN_EINVAL));
	}
}

void test_main(void)
{
	printk("running on %s\n", hypervisor_name());
	bad_pointers();
	bad_reasons();
	check_rc("SCHED-12", "sched_op_compat(SCHEDOP_ringlet_exit, poweroff): not a compat "
		 "command", hypercall2(__HYPERVISOR_sched_op_compat, SCHEDOP_ringlet_exit,
				       SHUTDOWN_poweroff), -XEN_ENOSYS);
	test_success();
}
