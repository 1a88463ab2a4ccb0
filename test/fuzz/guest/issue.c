/* Making one round's call: "int $0x82" under the guest's fixup table, so
 * that a fault there is counted instead of ending the run; HYPERVISOR_iret
 * through a frame of the guest's making; ringlet's "int $0x83"; and a
 * timer armed before anything that waits for an event. */
#include "fuzz.h"
#include "callbacks.h"
#include "pvabi/event_channel.h"
#include "systime.h"

static uint32_t timer_port;
bool show_waits;

/* VIRQ_TIMER bound, its port clear and unmasked, the timer due within 2 ms and the
 * event callback in place: a block then ends. A round may have closed the
 * port (and bound it to something else), or bound the VIRQ elsewhere; then
 * every port goes and it is bound again. No random number is drawn here,
 * so that tracing a round does not change the ones after it. */
static void arm_timer(void)
{
	struct evtchn_status st = { .dom = DOMID_SELF, .port = timer_port };
	struct evtchn_bind_virq b = { .virq = VIRQ_TIMER, .vcpu = 0 };

	if (!timer_port || hypercall_event_channel_op(EVTCHNOP_status, &st) ||
	    st.status != EVTCHNSTAT_virq || st.u.virq != VIRQ_TIMER) {
		if (hypercall_event_channel_op(EVTCHNOP_bind_virq, &b)) {
			struct evtchn_reset r = { .dom = DOMID_SELF };
			hypercall_event_channel_op(EVTCHNOP_reset, &r);
			if (hypercall_event_channel_op(EVTCHNOP_bind_virq, &b))
				panic("cannot bind VIRQ_TIMER to wait with");
		}
		timer_port = b.port;
	}
	/* An earlier round may have left the port, or its word in the
	 * selector, pending: a new event would merge with it and raise no
	 * upcall. */
	struct evtchn_unmask um = { .port = timer_port };
	shared_info->evtchn_pending[timer_port / 32] &= ~(1u << (timer_port % 32));
	shared_info->vcpu_info[0].evtchn_pending_sel &= ~(1ul << (timer_port / 32));
	hypercall_event_channel_op(EVTCHNOP_unmask, &um);
	callbacks_init();
	uint64_t now = system_time_ns(NULL);
	long rc = hypercall_set_timer_op(now + 1000000);
	if (show_waits)
		printk("wait: timer port %u (pending %u, masked %u), upcall pending %u, "
		       "selector %#lx, now %u us, set_timer_op %ld\n", timer_port,
		       !!(shared_info->evtchn_pending[timer_port / 32] & (1u << (timer_port % 32))),
		       !!(shared_info->evtchn_mask[timer_port / 32] & (1u << (timer_port % 32))),
		       shared_info->vcpu_info[0].evtchn_upcall_pending,
		       (unsigned long)shared_info->vcpu_info[0].evtchn_pending_sel,
		       (unsigned)(now / 1000), rc);
}

bool timer_comes(uint64_t within_ns)
{
	uint32_t ports[1];
	struct sched_poll p = { .nr_ports = 1 };

	arm_timer();
	ports[0] = timer_port;
	set_xen_guest_handle(p.ports, ports);
	p.timeout = system_time_ns(NULL) + within_ns;
	hypercall_sched_op(SCHEDOP_poll, &p);
	bool came = shared_info->evtchn_pending[timer_port / 32] & (1u << (timer_port % 32));
	hypercall_set_timer_op(0);
	return came;
}

bool waits(const struct call *c)
{
	return (c->nr == __HYPERVISOR_sched_op &&
		(c->arg[0] == SCHEDOP_block || c->arg[0] == SCHEDOP_poll)) ||
	       (c->nr == __HYPERVISOR_sched_op_compat && c->arg[0] == SCHEDOP_block);
}

/* EFLAGS bits an iret frame may carry without upsetting the guest: the
 * arithmetic flags, IF, and IOPL and VM, which the hypervisor must not
 * take (IRET-1). No TF, NT, DF, AC. */
#define IRET_EFLAGS_OK 0x00023ad5u

/* HYPERVISOR_iret back to the next instruction; IRET_MISMATCH when %eax
 * does not come back as the frame had it. */
static long hv_iret(uint32_t eax, uint32_t eflags)
{
	long r = (long)eax;

	eflags = (eflags & IRET_EFLAGS_OK) | 0x2;
	asm volatile("pushl %[fl]\n\t"
		     "pushl %[cs]\n\t"
		     "pushl $1f\n\t"
		     "jmp hypercall_page + %c[n] * 32\n"
		     "1:\n\t"
		     "pushl $2\n\t"
		     "popfl"
		     : "+a"(r)
		     : [fl] "b"(eflags), [cs] "i"(FLAT_RING1_CS), [n] "i"(__HYPERVISOR_iret)
		     : "memory", "cc", "ecx", "edx", "esi", "edi");
	return r == (long)eax ? 0 : IRET_MISMATCH;
}

static bool null_trap(long *rc)
{
	uint32_t before = exception_count;
	long a = 0x5a5a;

	asm volatile("1: int $0x83\n2:\n\t" EXTABLE(1b, 2b) : "+a"(a) : : "memory");
	*rc = a == 0x5a5a ? 0 : a;
	return exception_count == before;
}

bool issue(const struct call *c, long *rc)
{
	if (c->nr == FUZZ_NULL_TRAP)
		return null_trap(rc);
	if (c->nr == __HYPERVISOR_iret) {
		*rc = hv_iret(c->arg[0], c->arg[1]);
		return true;
	}
	if (waits(c))
		arm_timer();
	return probe_hypercall(c->nr, c->arg, rc, NULL);
}
