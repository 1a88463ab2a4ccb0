/* evtchn_fifo: FIFO event channels: init_control, expand_array,
 * set_priority, queues, and Xen's refusals.
 *
 * Rules checked:
 *   EVT-12 until init_control the two-level ABI is in use: set_priority is
 *          -XEN_ENOSYS, expand_array -XEN_EOPNOTSUPP, sends set bits in
 *          shared_info
 *   EVT-13 init_control refuses a vCPU that is not there (-XEN_ENOENT), an
 *          offset not 8-byte aligned or whose block crosses the page, a
 *          frame not the domain's, a page table, a gfn past memory
 *          (-XEN_EINVAL), an unreadable argument (-XEN_EFAULT); a refused
 *          init_control leaves the two-level ABI in place
 *   EVT-14 init_control says link_bits 17; a second one is -XEN_EINVAL; the
 *          control block's frame is kept writable (it cannot become a page
 *          table) until EVTCHNOP_reset
 *   EVT-15 expand_array refuses frames as init_control does; events pending
 *          before their word had a page are linked when it comes, in port
 *          order; the 129th page is -XEN_ENOSPC
 *   EVT-16 an event is linked onto the tail of its priority's queue
 *          (PENDING|LINKED, HEAD when the queue was empty, the old tail's
 *          LINK otherwise), sets READY and evtchn_upcall_pending, and no
 *          two-level bit; status works as before; set_priority moves later
 *          events to another queue,
 *          refuses priority 16 and ports that are not there (-XEN_EINVAL);
 *          a closed port still LINKED is not handed out again
 *   EVT-17 a MASKED event is only PENDING; after the guest clears MASKED,
 *          EVTCHNOP_unmask links it
 *   EVT-18 VIRQ_TIMER reaches a FIFO guest (SCHEDOP_block returns, the
 *          callback runs); SCHEDOP_poll sees a pending FIFO port
 *   EVT-19 EVTCHNOP_reset goes back to the two-level ABI and lets the
 *          frames go; init_control works again
 */
#include "guest.h"
#include "callbacks.h"
#include "evtchn.h"
#include "pagetable.h"
#include "systime.h"
#include "pvabi/vcpu.h"

const char test_title[] = "evtchn_fifo: FIFO event channels: init_control, expand_array, "
			  "set_priority, queues and their refusals";

#define P (1u << EVTCHN_FIFO_PENDING)
#define M (1u << EVTCHN_FIFO_MASKED)
#define L (1u << EVTCHN_FIFO_LINKED)
#define CB_OFFSET 0x40

static struct pt_frame ctl, arr;
static volatile event_word_t *words;
static volatile struct evtchn_fifo_control_block *cb;
static uint32_t port_a, port_b;        /* the two ends of a loopback channel */

static long init_control(uint64_t gfn, uint32_t offset, uint32_t vcpu, uint8_t *link_bits)
{
	struct evtchn_init_control c = { .control_gfn = gfn, .offset = offset, .vcpu = vcpu };
	long rc = evtchn_op(EVTCHNOP_init_control, &c);
	if (link_bits)
		*link_bits = c.link_bits;
	return rc;
}

static long expand(uint64_t gfn)
{
	struct evtchn_expand_array e = { .array_gfn = gfn };
	return evtchn_op(EVTCHNOP_expand_array, &e);
}

static long set_priority(uint32_t port, uint32_t priority)
{
	struct evtchn_set_priority s = { .port = port, .priority = priority };
	return evtchn_op(EVTCHNOP_set_priority, &s);
}

static long send(uint32_t port)
{
	struct evtchn_send s = { .port = port };
	return evtchn_op(EVTCHNOP_send, &s);
}

static bool two_level_pending(uint32_t port)
{
	return shared_info->evtchn_pending[port / 32] & (1u << (port % 32));
}

/* Take every event off every queue, as a guest that handled them would. */
static void drain(void)
{
	for (unsigned p = 0; p < 64; p++)
		words[p] = 0;
	cb->ready = 0;
	for (unsigned q = 0; q < EVTCHN_FIFO_MAX_QUEUES; q++)
		cb->head[q] = 0;
	shared_info->vcpu_info[0].evtchn_upcall_pending = 0;
}

static void two_level(void)
{
	if (!check_rc("EVT-12", "a loopback channel", evtchn_loopback(&port_a, &port_b), 0))
		test_finish();
	check_rc("EVT-12", "send to the bound end", send(port_a), 0);
	check_rc("EVT-12", "send to the first end", send(port_b), 0);
	check("EVT-12", two_level_pending(port_a) && two_level_pending(port_b),
	      "both ends (%u, %u) are pending in shared_info", port_a, port_b);
	check_rc("EVT-12", "set_priority before init_control", set_priority(port_a, 3),
		 -XEN_ENOSYS);
	check_rc("EVT-12", "expand_array before init_control", expand(arr.mfn), -XEN_EOPNOTSUPP);
}

static void bad_init(void)
{
	check_rc("EVT-13", "init_control for vCPU 4096", init_control(ctl.mfn, 0, 4096, NULL),
		 -XEN_ENOENT);
	check_rc("EVT-13", "offset 4 (not 8-byte aligned)", init_control(ctl.mfn, 4, 0, NULL),
		 -XEN_EINVAL);
	check_rc("EVT-13", "offset 4032 (the block crosses the page)",
		 init_control(ctl.mfn, 4032, 0, NULL), -XEN_EINVAL);
	check_rc("EVT-13", "offset 0xfffffff8", init_control(ctl.mfn, 0xfffffff8, 0, NULL),
		 -XEN_EINVAL);
	uint32_t foreign = pt_foreign_mfn();
	if (foreign != PT_NONE)
		check_rc("EVT-13", "a frame not the domain's", init_control(foreign, 0, 0, NULL),
			 -XEN_EINVAL);
	check_rc("EVT-13", "an L1 page table", init_control(pt_l1_mfn(pt_virt_base()), 0, 0, NULL),
		 -XEN_EINVAL);
	check_rc("EVT-13", "gfn 2^40", init_control(1ull << 40, 0, 0, NULL), -XEN_EINVAL);
	check_rc("EVT-13", "a NULL argument", evtchn_op(EVTCHNOP_init_control, NULL), -XEN_EFAULT);
	check_rc("EVT-13", "still two-level: set_priority", set_priority(port_a, 3), -XEN_ENOSYS);
}

static void good_init(void)
{
	uint8_t bits = 0;
	if (!check_rc("EVT-14", "init_control at offset 0x40", init_control(ctl.mfn, CB_OFFSET, 0, &bits), 0))
		test_finish();
	cb = (void *)(ctl.va + CB_OFFSET);
	check_eq("EVT-14", "link_bits", bits, 17);
	check_rc("EVT-14", "a second init_control", init_control(arr.mfn, 0, 0, NULL), -XEN_EINVAL);
	pt_remap_ro(&ctl);
	long rc = pt_pin(MMUEXT_PIN_L1_TABLE, ctl.mfn);
	check("EVT-14", rc < 0, "the control block's frame cannot be pinned as an L1 (%ld)", rc);
	if (rc == 0)
		pt_unpin(ctl.mfn);
	pt_remap_rw(&ctl);
}

static void first_page(void)
{
	uint32_t foreign = pt_foreign_mfn();
	if (foreign != PT_NONE)
		check_rc("EVT-15", "expand_array with a frame not the domain's", expand(foreign),
			 -XEN_EINVAL);
	check_rc("EVT-15", "expand_array with an L1 page table", expand(pt_l1_mfn(pt_virt_base())),
		 -XEN_EINVAL);
	check_rc("EVT-15", "expand_array with gfn 2^40", expand(1ull << 40), -XEN_EINVAL);
	words = (void *)arr.va;
	if (!check_rc("EVT-15", "expand_array", expand(arr.mfn), 0))
		test_finish();
	check_eq_hex("EVT-15", "the first end's word", words[port_a], P | L | port_b);
	check_eq_hex("EVT-15", "the second end's word", words[port_b], P | L);
	check_eq("EVT-15", "HEAD of queue 7", cb->head[7], port_a);
	check_eq_hex("EVT-15", "READY", cb->ready, 1u << 7);
	check_eq("EVT-15", "evtchn_upcall_pending", shared_info->vcpu_info[0].evtchn_upcall_pending, 1);
}

static void queues(void)
{
	drain();
	for (unsigned i = 0; i < 32; i++)
		shared_info->evtchn_pending[i] = 0;
	check_rc("EVT-16", "send to the second end", send(port_a), 0);
	check_eq_hex("EVT-16", "its word", words[port_b], P | L);
	check_eq("EVT-16", "HEAD of queue 7 (it was empty)", cb->head[7], port_b);
	check_eq_hex("EVT-16", "READY", cb->ready, 1u << 7);
	check_eq("EVT-16", "evtchn_upcall_pending", shared_info->vcpu_info[0].evtchn_upcall_pending, 1);
	check("EVT-16", !two_level_pending(port_b), "no two-level bit is set");
	check_rc("EVT-16", "send to it again", send(port_a), 0);
	check_eq_hex("EVT-16", "its word (merged)", words[port_b], P | L);
	check_rc("EVT-16", "send to the first end", send(port_b), 0);
	check_eq_hex("EVT-16", "the tail's LINK names it", words[port_b], P | L | port_a);
	check_eq_hex("EVT-16", "the first end's word", words[port_a], P | L);
	check_eq("EVT-16", "HEAD stays", cb->head[7], port_b);
	struct evtchn_status st = { .dom = DOMID_SELF, .port = port_a };
	check_rc("EVT-16", "EVTCHNOP_status under FIFO", evtchn_op(EVTCHNOP_status, &st), 0);
	check("EVT-16", st.status == EVTCHNSTAT_interdomain && st.u.interdomain.port == port_b,
	      "it says interdomain, to port %u (%u, %u)", port_b, st.status, st.u.interdomain.port);

	drain();
	check_rc("EVT-16", "set_priority(first end, 3)", set_priority(port_a, 3), 0);
	check_rc("EVT-16", "send to it", send(port_b), 0);
	check_eq("EVT-16", "HEAD of queue 3", cb->head[3], port_a);
	check_eq("EVT-16", "HEAD of queue 7", cb->head[7], 0);
	check_eq_hex("EVT-16", "READY", cb->ready, 1u << 3);
	check_rc("EVT-16", "set_priority 16", set_priority(port_a, 16), -XEN_EINVAL);
	check_rc("EVT-16", "set_priority 0xffffffff", set_priority(port_a, 0xffffffff), -XEN_EINVAL);
	check_rc("EVT-16", "set_priority of port 0xffffffff", set_priority(0xffffffff, 0), -XEN_EINVAL);
	check_rc("EVT-16", "set_priority of port 2^17", set_priority(1u << 17, 0), -XEN_EINVAL);
	check_rc("EVT-16", "set_priority 15", set_priority(port_a, 15), 0);
	check_rc("EVT-16", "set_priority 0 (the highest)", set_priority(port_a, 0), 0);
	drain();
	send(port_b);
	check_eq_hex("EVT-16", "READY after a send at priority 0", cb->ready, 1u << 0);
}

static void masked(void)
{
	drain();
	words[port_b] = M;
	check_rc("EVT-17", "send to a masked port", send(port_a), 0);
	check_eq_hex("EVT-17", "its word", words[port_b], M | P);
	check_eq_hex("EVT-17", "READY", cb->ready, 0);
	check_eq("EVT-17", "evtchn_upcall_pending", shared_info->vcpu_info[0].evtchn_upcall_pending, 0);
	words[port_b] &= ~M;
	struct evtchn_unmask u = { .port = port_b };
	check_rc("EVT-17", "EVTCHNOP_unmask", evtchn_op(EVTCHNOP_unmask, &u), 0);
	check_eq_hex("EVT-17", "its word", words[port_b], P | L);
	check_eq("EVT-17", "HEAD of queue 7", cb->head[7], port_b);
	check_eq("EVT-17", "evtchn_upcall_pending", shared_info->vcpu_info[0].evtchn_upcall_pending, 1);
	u.port = 0xffffffff;
	check_rc("EVT-17", "unmask of port 0xffffffff", evtchn_op(EVTCHNOP_unmask, &u), -XEN_EINVAL);
}

/* A closed port the guest still has on a queue (LINKED) is not handed out
 * again until it comes off; an IPI port works as any other. */
static void ports_under_fifo(void)
{
	struct evtchn_alloc_unbound a = { .dom = DOMID_SELF, .remote_dom = DOMID_SELF };
	struct evtchn_close c;

	drain();
	if (!check_rc("EVT-16", "alloc_unbound", evtchn_op(EVTCHNOP_alloc_unbound, &a), 0))
		return;
	uint32_t p = a.port;
	c.port = p;
	check_rc("EVT-16", "close it", evtchn_op(EVTCHNOP_close, &c), 0);
	words[p] = L;
	check_rc("EVT-16", "alloc_unbound while it is LINKED", evtchn_op(EVTCHNOP_alloc_unbound, &a), 0);
	check("EVT-16", a.port != p, "a port other than the LINKED one (%u, not %u)", a.port, p);
	c.port = a.port;
	evtchn_op(EVTCHNOP_close, &c);
	words[p] = 0;
	check_rc("EVT-16", "alloc_unbound once it is off", evtchn_op(EVTCHNOP_alloc_unbound, &a), 0);
	check_eq("EVT-16", "the port", a.port, p);
	c.port = a.port;
	evtchn_op(EVTCHNOP_close, &c);

	struct evtchn_bind_ipi b = { .vcpu = 0 };
	if (!check_rc("EVT-16", "bind_ipi under FIFO", evtchn_op(EVTCHNOP_bind_ipi, &b), 0))
		return;
	drain();
	check_rc("EVT-16", "send on the IPI port", send(b.port), 0);
	check_eq_hex("EVT-16", "its word", words[b.port], P | L);
	check_eq("EVT-16", "HEAD of queue 7", cb->head[7], b.port);
	c.port = b.port;
	check_rc("EVT-16", "close it", evtchn_op(EVTCHNOP_close, &c), 0);
	check_eq_hex("EVT-16", "its word after close (PENDING cleared)", words[b.port], L);
	drain();
}

static void timer_and_poll(void)
{
	struct evtchn_bind_virq b = { .virq = VIRQ_TIMER, .vcpu = 0 };
	if (!check_rc("EVT-18", "bind_virq(VIRQ_TIMER)", evtchn_op(EVTCHNOP_bind_virq, &b), 0))
		return;
	check_rc("EVT-18", "set_callbacks", callbacks_init(), 0);
	drain();
	uint32_t v;
	uint64_t deadline = system_time_ns(&v) + 2000000;
	check_rc("EVT-18", "set_timer_op(now + 2 ms)",
		 page_hypercall(__HYPERVISOR_set_timer_op, (uint32_t)deadline,
				(uint32_t)(deadline >> 32), 0, 0, 0), 0);
	uint32_t before = upcall_count;
	check_rc("EVT-18", "SCHEDOP_block", hypercall_sched_op(SCHEDOP_block, NULL), 0);
	shared_info->vcpu_info[0].evtchn_upcall_mask = 1;
	check("EVT-18", upcall_count > before, "the callback ran (%u upcalls)", upcall_count - before);
	check_eq_hex("EVT-18", "the timer port's word", words[b.port], P | L);
	check_eq("EVT-18", "HEAD of queue 7", cb->head[7], b.port);

	uint32_t ports[1] = { b.port };
	struct sched_poll p = { .nr_ports = 1, .timeout = system_time_ns(&v) + 5000000000ull };
	set_xen_guest_handle(p.ports, ports);
	check_rc("EVT-18", "SCHEDOP_poll on the pending timer port", hypercall_sched_op(SCHEDOP_poll, &p), 0);
	check("EVT-18", system_time_ns(&v) < p.timeout, "it returned before its 5 s timeout");
}

static void array_limit(void)
{
	uint32_t pages = 1;
	long rc;

	/* The same frame again: Xen takes it (each page is a reference). */
	while ((rc = expand(arr.mfn)) == 0 && pages < 200)
		pages++;
	check_rc("EVT-15", "expand_array past the last page", rc, -XEN_ENOSPC);
	check_eq("EVT-15", "pages taken", pages, 128);
}

static void reset(void)
{
	domid_t self = DOMID_SELF;
	check_rc("EVT-19", "EVTCHNOP_reset", evtchn_op(EVTCHNOP_reset, &self), 0);
	struct evtchn_alloc_unbound a = { .dom = DOMID_SELF, .remote_dom = DOMID_SELF };
	check_rc("EVT-19", "alloc_unbound", evtchn_op(EVTCHNOP_alloc_unbound, &a), 0);
	check_rc("EVT-19", "set_priority (two-level again)", set_priority(a.port, 3), -XEN_ENOSYS);
	for (unsigned i = 0; i < 1024; i++)
		((volatile uint32_t *)ctl.va)[i] = 0;
	pt_remap_ro(&ctl);
	long rc = pt_pin(MMUEXT_PIN_L1_TABLE, ctl.mfn);
	check_rc("EVT-19", "the old control block's frame pins as an L1 now", rc, 0);
	if (rc == 0)
		pt_unpin(ctl.mfn);
	pt_remap_rw(&ctl);
	check_rc("EVT-19", "init_control again", init_control(ctl.mfn, 0, 0, NULL), 0);
	check_rc("EVT-19", "EVTCHNOP_reset", evtchn_op(EVTCHNOP_reset, &self), 0);
}

void test_main(void)
{
	if (!shared_info) {
		test_error("shared_info is not mapped");
		return;
	}
	shared_info->vcpu_info[0].evtchn_upcall_mask = 1;
	/* Xen gives a PV vCPU a periodic VIRQ_TIMER; ringlet does not. */
	page_hypercall(__HYPERVISOR_vcpu_op, VCPUOP_stop_periodic_timer, 0, 0, 0, 0);
	if (!pt_alloc_frame(&ctl) || !pt_alloc_frame(&arr))
		return;
	two_level();
	bad_init();
	good_init();
	first_page();
	queues();
	masked();
	ports_under_fifo();
	timer_and_poll();
	array_limit();
	reset();
	test_success();
}
