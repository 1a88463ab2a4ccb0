/* events: event channels, the upcall, waiting for events, and time.
 *
 * Rules checked:
 *   EVT-1  a loopback channel (alloc_unbound for ourselves, then
 *          bind_interdomain to it) connects: status says interdomain on both
 *          ends, and a send on one end marks the other end pending
 *   EVT-2  a pending, unmasked port raises evtchn_upcall_pending and its word
 *          in evtchn_pending_sel; with a callback registered and events
 *          enabled, the guest enters the callback with events masked
 *   EVT-3  a masked port stays pending without an upcall; unmask raises it
 *   EVT-4  send on a closed port, a port beyond 1023, or a virq port is
 *          -XEN_EINVAL; close of a closed port is -XEN_EINVAL; an unknown
 *          command is -XEN_ENOSYS; an unreadable argument is -XEN_EFAULT
 *   EVT-5  bind_virq: VIRQ_TIMER binds once (-XEN_EEXIST the second time),
 *          vCPU 1 is -XEN_ENOENT, an out-of-range virq -XEN_EINVAL
 *   EVT-6  ports run out cleanly: allocation ends with -XEN_ENOSPC, and a
 *          freed port can be allocated again
 *   EVT-10 an event raised while the guest is in its callback (events
 *          masked) does not re-enter it; it is delivered once the guest
 *          enables events again
 *   EVT-11 bind_ipi gives a port whose send marks itself pending; bind_vcpu
 *          refuses IPI and closed ports (and takes vCPU 0 for a channel);
 *          EVTCHNOP_reset closes every port of the domain
 *   TIME-1 vcpu_time_info has an even version and system time that moves
 *          forward with the TSC
 *   TIME-2 set_timer_op raises VIRQ_TIMER at or after its deadline;
 *          SCHEDOP_block returns once it has
 *   TIME-3 SCHEDOP_poll on a port that is not pending returns at its timeout
 */
#include "guest.h"
#include "systime.h"
#include "evtchn.h"
#include "pvabi/vcpu.h"

const char test_title[] = "events: event channels, upcalls, block, poll, timers and guest time";

static volatile unsigned upcalls, depth, deepest;
static volatile uint8_t mask_in_callback;
static volatile uint32_t resend_port;      /* sent from inside the callback, once */

void event_callback(void);
void on_event(void);

/* The event callback: note it, clear the flag, return with events still
 * masked (a plain iret keeps the mask the hypervisor set). */
asm(".text\n"
    ".globl event_callback\n"
    "event_callback:\n"
    "	pushl %eax\n"
    "	pushl %ecx\n"
    "	pushl %edx\n"
    "	call on_event\n"
    "	popl %edx\n"
    "	popl %ecx\n"
    "	popl %eax\n"
    "	iret\n");

void on_event(void)
{
	if (++depth > deepest)
		deepest = depth;
	mask_in_callback = shared_info->vcpu_info[0].evtchn_upcall_mask;
	shared_info->vcpu_info[0].evtchn_upcall_pending = 0;
	upcalls++;
	if (resend_port) {
		/* Take the first event as a handler would (clear its bits), then
		 * raise a second one while still inside the callback. */
		struct evtchn_send s = { .port = resend_port };
		shared_info->evtchn_pending[resend_port / 32] &= ~(1u << (resend_port % 32));
		shared_info->vcpu_info[0].evtchn_pending_sel = 0;
		resend_port = 0;
		page_hypercall(__HYPERVISOR_event_channel_op, EVTCHNOP_send, (uint32_t)&s, 0, 0, 0);
	}
	depth--;
}

static bool pending(uint32_t port)
{
	return shared_info->evtchn_pending[port / 32] & (1u << (port % 32));
}

static void clear_pending(uint32_t port)
{
	shared_info->evtchn_pending[port / 32] &= ~(1u << (port % 32));
	shared_info->vcpu_info[0].evtchn_pending_sel = 0;
	shared_info->vcpu_info[0].evtchn_upcall_pending = 0;
}

static uint32_t loopback(void)
{
	struct evtchn_alloc_unbound a = { .dom = DOMID_SELF, .remote_dom = DOMID_SELF };
	check_rc("EVT-1", "alloc_unbound for ourselves", evtchn_op(EVTCHNOP_alloc_unbound, &a), 0);
	struct evtchn_bind_interdomain b = { .remote_dom = DOMID_SELF, .remote_port = a.port };
	check_rc("EVT-1", "bind_interdomain to it", evtchn_op(EVTCHNOP_bind_interdomain, &b), 0);
	struct { uint32_t port, vcpu; } bv = { b.local_port, 0 };
	check_rc("EVT-11", "bind_vcpu of a channel to vCPU 0", evtchn_op(EVTCHNOP_bind_vcpu, &bv), 0);
	struct evtchn_status s = { .dom = DOMID_SELF, .port = a.port };
	check_rc("EVT-1", "status of the first end", evtchn_op(EVTCHNOP_status, &s), 0);
	check_eq("EVT-1", "its state", s.status, EVTCHNSTAT_interdomain);
	check_eq("EVT-1", "its peer port", s.u.interdomain.port, b.local_port);
	clear_pending(b.local_port);
	struct evtchn_send snd = { .port = a.port };
	shared_info->evtchn_mask[b.local_port / 32] |= 1u << (b.local_port % 32);
	check_rc("EVT-1", "send on the first end", evtchn_op(EVTCHNOP_send, &snd), 0);
	check("EVT-1", pending(b.local_port), "the other end (port %u) is pending", b.local_port);
	return b.local_port;
}

static void upcalls_and_masks(uint32_t port)
{
	/* EVT-3: masked and pending, no upcall until unmasked. */
	check("EVT-3", shared_info->vcpu_info[0].evtchn_upcall_pending == 0,
	      "a masked pending port raises no upcall");
	long rc = page_hypercall(__HYPERVISOR_set_callbacks, FLAT_RING1_CS,
				 (uint32_t)event_callback, FLAT_RING1_CS, (uint32_t)event_callback, 0);
	check_rc("EVT-2", "set_callbacks", rc, 0);
	struct evtchn_unmask u = { .port = port };
	shared_info->vcpu_info[0].evtchn_upcall_mask = 1;
	check_rc("EVT-3", "unmask", evtchn_op(EVTCHNOP_unmask, &u), 0);
	check("EVT-3", shared_info->vcpu_info[0].evtchn_upcall_pending == 1,
	      "unmasking a pending port raises evtchn_upcall_pending");
	check("EVT-2", shared_info->vcpu_info[0].evtchn_pending_sel & (1u << (port / 32)),
	      "and its word in evtchn_pending_sel");
	unsigned before = upcalls;
	shared_info->vcpu_info[0].evtchn_upcall_mask = 0;
	/* Any trap into the hypervisor delivers the upcall on the way back. */
	hypercall_xen_version(XENVER_version, NULL);
	check("EVT-2", upcalls == before + 1, "enabling events delivered one upcall (%u)",
	      upcalls - before);
	check("EVT-2", mask_in_callback == 1, "the callback ran with events masked");
	shared_info->vcpu_info[0].evtchn_upcall_mask = 1;
	clear_pending(port);
}

static void bad_ports(uint32_t virq_port)
{
	struct evtchn_send s = { .port = 1023 };
	check_rc("EVT-4", "send on a closed port", evtchn_op(EVTCHNOP_send, &s), -XEN_EINVAL);
	s.port = 1024;
	check_rc("EVT-4", "send on port 1024", evtchn_op(EVTCHNOP_send, &s), -XEN_EINVAL);
	s.port = 0xffffffff;
	check_rc("EVT-4", "send on port 0xffffffff", evtchn_op(EVTCHNOP_send, &s), -XEN_EINVAL);
	s.port = virq_port;
	check_rc("EVT-4", "send on a virq port", evtchn_op(EVTCHNOP_send, &s), -XEN_EINVAL);
	struct evtchn_close c = { .port = 1023 };
	check_rc("EVT-4", "close of a closed port", evtchn_op(EVTCHNOP_close, &c), -XEN_EINVAL);
	check_rc("EVT-4", "an unknown command (99)", evtchn_op(99, &s), -XEN_ENOSYS);
	check_rc("EVT-4", "send with a NULL argument", evtchn_op(EVTCHNOP_send, NULL), -XEN_EFAULT);
	check_rc("EVT-4", "send with an argument in the hole",
		 evtchn_op(EVTCHNOP_send, (void *)0xff000000), -XEN_EFAULT);

	/* The old form: one argument, the command first. */
	struct { uint32_t cmd; struct evtchn_send send; } compat = { EVTCHNOP_send, { 1023 } };
	check_rc("EVT-4", "event_channel_op_compat: send on a closed port",
		 page_hypercall(__HYPERVISOR_event_channel_op_compat, (uint32_t)&compat, 0, 0, 0, 0),
		 -XEN_EINVAL);
	check_rc("EVT-4", "event_channel_op_compat with a NULL argument",
		 page_hypercall(__HYPERVISOR_event_channel_op_compat, 0, 0, 0, 0, 0), -XEN_EFAULT);

	/* Domains that do not exist, and a port offered to someone else. */
	struct evtchn_bind_interdomain b = { .remote_dom = 0x7000, .remote_port = 1 };
	check_rc("EVT-4", "bind_interdomain to a domain that does not exist",
		 evtchn_op(EVTCHNOP_bind_interdomain, &b), -XEN_ESRCH);
	struct evtchn_alloc_unbound a = { .dom = DOMID_SELF, .remote_dom = 0x7000 };
	check_rc("EVT-4", "alloc_unbound offered to domain 0x7000", evtchn_op(EVTCHNOP_alloc_unbound, &a), 0);
	b.remote_dom = DOMID_SELF;
	b.remote_port = a.port;
	check_rc("EVT-4", "binding ourselves to a port offered to domain 0x7000",
		 evtchn_op(EVTCHNOP_bind_interdomain, &b), -XEN_EINVAL);
	c.port = a.port;
	evtchn_op(EVTCHNOP_close, &c);
}

static uint32_t timer_virq(void)
{
	struct evtchn_bind_virq b = { .virq = VIRQ_TIMER, .vcpu = 0 };
	check_rc("EVT-5", "bind_virq(VIRQ_TIMER)", evtchn_op(EVTCHNOP_bind_virq, &b), 0);
	uint32_t port = b.port;
	check_rc("EVT-5", "bind_virq(VIRQ_TIMER) again", evtchn_op(EVTCHNOP_bind_virq, &b), -XEN_EEXIST);
	struct evtchn_bind_virq v1 = { .virq = VIRQ_DEBUG, .vcpu = 1 };
	check_rc("EVT-5", "bind_virq on vCPU 1", evtchn_op(EVTCHNOP_bind_virq, &v1), -XEN_ENOENT);
	struct evtchn_bind_virq big = { .virq = 1000, .vcpu = 0 };
	check_rc("EVT-5", "bind_virq(1000)", evtchn_op(EVTCHNOP_bind_virq, &big), -XEN_EINVAL);
	return port;
}

static void exhaustion(void)
{
	struct evtchn_alloc_unbound a = { .dom = DOMID_SELF, .remote_dom = DOMID_SELF };
	uint32_t first = 0, last = 0, n = 0;
	long rc;

	while ((rc = evtchn_op(EVTCHNOP_alloc_unbound, &a)) == 0 && n < 2000) {
		if (!first)
			first = a.port;
		last = a.port;
		n++;
	}
	check_rc("EVT-6", "allocation after the last free port", rc, -XEN_ENOSPC);
	check("EVT-6", last < 1024, "every port handed out is below 1024 (last %u, %u in all)", last, n);
	struct evtchn_close c = { .port = first };
	check_rc("EVT-6", "closing one", evtchn_op(EVTCHNOP_close, &c), 0);
	check_rc("EVT-6", "allocating again", evtchn_op(EVTCHNOP_alloc_unbound, &a), 0);
	check_eq("EVT-6", "the port it gets", a.port, first);
	for (uint32_t p = first; p <= last; p++) {
		c.port = p;
		evtchn_op(EVTCHNOP_close, &c);
	}
}

static void time_and_timers(uint32_t timer_port, uint32_t quiet_port)
{
	uint32_t v1, v2;

	/* Xen starts a 10 ms periodic VIRQ_TIMER for every PV vCPU (ringlet
	 * does not): stop it, or it ends the waits below early. */
	page_hypercall(__HYPERVISOR_vcpu_op, VCPUOP_stop_periodic_timer, 0, 0, 0, 0);
	uint64_t t1 = system_time_ns(&v1);
	for (volatile int i = 0; i < 100000; i++)
		;
	uint64_t t2 = system_time_ns(&v2);
	check("TIME-1", (v1 & 1) == 0 && (v2 & 1) == 0, "the version is even (%u, %u)", v1, v2);
	check("TIME-1", t2 > t1, "system time moves forward (%llu ns later)",
	      (unsigned long long)(t2 - t1));

	clear_pending(timer_port);
	uint64_t deadline = system_time_ns(&v1) + 2000000;        /* 2 ms */
	long rc = page_hypercall(__HYPERVISOR_set_timer_op, (uint32_t)deadline,
				 (uint32_t)(deadline >> 32), 0, 0, 0);
	check_rc("TIME-2", "set_timer_op(now + 2 ms)", rc, 0);
	/* Block with the callback in place: it runs when the timer fires. */
	unsigned before = upcalls;
	rc = hypercall_sched_op(SCHEDOP_block, NULL);
	uint64_t woke = system_time_ns(&v1);
	check_rc("TIME-2", "SCHEDOP_block", rc, 0);
	check("TIME-2", woke >= deadline, "it returned after the deadline (%lld us after)",
	      (long long)(woke - deadline) / 1000);
	check("TIME-2", upcalls > before && pending(timer_port),
	      "VIRQ_TIMER's port is pending and the callback ran");
	shared_info->vcpu_info[0].evtchn_upcall_mask = 1;
	clear_pending(timer_port);

	/* Poll a port nothing will ever raise, with a 3 ms timeout: the loopback
	 * port, masked and clear (not the timer's: Xen gives every PV vCPU a
	 * periodic VIRQ_TIMER until the guest stops it). */
	uint32_t ports[1] = { quiet_port };
	struct sched_poll p = { .nr_ports = 1, .timeout = system_time_ns(&v1) + 3000000 };
	set_xen_guest_handle(p.ports, ports);
	rc = hypercall_sched_op(SCHEDOP_poll, &p);
	uint64_t back = system_time_ns(&v1);
	check_rc("TIME-3", "SCHEDOP_poll with a timeout", rc, 0);
	check("TIME-3", back >= p.timeout, "it returned at the timeout (%lld us after)",
	      (long long)(back - p.timeout) / 1000);
}

/* An IPI port; an event sent from inside the callback waits for the
 * callback to finish and events to be enabled again. */
static void reentry_and_ipi(void)
{
	struct evtchn_bind_ipi b = { .vcpu = 0 };
	if (!check_rc("EVT-11", "bind_ipi", evtchn_op(EVTCHNOP_bind_ipi, &b), 0))
		return;
	struct evtchn_send s = { .port = b.port };
	shared_info->vcpu_info[0].evtchn_upcall_mask = 1;
	check_rc("EVT-11", "send on the IPI port", evtchn_op(EVTCHNOP_send, &s), 0);
	check("EVT-11", pending(b.port), "the IPI port is pending");
	struct { uint32_t port, vcpu; } bv = { b.port, 0 };
	check_rc("EVT-11", "bind_vcpu of the IPI port (it stays with its vCPU)",
		 evtchn_op(EVTCHNOP_bind_vcpu, &bv), -XEN_EINVAL);
	bv.port = 1022;
	check_rc("EVT-11", "bind_vcpu of a closed port", evtchn_op(EVTCHNOP_bind_vcpu, &bv), -XEN_EINVAL);

	unsigned before = upcalls;
	deepest = 0;
	resend_port = b.port;
	clear_pending(b.port);
	evtchn_op(EVTCHNOP_send, &s);                 /* the first event */
	shared_info->vcpu_info[0].evtchn_upcall_mask = 0;
	hypercall_xen_version(XENVER_version, NULL);  /* delivers it; the callback sends again */
	check("EVT-10", upcalls == before + 1 && deepest == 1,
	      "one upcall, not nested, while the second event waits (%u upcalls, depth %u)",
	      upcalls - before, deepest);
	check("EVT-10", shared_info->vcpu_info[0].evtchn_upcall_pending == 1,
	      "the second event left evtchn_upcall_pending set");
	shared_info->vcpu_info[0].evtchn_upcall_mask = 0;
	hypercall_xen_version(XENVER_version, NULL);
	check("EVT-10", upcalls == before + 2, "enabling events again delivered it (%u upcalls)",
	      upcalls - before);
	shared_info->vcpu_info[0].evtchn_upcall_mask = 1;
	clear_pending(b.port);
}

static void reset_closes_all(uint32_t some_port)
{
	domid_t self = DOMID_SELF;
	check_rc("EVT-11", "EVTCHNOP_reset(DOMID_SELF)", evtchn_op(EVTCHNOP_reset, &self), 0);
	struct evtchn_status st = { .dom = DOMID_SELF, .port = some_port };
	check_rc("EVT-11", "status after the reset", evtchn_op(EVTCHNOP_status, &st), 0);
	check_eq("EVT-11", "the port's state", st.status, EVTCHNSTAT_closed);
}

void test_main(void)
{
	if (!shared_info) {
		test_error("shared_info is not mapped");
		return;
	}
	shared_info->vcpu_info[0].evtchn_upcall_mask = 1;
	uint32_t port = loopback();
	upcalls_and_masks(port);
	uint32_t tport = timer_virq();
	bad_ports(tport);
	exhaustion();
	reentry_and_ipi();
	clear_pending(port);
	time_and_timers(tport, port);
	reset_closes_all(tport);
	test_success();
}
