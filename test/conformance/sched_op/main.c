/* sched_op: yield, shutdown arguments, remote_shutdown, block, poll and
 * unknown commands.
 *
 * Rules checked (pvabi/ABI.md):
 *   SCHED-1  SCHEDOP_yield (and sched_op_compat's) returns 0
 *   SCHED-2  SCHEDOP_shutdown and SCHEDOP_shutdown_code with an argument the
 *            guest cannot read are -EFAULT; a reason above
 *            SHUTDOWN_watchdog is -EINVAL on ringlet (see below); the
 *            shutdown itself ends every run of this guest
 *   SCHED-3  SCHEDOP_remote_shutdown: an unreadable argument is -EFAULT, a
 *            domain that does not exist -ESRCH, and for a domain other than
 *            the privileged one any existing domain is -EPERM; the
 *            privileged one shuts another domain down (0)
 *   SCHED-5  SCHEDOP_block returns at once when an event is pending (and the
 *            upcall follows); SCHEDOP_poll with an unreadable argument or
 *            port list is -EFAULT, with more than 128 ports or a port beyond
 *            the domain's is -EINVAL, with no ports and a timeout already
 *            past returns 0; unknown commands are -ENOSYS
 *
 * Run as the only domain (the conformance.tests section [sched_op], and on
 * the referee) it is privileged. The section [sched_op-two-domains] boots it
 * twice on ringlet: the second, unprivileged, checks SCHED-3's -EPERM and
 * then waits; the first ("-- remote") shuts it down.
 *
 * Where Xen 4.17 differs (pvabi/ABI.md, SCHED-2, SCHED-5): Xen takes any
 * shutdown reason (the privileged domain's shutdown stops the machine, so
 * the guest cannot try them there) and implements SCHEDOP_watchdog and
 * SCHEDOP_pin_override, which ringlet answers with -ENOSYS. */
#include "guest.h"

#include "callbacks.h"
#include "platform.h"

const char test_title[] = "sched_op: yield, shutdown arguments, remote_shutdown, block, poll "
			  "and unknown commands";

static bool privileged(void)
{
	return start_info->flags & SIF_PRIVILEGED;
}

static bool asked(const char *word)
{
	size_t n = strlen(word);
	const char *c = start_info->cmd_line;

	for (size_t i = 0; c[i]; i++)
		if (strncmp(c + i, word, n) == 0)
			return true;
	return false;
}

static long sched_op(uint32_t cmd, uint32_t arg)
{
	return hypercall2(__HYPERVISOR_sched_op, cmd, arg);
}

static void yields(void)
{
	check_rc("SCHED-1", "sched_op(SCHEDOP_yield, NULL)", sched_op(SCHEDOP_yield, 0), 0);
	check_rc("SCHED-1", "sched_op_compat(SCHEDOP_yield, 0)",
		 hypercall2(__HYPERVISOR_sched_op_compat, SCHEDOP_yield, 0), 0);
}

static void shutdown_args(void)
{
	uint32_t end = initial_region_end();
	static const struct { uint32_t cmd; const char *name; } cmds[] = {
		{ SCHEDOP_shutdown, "SCHEDOP_shutdown" },
		{ SCHEDOP_shutdown_code, "SCHEDOP_shutdown_code" },
	};
	for (unsigned i = 0; i < 2; i++) {
		char what[96];
		format(what, sizeof(what), "%s with its argument at NULL", cmds[i].name);
		check_rc("SCHED-2", what, sched_op(cmds[i].cmd, 0), -XEN_EFAULT);
		format(what, sizeof(what), "%s with its argument past the initial region",
		       cmds[i].name);
		check_rc("SCHED-2", what, sched_op(cmds[i].cmd, end), -XEN_EFAULT);
		format(what, sizeof(what), "%s with its argument at 0xfffff000", cmds[i].name);
		check_rc("SCHED-2", what, sched_op(cmds[i].cmd, 0xfffff000), -XEN_EFAULT);
	}

	/* The code this guest will end with anyway. */
	struct sched_shutdown sd = { .reason = SHUTDOWN_poweroff };
	check_rc("SCHED-2", "SCHEDOP_shutdown_code(SHUTDOWN_poweroff)",
		 hypercall_sched_op(SCHEDOP_shutdown_code, &sd), 0);

	if (!on_ringlet()) {
		printk("(Xen takes any shutdown reason: the reasons ringlet refuses are not "
		       "tried here, they would stop the machine)\n");
		return;
	}
	static const uint32_t reasons[] = { SHUTDOWN_soft_reset, 6, 255, 256, 0xffffffff };
	for (unsigned i = 0; i < sizeof(reasons) / sizeof(reasons[0]); i++) {
		char what[80];
		sd.reason = reasons[i];
		format(what, sizeof(what), "SCHEDOP_shutdown with reason %u", reasons[i]);
		check_rc("SCHED-2", what, hypercall_sched_op(SCHEDOP_shutdown, &sd), -XEN_EINVAL);
		format(what, sizeof(what), "SCHEDOP_shutdown_code with reason %u", reasons[i]);
		check_rc("SCHED-2", what, hypercall_sched_op(SCHEDOP_shutdown_code, &sd),
			 -XEN_EINVAL);
		format(what, sizeof(what), "sched_op_compat(SCHEDOP_shutdown, %u)", reasons[i]);
		check_rc("SCHED-2", what,
			 hypercall2(__HYPERVISOR_sched_op_compat, SCHEDOP_shutdown, reasons[i]),
			 -XEN_EINVAL);
	}
}

static long remote(domid_t dom, uint32_t reason)
{
	struct sched_remote_shutdown rs = { .domain_id = dom, .reason = reason };

	return hypercall_sched_op(SCHEDOP_remote_shutdown, &rs);
}

static void remote_shutdown(void)
{
	check_rc("SCHED-3", "SCHEDOP_remote_shutdown with its argument at NULL",
		 sched_op(SCHEDOP_remote_shutdown, 0), -XEN_EFAULT);
	check_rc("SCHED-3", "SCHEDOP_remote_shutdown of domain 999 (none)",
		 remote(999, SHUTDOWN_poweroff), -XEN_ESRCH);
	check_rc("SCHED-3", "SCHEDOP_remote_shutdown of DOMID_SELF (not a domain's id)",
		 remote(DOMID_SELF, SHUTDOWN_poweroff), -XEN_ESRCH);
	if (!privileged()) {
		check_rc("SCHED-3", "SCHEDOP_remote_shutdown of domain 0 by an unprivileged domain",
			 remote(0, SHUTDOWN_poweroff), -XEN_EPERM);
		/* Booted second, it is domain 1. */
		check_rc("SCHED-3", "SCHEDOP_remote_shutdown of itself (domain 1) by an "
			 "unprivileged domain", remote(1, SHUTDOWN_poweroff), -XEN_EPERM);
	}
}

static void block_and_poll(void)
{
	volatile struct vcpu_info *vi = &shared_info->vcpu_info[0];
	uint32_t end = initial_region_end();
	struct sched_poll p;
	uint32_t ports[2] = { 1, 2 };

	/* Block with an event pending already: back at once, the upcall
	 * entered on the way (events enabled by the block). */
	upcall_count = 0;
	vi->evtchn_upcall_pending = 1;
	check_rc("SCHED-5", "SCHEDOP_block with an event pending", sched_op(SCHEDOP_block, 0), 0);
	check_eq("SCHED-5", "event upcalls after it", upcall_count, 1);
	vi->evtchn_upcall_mask = 1;
	vi->evtchn_upcall_pending = 0;

	check_rc("SCHED-5", "SCHEDOP_poll with its argument at NULL", sched_op(SCHEDOP_poll, 0),
		 -XEN_EFAULT);
	check_rc("SCHED-5", "SCHEDOP_poll with its argument past the initial region",
		 sched_op(SCHEDOP_poll, end), -XEN_EFAULT);
	p = (struct sched_poll){ .ports = guest_ptr((uint32_t)(uintptr_t)ports), .nr_ports = 129 };
	check_rc("SCHED-5", "SCHEDOP_poll of 129 ports", hypercall_sched_op(SCHEDOP_poll, &p),
		 -XEN_EINVAL);
	p = (struct sched_poll){ .ports = guest_ptr(end), .nr_ports = 1 };
	check_rc("SCHED-5", "SCHEDOP_poll with its port list past the initial region",
		 hypercall_sched_op(SCHEDOP_poll, &p), -XEN_EFAULT);
	ports[0] = 1u << 20;
	p = (struct sched_poll){ .ports = guest_ptr((uint32_t)(uintptr_t)ports), .nr_ports = 1 };
	check_rc("SCHED-5", "SCHEDOP_poll of port 1 << 20", hypercall_sched_op(SCHEDOP_poll, &p),
		 -XEN_EINVAL);
	p = (struct sched_poll){ .nr_ports = 0, .timeout = 1 };
	check_rc("SCHED-5", "SCHEDOP_poll of no ports until system time 1 (long past)",
		 hypercall_sched_op(SCHEDOP_poll, &p), 0);
	check_eq("SCHED-5", "event upcalls meanwhile", upcall_count, 1);
}

static void unknown(void)
{
	static const uint32_t cmds[] = { 8, 99, 0x80000000u, 0xffffffffu };

	for (unsigned i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
		char what[64];
		format(what, sizeof(what), "sched_op command %#x", cmds[i]);
		check_rc("SCHED-5", what, sched_op(cmds[i], 0), -XEN_ENOSYS);
		format(what, sizeof(what), "sched_op_compat command %#x", cmds[i]);
		check_rc("SCHED-5", what, hypercall2(__HYPERVISOR_sched_op_compat, cmds[i], 0),
			 -XEN_ENOSYS);
	}
	check_rc("SCHED-5", "sched_op_compat(SCHEDOP_poll): not a compat command",
		 hypercall2(__HYPERVISOR_sched_op_compat, SCHEDOP_poll, 0), -XEN_ENOSYS);
	if (on_ringlet()) {
		check_rc("SCHED-5", "SCHEDOP_watchdog (not offered by ringlet)",
			 sched_op(SCHEDOP_watchdog, 0), -XEN_ENOSYS);
		check_rc("SCHED-5", "SCHEDOP_pin_override (not offered by ringlet)",
			 sched_op(SCHEDOP_pin_override, 0), -XEN_ENOSYS);
	}
}

/* The privileged instance of [sched_op-two-domains] shuts the other one
 * down once it has had the time to do its checks. */
static void shut_the_other_down(void)
{
	/* Sleep (poll with no ports) for 5 x 100 ms of system time: the other
	 * runs meanwhile. A yield would not do: the scheduler may well pick
	 * this domain again at once. */
	for (unsigned i = 0; i < 5; i++) {
		struct sched_poll p = {
			.timeout = shared_info->vcpu_info[0].time.system_time + 100000000ull,
		};
		hypercall_sched_op(SCHEDOP_poll, &p);
	}
	check_rc("SCHED-3", "SCHEDOP_remote_shutdown of domain 1 (poweroff)",
		 remote(1, SHUTDOWN_poweroff), 0);
	check_rc("SCHED-3", "SCHEDOP_remote_shutdown of domain 1 again: gone",
		 remote(1, SHUTDOWN_poweroff), -XEN_ESRCH);
}

void test_main(void)
{
	if (!shared_info || callbacks_init()) {
		test_error("shared_info is not mapped, or set_callbacks failed");
		return;
	}
	printk("running on %s, %sprivileged\n", hypervisor_name(), privileged() ? "" : "un");
	yields();
	shutdown_args();
	remote_shutdown();
	block_and_poll();
	unknown();
	if (privileged() && asked("remote"))
		shut_the_other_down();
	if (!privileged()) {
		printk("waiting for domain 0 to shut this domain down\n");
		for (unsigned i = 0; i < 100; i++) {            /* up to 10 s */
			struct sched_poll p = {
				.timeout = shared_info->vcpu_info[0].time.system_time + 100000000ull,
			};
			hypercall_sched_op(SCHEDOP_poll, &p);
		}
		test_failure("still running: domain 0 did not shut this domain down");
	}
	test_success();
}
