/* __HYPERVISOR_vcpu_op (24): per-vCPU controls. Every domain has one vCPU,
 * number 0; the others do not exist (-XEN_ENOENT). Offered: is_up,
 * initialise (always -XEN_EEXIST, vCPU 0 being up), the
 * runstate record, the one-shot timer (the same one as set_timer_op) and a
 * periodic timer, both raising VIRQ_TIMER. */
#include "hypercall/hypercall.h"
#include "arch/x86/uaccess.h"
#include "domain/domain.h"
#include "pvabi/vcpu.h"
#include "sched/sched.h"
#include "time/clock.h"
#include "time/timer.h"

#define PERIOD_MIN_NS  1000000ull            /* 1 ms, as Xen */
#define PERIOD_MAX_NS  (1ull << 62)

static int32_t runstate_info(struct vcpu *v, guest_ptr_t arg)
{
	struct vcpu_runstate_info r = { .state = v->runstate, .state_entry_time = v->runstate_entry };

	for (int i = 0; i < 4; i++)
		r.time[i] = runstate_ns(v, (enum runstate)i);
	return copy_to_guest(arg, &r, sizeof(r)) < 0 ? -XEN_EFAULT : 0;
}

static int32_t periodic(struct vcpu *v, guest_ptr_t arg)
{
	struct vcpu_set_periodic_timer p;

	if (copy_from_guest(&p, arg, sizeof(p)) < 0)
		return -XEN_EFAULT;
	if (p.period_ns < PERIOD_MIN_NS || p.period_ns > PERIOD_MAX_NS)
		return -XEN_EINVAL;
	v->period_ns = p.period_ns;
	timer_set(&v->periodic_timer, clock_ns() + p.period_ns);
	return 0;
}

static int32_t singleshot(struct vcpu *v, guest_ptr_t arg)
{
	struct vcpu_set_singleshot_timer s;

	if (copy_from_guest(&s, arg, sizeof(s)) < 0)
		return -XEN_EFAULT;
	/* VCPU_SSHOTTMR_future is ignored, as Xen 4.17 ignores it: a deadline
	 * in the past fires at once. Deadlines are signed, as Xen's: 2^63 and
	 * above is before system time 0. */
	timer_set(&v->timer, (int64_t)s.timeout_abs_ns < 0 ? 0 : s.timeout_abs_ns);
	return 0;
}

/* vCPU 0 is always initialised: Xen's answer for a vCPU that is up, given
 * once the context is known to be readable (XSA-296: nothing of it is
 * used). Read a piece at a time: it is large for a hypervisor stack. */
static int32_t initialise(guest_ptr_t arg)
{
	uint8_t piece[256];

	for (uint32_t at = 0; at < VCPU_GUEST_CONTEXT_SIZE; at += sizeof(piece)) {
		uint32_t n = VCPU_GUEST_CONTEXT_SIZE - at;
		if (copy_from_guest(piece, guest_ptr_add(arg, at, 1),
				    n < sizeof(piece) ? n : sizeof(piece)) < 0)
			return -XEN_EFAULT;
	}
	return -XEN_EEXIST;
}

HYPERCALL(vcpu_op)
{
	struct vcpu *v = current;
	guest_ptr_t arg = guest_ptr(a3);

	(void)a4;
	(void)a5;
	if (a2 != v->id)
		return -XEN_ENOENT;
	switch (a1) {
	case VCPUOP_initialise:
		return initialise(arg);
	case VCPUOP_is_up:
		return 1;
	case VCPUOP_get_runstate_info:
		return runstate_info(v, arg);
	case VCPUOP_set_periodic_timer:
		return periodic(v, arg);
	case VCPUOP_stop_periodic_timer:
		timer_cancel(&v->periodic_timer);
		return 0;
	case VCPUOP_set_singleshot_timer:
		return singleshot(v, arg);
	case VCPUOP_stop_singleshot_timer:
		timer_cancel(&v->timer);
		return 0;
	default:
		return -XEN_ENOSYS;
	}
}
