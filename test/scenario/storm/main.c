/* Scenario guest: misbehaviour and its witnesses, by command line.
 *
 *   "events"  binds to port 1 offered by domain 0 and sends on it as fast as
 *             it can for STORM_MS of system time (an event storm)
 *   "faults"  takes page faults in a loop for STORM_MS (a fault storm; its
 *             handler resumes it each time)
 *   "watch"   (domain 0) binds VIRQ_DOM_EXC and waits for it: the
 *             hypervisor raises it when another domain ends (EVT-9)
 *   "yield"   yields YIELDS times; beside another yielder each yield is a
 *             switch to the other domain and back, timed for test/bench/run
 *   "schedctl" (domain 0) reads and sets domain 1's BVT parameters through
 *             the control interface (SCHED-11); "unprivileged" (domain 1)
 *             finds the control interface closed to it
 *   "latency=US"  an I/O-like domain: a 1 ms timer, WAKES times, beside CPU
 *             hogs; how late each wake-up comes. SCHED-8: the median is
 *             within US (its latency hint) *
 *
 * The well-behaved neighbour is test/scenario/share, which must still get
 * its share of the CPU (SCHED-7). */
#include "guest.h"
#include "evtchn.h"
#include "systime.h"
#include "pvabi/domctl.h"

#define STORM_MS 1200

const char test_title[] = "storm: an event or fault storm, or a watcher of domains ending";

static void event_storm(void)
{
	uint32_t port;
	long rc = bind_offered_port(0, 1, &port);
	if (rc != 0) {
		test_error("bind_interdomain to domain 0, port 1: %ld", rc);
		return;
	}
	struct evtchn_send s = { .port = port };
	uint64_t end = system_time_ns(NULL) + STORM_MS * 1000000ull;
	unsigned sent = 0;
	while (system_time_ns(NULL) < end) {
		evtchn_op(EVTCHNOP_send, &s);
		sent++;
	}
	printk("sent %u events\n", sent);
	test_success();
}

static void fault_storm(void)
{
	uint64_t end = system_time_ns(NULL) + STORM_MS * 1000000ull;
	unsigned faults = 0;
	uint32_t v;

	while (system_time_ns(NULL) < end)
		faults += !probe_read32(0, &v, NULL);
	printk("took %u page faults\n", faults);
	test_success();
}

#define YIELDS 2000

static void yielder(void)
{
	uint64_t t0 = rdtsc();
	for (unsigned i = 0; i < YIELDS; i++)
		hypercall_sched_op(SCHEDOP_yield, NULL);
	uint64_t per_yield = (rdtsc() - t0) / YIELDS;
	t0 = rdtsc();
	for (unsigned i = 0; i < YIELDS; i++)
		hypercall_xen_version(XENVER_version, NULL);
	uint64_t null_hc = (rdtsc() - t0) / YIELDS;
	/* Two switches (there and back) per yield of ours. */
	printk("BENCH {\"metric\": \"domain_switch\", \"value\": %u, \"unit\": \"cycles\", "
	       "\"floor\": %u}\n", (unsigned)(per_yield / 2), (unsigned)null_hc);
	test_success();
}

#define WAKES 200

static int cmp_u64(uint64_t a, uint64_t b)
{
	return a < b ? -1 : a > b;
}

static void latency(uint32_t hint_us)
{
	static uint64_t late[WAKES];
	struct evtchn_bind_virq b = { .virq = VIRQ_TIMER, .vcpu = 0 };

	if (evtchn_op(EVTCHNOP_bind_virq, &b)) {
		test_error("bind_virq(VIRQ_TIMER) failed");
		return;
	}
	shared_info->evtchn_mask[b.port / 32] |= 1u << (b.port % 32);
	uint32_t ports[1] = { b.port };
	for (unsigned i = 0; i < WAKES; i++) {
		uint64_t deadline = system_time_ns(NULL) + 1000000;
		page_hypercall(__HYPERVISOR_set_timer_op, (uint32_t)deadline,
			       (uint32_t)(deadline >> 32), 0, 0, 0);
		struct sched_poll p = { .nr_ports = 1, .timeout = 0 };
		set_xen_guest_handle(p.ports, ports);
		while (!(shared_info->evtchn_pending[b.port / 32] & (1u << (b.port % 32))))
			hypercall_sched_op(SCHEDOP_poll, &p);
		uint64_t now = system_time_ns(NULL);
		shared_info->evtchn_pending[b.port / 32] &= ~(1u << (b.port % 32));
		late[i] = now > deadline ? now - deadline : 0;
	}
	for (unsigned i = 1; i < WAKES; i++)
		for (unsigned j = i; j > 0 && cmp_u64(late[j - 1], late[j]) > 0; j--) {
			uint64_t t = late[j];
			late[j] = late[j - 1];
			late[j - 1] = t;
		}
	unsigned p50 = (unsigned)(late[WAKES / 2] / 1000), p99 = (unsigned)(late[WAKES * 99 / 100] / 1000);
	printk("wake-up lateness: median %u us, 99th percentile %u us, worst %u us\n", p50, p99,
	       (unsigned)(late[WAKES - 1] / 1000));
	printk("BENCH {\"metric\": \"wakeup_latency_p50\", \"value\": %u, \"unit\": \"us\", "
	       "\"floor\": null}\n", p50);
	printk("BENCH {\"metric\": \"wakeup_latency_p99\", \"value\": %u, \"unit\": \"us\", "
	       "\"floor\": null}\n", p99);
	if (hint_us)
		check("SCHED-8", p50 <= hint_us, "the median wake-up came %u us late (hint %u us)",
		      p50, hint_us);
	test_success();
}

static struct xen_domctl sched_op(domid_t dom, uint32_t sched_id, uint32_t cmd)
{
	struct xen_domctl dc = { .cmd = XEN_DOMCTL_scheduler_op,
				 .interface_version = XEN_DOMCTL_INTERFACE_VERSION, .domain = dom };
	dc.u.scheduler_op.sched_id = sched_id;
	dc.u.scheduler_op.cmd = cmd;
	return dc;
}

/* Waits up to timeout_ns for an event on port (masked, so no upcall). */
static bool wait_for_event(uint32_t port, uint64_t timeout_ns)
{
	uint32_t w = port / 32, bit = 1u << (port % 32);
	uint32_t ports[1] = { port };
	struct sched_poll p = { .nr_ports = 1, .timeout = system_time_ns(NULL) + timeout_ns };

	shared_info->evtchn_mask[w] |= bit;
	set_xen_guest_handle(p.ports, ports);
	hypercall_sched_op(SCHEDOP_poll, &p);
	return shared_info->evtchn_pending[w] & bit;
}

static void schedctl(void)
{
	struct xen_domctl dc = sched_op(1, RINGLET_SCHEDULER_BVT, XEN_DOMCTL_SCHEDOP_getinfo);
	check_rc("SCHED-11", "getinfo of domain 1", hypercall_domctl(&dc), 0);
	check_eq("SCHED-11", "its weight", dc.u.scheduler_op.u.bvt.weight, 3);
	dc = sched_op(1, RINGLET_SCHEDULER_BVT, XEN_DOMCTL_SCHEDOP_putinfo);
	dc.u.scheduler_op.u.bvt.weight = 7;
	check_rc("SCHED-11", "putinfo weight 7", hypercall_domctl(&dc), 0);
	dc = sched_op(1, RINGLET_SCHEDULER_BVT, XEN_DOMCTL_SCHEDOP_getinfo);
	hypercall_domctl(&dc);
	check_eq("SCHED-11", "the weight read back", dc.u.scheduler_op.u.bvt.weight, 7);
	dc = sched_op(1, RINGLET_SCHEDULER_BVT, XEN_DOMCTL_SCHEDOP_putinfo);
	dc.u.scheduler_op.u.bvt.weight = 0;
	check_rc("SCHED-11", "putinfo weight 0", hypercall_domctl(&dc), -XEN_EINVAL);
	dc = sched_op(1, RINGLET_SCHEDULER_ATROPOS, XEN_DOMCTL_SCHEDOP_getinfo);
	check_rc("SCHED-11", "getinfo naming a scheduler that is not running", hypercall_domctl(&dc),
		 -XEN_EINVAL);
	dc = sched_op(0x7000, RINGLET_SCHEDULER_BVT, XEN_DOMCTL_SCHEDOP_getinfo);
	check_rc("SCHED-11", "getinfo of a domain that does not exist", hypercall_domctl(&dc), -XEN_ESRCH);
	dc = sched_op(1, RINGLET_SCHEDULER_BVT, 9);
	check_rc("SCHED-11", "an unknown scheduler command", hypercall_domctl(&dc), -XEN_EINVAL);
	dc = sched_op(1, RINGLET_SCHEDULER_BVT, XEN_DOMCTL_SCHEDOP_getinfo);
	dc.interface_version = 1;
	check_rc("SCHED-11", "an old interface version", hypercall_domctl(&dc), -XEN_EACCES);
	dc = sched_op(1, RINGLET_SCHEDULER_BVT, XEN_DOMCTL_SCHEDOP_getinfo);
	dc.cmd = 999;                 /* none (1, createdomain, exists now) */
	check_rc("SCHED-11", "another domctl command", hypercall_domctl(&dc), -XEN_ENOSYS);
	check_rc("SCHED-11", "a NULL argument", hypercall_domctl(NULL), -XEN_EFAULT);
	/* Walking the domains: from 1 up the answer is domain 1, then none. */
	dc = sched_op(1, 0, 0);
	dc.cmd = XEN_DOMCTL_getdomaininfo;
	if (check_rc("DOMCTL-1", "getdomaininfo from domain 1 up", hypercall_domctl(&dc), 0))
		check_eq("DOMCTL-1", "the domain it answers for", dc.u.getdomaininfo.domain, 1);
	dc = sched_op(2, 0, 0);
	dc.cmd = XEN_DOMCTL_getdomaininfo;
	check_rc("DOMCTL-1", "getdomaininfo from domain 2 up", hypercall_domctl(&dc), -XEN_ESRCH);
	/* Domain 1 must outlive the checks above: it waits for this offer,
	 * binds it and says so, and only then ends; and this domain waits for
	 * that, so that domain 1 finds it alive to bind to. */
	struct evtchn_alloc_unbound done = { .dom = DOMID_SELF, .remote_dom = 1 };
	if (check_rc("SCHED-11", "alloc_unbound for domain 1, saying the checks are over",
		     evtchn_op(EVTCHNOP_alloc_unbound, &done), 0))
		check("SCHED-11", wait_for_event(done.port, 10000000000ull),
		      "domain 1 bound the offer and sent an event");
	test_success();
}

static void unprivileged(void)
{
	struct xen_domctl dc = sched_op(0, RINGLET_SCHEDULER_BVT, XEN_DOMCTL_SCHEDOP_getinfo);
	check_rc("SCHED-11", "domctl from an unprivileged domain", hypercall_domctl(&dc), -XEN_EPERM);
	dc.cmd = XEN_DOMCTL_getdomaininfo;
	check_rc("DOMCTL-2", "getdomaininfo from an unprivileged domain", hypercall_domctl(&dc),
		 -XEN_EPERM);
	/* The commands that change domains, aimed at domain 0 itself. */
	static const uint32_t changes[] = { XEN_DOMCTL_createdomain, XEN_DOMCTL_destroydomain,
					    XEN_DOMCTL_pausedomain, XEN_DOMCTL_unpausedomain,
					    XEN_DOMCTL_max_mem, RINGLET_DOMCTL_load_image };
	for (unsigned i = 0; i < sizeof(changes) / sizeof(changes[0]); i++) {
		dc.cmd = changes[i];
		dc.domain = 0;
		check_rc("DOMCTL-8", "a domctl that changes a domain, from an unprivileged domain",
			 hypercall_domctl(&dc), -XEN_EPERM);
	}
	uint32_t port;
	struct evtchn_send send;
	if (check_rc("SCHED-11", "domain 0's offer, once it has done with this domain",
		     bind_offered_port(0, 1, &port), 0)) {
		send.port = port;
		check_rc("SCHED-11", "an event to domain 0", evtchn_op(EVTCHNOP_send, &send), 0);
	}
	test_success();
}

static void watch(void)
{
	struct evtchn_bind_virq b = { .virq = VIRQ_DOM_EXC, .vcpu = 0 };
	if (!check_rc("EVT-9", "bind_virq(VIRQ_DOM_EXC) in domain 0",
		      evtchn_op(EVTCHNOP_bind_virq, &b), 0))
		return;
	/* Only now may the crasher go: it waits to bind this offer, port 2. */
	struct evtchn_alloc_unbound go = { .dom = DOMID_SELF, .remote_dom = 1 };
	if (!check_rc("EVT-9", "alloc_unbound for domain 1", evtchn_op(EVTCHNOP_alloc_unbound, &go), 0))
		return;
	check("EVT-9", wait_for_event(b.port, 10000000000ull),
	      "VIRQ_DOM_EXC arrived when the other domain ended");
	test_success();
}

void test_main(void)
{
	const char *role = start_info->cmd_line;

	if (strcmp(role, "events") == 0)
		event_storm();
	else if (strcmp(role, "faults") == 0)
		fault_storm();
	else if (strcmp(role, "watch") == 0)
		watch();
	else if (strcmp(role, "yield") == 0)
		yielder();
	else if (strcmp(role, "schedctl") == 0)
		schedctl();
	else if (strcmp(role, "unprivileged") == 0)
		unprivileged();
	else if (strncmp(role, "latency=", 8) == 0) {
		uint32_t us = 0;
		for (const char *c = role + 8; *c >= '0' && *c <= '9'; c++)
			us = us * 10 + (uint32_t)(*c - '0');
		latency(us);
	}
	else
		test_error("say events, faults, watch, yield or latency=US on the command line");
}
