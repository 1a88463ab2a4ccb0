/* Scenario guest: an attacker of the timer queue. It arms its one-shot
 * timer with every hostile deadline a guest can pass -- 0, 1, UINT64_MAX,
 * deadlines long past, the current instant -- through both
 * VCPUOP_set_singleshot_timer and set_timer_op, re-arming as fast as it
 * can, for one second of system time; then it leaves deadline 0 armed for
 * another second, and powers off by itself:
 *
 *   block  after each arming it waits for the timer on its port (with a
 *          poll timeout of its own, so a deadline that never comes does not
 *          stop it)
 *   spin   it never waits: it re-arms in a loop, then spins with deadline 0
 *          armed until the two seconds are over
 *
 * It checks nothing of its own: the neighbour beside it (ISO-4, ISO-5)
 * says whether the hypervisor kept time for everyone. It reports how many
 * of its timers fired, so a run shows the deadlines were really taken. */
#include "guest.h"
#include "pvabi/event_channel.h"
#include "pvabi/vcpu.h"
#include "systime.h"

#define RUN_NS   2000000000ull            /* 2 s of system time */
#define WAIT_NS  50000000ull              /* the longest one wait may take */

const char test_title[] = "attack_timer: hostile one-shot deadlines, then block or spin";

static uint32_t port;

static uint64_t hostile(uint32_t i, uint64_t now)
{
	switch (i % 6) {
	case 0: return 0;
	case 1: return 1;
	case 2: return UINT64_MAX;
	case 3: return now > 1000000000ull ? now - 1000000000ull : 2;
	case 4: return now;
	default: return UINT64_MAX - 1;
	}
}

static void arm(uint32_t i, uint64_t deadline)
{
	struct vcpu_set_singleshot_timer s = { .timeout_abs_ns = deadline, .flags = 0 };

	/* set_timer_op(0) cancels (the ABI): only the vcpu_op path passes 0 on. */
	if (i % 2 && deadline)
		hypercall_set_timer_op(deadline);
	else
		page_hypercall(__HYPERVISOR_vcpu_op, VCPUOP_set_singleshot_timer, 0, (uint32_t)&s, 0, 0);
}

static bool take_event(void)
{
	uint32_t w = port / 32, bit = 1u << (port % 32);
	bool was = shared_info->evtchn_pending[w] & bit;

	shared_info->evtchn_pending[w] &= ~bit;
	return was;
}

static void wait_event(void)
{
	uint32_t ports[1] = { port };
	struct sched_poll p = { .nr_ports = 1, .timeout = system_time_ns(NULL) + WAIT_NS };

	set_xen_guest_handle(p.ports, ports);
	hypercall_sched_op(SCHEDOP_poll, &p);
}

void test_main(void)
{
	struct evtchn_bind_virq b = { .virq = VIRQ_TIMER, .vcpu = 0 };
	bool block = strcmp(start_info->cmd_line, "block") == 0;
	uint32_t armed = 0, fired = 0;

	if (!block && strcmp(start_info->cmd_line, "spin") != 0) {
		test_error("the command line must be 'block' or 'spin'");
		return;
	}
	if (hypercall_event_channel_op(EVTCHNOP_bind_virq, &b)) {
		test_error("bind_virq(VIRQ_TIMER) failed");
		return;
	}
	port = b.port;
	shared_info->evtchn_mask[port / 32] |= 1u << (port % 32);
	printk("attacking (%s)\n", start_info->cmd_line);
	uint64_t start = system_time_ns(NULL), now = start;
	/* First half: every hostile value in turn, as fast as it can. */
	while (now - start < RUN_NS / 2) {
		arm(armed, hostile(armed, now));
		armed++;
		if (block)
			wait_event();
		fired += take_event();
		now = system_time_ns(NULL);
	}
	/* Second half: deadline 0 left armed while it blocks or spins. */
	while (now - start < RUN_NS) {
		arm(0, 0);
		armed++;
		if (block)
			wait_event();
		else
			while ((now = system_time_ns(NULL)) - start < RUN_NS)
				;
		fired += take_event();
		now = system_time_ns(NULL);
	}
	/* The last deadline may be one that never comes; leave none behind. */
	page_hypercall(__HYPERVISOR_vcpu_op, VCPUOP_stop_singleshot_timer, 0, 0, 0, 0);
	printk("armed %u hostile deadlines, %u timer events seen\n", armed, fired);
	test_success();
}
