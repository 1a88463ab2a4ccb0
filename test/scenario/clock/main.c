/* Scenario guest: its clock against the host's. It says when it starts,
 * sleeps "ms=" milliseconds of system time (poll timeouts on a port that
 * never fires), and says how long it slept by its own clock. The test
 * harness times the two lines as they reach the host (host_interval in
 * scenario.tests); test/bench/run clock gives the drift in ppm.
 *
 *   TIME-5  system time runs at the host's rate: a guest's sleep of N
 *           seconds by its own clock takes N seconds of the host's */
#include "guest.h"
#include "pvabi/event_channel.h"
#include "systime.h"
#include "cmdline.h"

#define TICK_NS  250000000ull

const char test_title[] = "clock: sleeps by system time while the host times it";

void test_main(void)
{
	struct evtchn_alloc_unbound a = { .dom = DOMID_SELF, .remote_dom = DOMID_SELF };
	uint64_t ns = cmdline_number("ms", 5000) * 1000000;

	/* A port nobody signals: the poll returns on its timeout only. */
	if (hypercall_event_channel_op(EVTCHNOP_alloc_unbound, &a)) {
		test_error("alloc_unbound failed");
		return;
	}
	uint32_t ports[1] = { a.port };
	struct sched_poll p = { .nr_ports = 1 };
	set_xen_guest_handle(p.ports, ports);

	uint64_t start = system_time_ns(NULL), now = start;
	printk("clock: start\n");
	/* At once a second line: the host's gap between the two is what its
	 * timing of lines can resolve. */
	printk("clock: sleeping %u ms\n", (unsigned)(ns / 1000000));
	/* A line every TICK_NS on the way, for the benchmark to fit. */
	for (uint64_t tick = start + TICK_NS; now - start < ns; now = system_time_ns(NULL)) {
		if (now >= tick) {
			printk("clock: at %u us\n", (unsigned)((now - start) / 1000));
			tick += TICK_NS;
		}
		p.timeout = tick < start + ns ? tick : start + ns;
		hypercall_sched_op(SCHEDOP_poll, &p);
	}
	uint64_t us = (now - start) / 1000;
	printk("clock: slept %u.%06u s by its own clock\n", (unsigned)(us / 1000000),
	       (unsigned)(us % 1000000));
	test_success();
}
