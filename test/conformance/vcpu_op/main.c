/* vcpu_op: per-vCPU controls.
 *
 * Rules checked:
 *   VCPU-1  vCPU 0 is up (VCPUOP_is_up returns 1); any other vCPU number is
 *           -XEN_ENOENT; an unknown command is -XEN_ENOSYS
 *   VCPU-2  VCPUOP_get_runstate_info reports RUNSTATE_running for the caller,
 *           and its running time grows as it runs; an unwritable record is
 *           -XEN_EFAULT
 *   VCPU-3  a periodic timer below 1 ms is -XEN_EINVAL; a 2 ms one raises
 *           VIRQ_TIMER again and again until stopped
 *   VCPU-4  a one-shot timer whose deadline has passed -- deadline 0
 *           too -- fires at once, with or without VCPU_SSHOTTMR_future (Xen
 *           4.17 ignores the flag and returns 0, where older Xen returned
 *           -ETIME); deadlines are signed, so 2^64-1 ns is past too
 *   TIME-2  set_timer_op with a deadline that wrapped (2^63 ns or more) or
 *           more than 2^50 ns ahead fires 100 ms from now, as on Xen
 */
#include "guest.h"
#include "systime.h"
#include "pvabi/event_channel.h"
#include "pvabi/vcpu.h"

const char test_title[] = "vcpu_op: per-vCPU timers and the runstate record";

static long vcpu_op(uint32_t cmd, uint32_t vcpu, void *arg)
{
	return page_hypercall(__HYPERVISOR_vcpu_op, cmd, vcpu, (uint32_t)arg, 0, 0);
}

static uint32_t timer_port;

static bool take_timer_event(void)
{
	uint32_t w = timer_port / 32, bit = 1u << (timer_port % 32);
	bool was = shared_info->evtchn_pending[w] & bit;
	shared_info->evtchn_pending[w] &= ~bit;
	return was;
}

/* Poll the timer's port (masked: no upcalls) with a timeout. */
static bool wait_timer(uint64_t timeout_ns)
{
	uint32_t ports[1] = { timer_port };
	struct sched_poll p = { .nr_ports = 1, .timeout = system_time_ns(NULL) + timeout_ns };
	set_xen_guest_handle(p.ports, ports);
	hypercall_sched_op(SCHEDOP_poll, &p);
	return take_timer_event();
}

void test_main(void)
{
	struct vcpu_runstate_info r1, r2;

	if (!shared_info) {
		test_error("shared_info is not mapped");
		return;
	}
	check_rc("VCPU-1", "is_up(0)", vcpu_op(VCPUOP_is_up, 0, NULL), 1);
	check_rc("VCPU-1", "is_up(1)", vcpu_op(VCPUOP_is_up, 1, NULL), -XEN_ENOENT);
	check_rc("VCPU-1", "is_up(0xffffffff)", vcpu_op(VCPUOP_is_up, 0xffffffff, NULL), -XEN_ENOENT);
	check_rc("VCPU-1", "an unknown command (99)", vcpu_op(99, 0, NULL), -XEN_ENOSYS);

	check_rc("VCPU-2", "get_runstate_info", vcpu_op(VCPUOP_get_runstate_info, 0, &r1), 0);
	check_eq("VCPU-2", "state", r1.state, RUNSTATE_running);
	for (volatile int i = 0; i < 200000; i++)
		;
	vcpu_op(VCPUOP_get_runstate_info, 0, &r2);
	check("VCPU-2", r2.time[RUNSTATE_running] > r1.time[RUNSTATE_running],
	      "running time grew by %llu ns",
	      (unsigned long long)(r2.time[RUNSTATE_running] - r1.time[RUNSTATE_running]));
	check_rc("VCPU-2", "get_runstate_info into NULL",
		 vcpu_op(VCPUOP_get_runstate_info, 0, NULL), -XEN_EFAULT);
	check_rc("VCPU-2", "get_runstate_info into the hole",
		 vcpu_op(VCPUOP_get_runstate_info, 0, (void *)0xff000000), -XEN_EFAULT);

	struct evtchn_bind_virq b = { .virq = VIRQ_TIMER, .vcpu = 0 };
	long rc = page_hypercall(__HYPERVISOR_event_channel_op, EVTCHNOP_bind_virq,
				 (uint32_t)&b, 0, 0, 0);
	if (rc != 0) {
		test_error("bind_virq(VIRQ_TIMER): %ld", rc);
		return;
	}
	timer_port = b.port;
	shared_info->evtchn_mask[timer_port / 32] |= 1u << (timer_port % 32);

	struct vcpu_set_periodic_timer p = { .period_ns = 999999 };
	check_rc("VCPU-3", "a periodic timer of 999999 ns", vcpu_op(VCPUOP_set_periodic_timer, 0, &p),
		 -XEN_EINVAL);
	p.period_ns = 2000000;
	check_rc("VCPU-3", "a periodic timer of 2 ms", vcpu_op(VCPUOP_set_periodic_timer, 0, &p), 0);
	unsigned ticks = 0;
	for (int i = 0; i < 3; i++)
		ticks += wait_timer(50000000);
	check_eq("VCPU-3", "VIRQ_TIMER events in three waits", ticks, 3);
	check_rc("VCPU-3", "stop_periodic_timer", vcpu_op(VCPUOP_stop_periodic_timer, 0, NULL), 0);
	take_timer_event();
	check("VCPU-3", !wait_timer(10000000), "no event within 10 ms once stopped");

	struct vcpu_set_singleshot_timer s = { .timeout_abs_ns = system_time_ns(NULL) - 1000000,
					       .flags = VCPU_SSHOTTMR_future };
	check_rc("VCPU-4", "a one-shot timer in the past with _future",
		 vcpu_op(VCPUOP_set_singleshot_timer, 0, &s), 0);
	check("VCPU-4", wait_timer(50000000), "it fires at once");
	s.flags = 0;
	check_rc("VCPU-4", "a one-shot timer in the past without it",
		 vcpu_op(VCPUOP_set_singleshot_timer, 0, &s), 0);
	check("VCPU-4", wait_timer(50000000), "it fires at once");
	/* Deadline 0 is the earliest past there is, not "no deadline". */
	s.timeout_abs_ns = 0;
	check_rc("VCPU-4", "a one-shot timer at 0", vcpu_op(VCPUOP_set_singleshot_timer, 0, &s), 0);
	check("VCPU-4", wait_timer(50000000), "it fires at once");
	s.flags = VCPU_SSHOTTMR_future;
	check_rc("VCPU-4", "a one-shot timer at 0 with _future",
		 vcpu_op(VCPUOP_set_singleshot_timer, 0, &s), 0);
	check("VCPU-4", wait_timer(50000000), "it fires at once");
	/* Deadlines are signed: 2^63 ns and above is before system time 0. */
	s.timeout_abs_ns = ~0ull;
	s.flags = 0;
	check_rc("VCPU-4", "a one-shot timer at 2^64-1 ns",
		 vcpu_op(VCPUOP_set_singleshot_timer, 0, &s), 0);
	check("VCPU-4", wait_timer(50000000), "it fires at once");
	s.timeout_abs_ns = system_time_ns(NULL) + 200000000;
	check_rc("VCPU-4", "a one-shot timer 200 ms ahead",
		 vcpu_op(VCPUOP_set_singleshot_timer, 0, &s), 0);
	check_rc("VCPU-4", "stop_singleshot_timer", vcpu_op(VCPUOP_stop_singleshot_timer, 0, NULL), 0);
	check("VCPU-4", !wait_timer(300000000), "no event within 300 ms once stopped");

	/* set_timer_op takes a deadline that wrapped, or one more than 2^50 ns
	 * (13 days) ahead, as a guest bug: its timer fires 100 ms from now. */
	check_rc("TIME-2", "set_timer_op(2^64-1)", hypercall_set_timer_op(~0ull), 0);
	check("TIME-2", !wait_timer(30000000), "no event within 30 ms");
	check("TIME-2", wait_timer(1000000000), "an event within the next second");
	check_rc("TIME-2", "set_timer_op(now + 2^51 ns)",
		 hypercall_set_timer_op(system_time_ns(NULL) + (1ull << 51)), 0);
	check("TIME-2", !wait_timer(30000000), "no event within 30 ms");
	check("TIME-2", wait_timer(1000000000), "an event within the next second");
	test_success();
}
