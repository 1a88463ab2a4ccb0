/* Scenario guest: as idle as a guest can be. It says it is alive, then
 * blocks until its deadline -- "until=MS" on its command line, in ms of
 * system time -- and powers off. Linked at 3 MiB, its whole initial region
 * is 1 MiB, so hundreds of them fit in a small machine (mem=1M).
 *
 *   ISO-3  many domains are alive at once; each gets to run, and each
 *          idle one costs the CPU nothing while it waits */
#include "guest.h"
#include "pvabi/event_channel.h"
#include "cmdline.h"

const char test_title[] = "idle: alive, then blocked until its deadline";

void test_main(void)
{
	struct evtchn_bind_virq b = { .virq = VIRQ_TIMER, .vcpu = 0 };
	uint64_t deadline = cmdline_number("until", 0) * 1000000;

	printk("alive\n");
	if (page_hypercall(__HYPERVISOR_event_channel_op, EVTCHNOP_bind_virq, (uint32_t)&b, 0, 0, 0)) {
		test_error("bind_virq(VIRQ_TIMER) failed");
		return;
	}
	shared_info->evtchn_mask[b.port / 32] |= 1u << (b.port % 32);
	page_hypercall(__HYPERVISOR_set_timer_op, (uint32_t)deadline, (uint32_t)(deadline >> 32),
		       0, 0, 0);
	uint32_t ports[1] = { b.port };
	struct sched_poll p = { .nr_ports = 1, .timeout = 0 };
	set_xen_guest_handle(p.ports, ports);
	hypercall_sched_op(SCHEDOP_poll, &p);
	test_success();
}
