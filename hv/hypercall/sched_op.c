/* __HYPERVISOR_sched_op (29), and its older form sched_op_compat (6) whose
 * argument is a value rather than a pointer: give up the CPU, or stop. */
#include "hypercall/hypercall.h"
#include "arch/x86/uaccess.h"
#include "domain/domain.h"
#include "pvabi/sched.h"
#include "sched/sched.h"
#include "lib/string.h"
#include "pvabi/shared_info.h"
#include "time/timer.h"

static int32_t shutdown(struct domain *d, uint32_t reason)
{
	if (reason >= SHUTDOWN_MAX)
		return -XEN_EINVAL;
	domain_shutdown(d, (int)reason);
	return 0;
}

/* ringlet's extension: a shutdown that reports the guest's exit status too,
 * refused as SCHEDOP_shutdown is. */
static int32_t ringlet_exit(struct domain *d, guest_ptr_t arg)
{
	struct sched_exit e;

	if (copy_from_guest(&e, arg, sizeof(e)) < 0)
		return -XEN_EFAULT;
	if (e.reason >= SHUTDOWN_MAX)
		return -XEN_EINVAL;
	domain_exit(d, (int)e.reason, e.status);
	return 0;
}

/* ringlet's extension: whom the caller works for (domain/account.c). */
static int32_t serving(struct domain *d, guest_ptr_t arg)
{
	struct sched_serving s;

	if (copy_from_guest(&s, arg, sizeof(s)) < 0)
		return -XEN_EFAULT;
	if (s._pad)
		return -XEN_EINVAL;
	return account_serve(d, s.domid);
}

/* In Xen's order: the argument, then the domain, then the permission. */
static int32_t remote_shutdown(guest_ptr_t arg)
{
	struct sched_remote_shutdown rs;

	if (copy_from_guest(&rs, arg, sizeof(rs)) < 0)
		return -XEN_EFAULT;
	struct domain *d = domain_by_id(rs.domain_id);
	if (!d)
		return -XEN_ESRCH;
	if (!current->d->privileged)
		return -XEN_EPERM;
	return shutdown(d, rs.reason);
}

/* Wait for an event, with event delivery enabled as part of waiting. */
static int32_t block(struct vcpu *v)
{
	struct vcpu_info *vi = &v->d->shared_info->vcpu_info[v->id];

	vi->evtchn_upcall_mask = 0;
	if (!vi->evtchn_upcall_pending)
		sched_block(v);
	return 0;
}

#define POLL_MAX_PORTS 128

/* Wait until one of the ports is pending (masked or not), or the timeout
 * (system time; 0 for none) passes. Returns 0 either way. */
static int32_t poll(struct vcpu *v, guest_ptr_t arg)
{
	struct sched_poll p;
	uint32_t ports[POLL_MAX_PORTS];

	if (copy_from_guest(&p, arg, sizeof(p)) < 0)
		return -XEN_EFAULT;
	if (p.nr_ports > POLL_MAX_PORTS)
		return -XEN_EINVAL;
	if (copy_from_guest(ports, p.ports, p.nr_ports * sizeof(uint32_t)) < 0)
		return -XEN_EFAULT;
	memset(v->poll_ports, 0, sizeof(v->poll_ports));
	for (uint32_t i = 0; i < p.nr_ports; i++) {
		if (ports[i] >= NR_EVENT_CHANNELS)
			return -XEN_EINVAL;
		if (evtchn_is_pending(v->d, ports[i]))
			return 0;
		v->poll_ports[ports[i] / 32] |= 1u << (ports[i] % 32);
	}
	v->polling = true;
	if (p.timeout)
		timer_set(&v->poll_timer, p.timeout);
	sched_block(v);
	return 0;
}

HYPERCALL(sched_op)
{
	struct sched_shutdown sd;

	(void)a3;
	(void)a4;
	(void)a5;
	switch (a1) {
	case SCHEDOP_yield:
		sched_yield();
		return 0;
	case SCHEDOP_shutdown:
		if (copy_from_guest(&sd, guest_ptr(a2), sizeof(sd)) < 0)
			return -XEN_EFAULT;
		return shutdown(current->d, sd.reason);
	case SCHEDOP_shutdown_code:
		if (copy_from_guest(&sd, guest_ptr(a2), sizeof(sd)) < 0)
			return -XEN_EFAULT;
		if (sd.reason >= SHUTDOWN_MAX)
			return -XEN_EINVAL;
		current->d->shutdown_code = (int)sd.reason;
		return 0;
	case SCHEDOP_remote_shutdown:
		return remote_shutdown(guest_ptr(a2));
	case SCHEDOP_ringlet_exit:
		return ringlet_exit(current->d, guest_ptr(a2));
	case SCHEDOP_ringlet_serving:
		return serving(current->d, guest_ptr(a2));
	case SCHEDOP_block:
		return block(current);
	case SCHEDOP_poll:
		return poll(current, guest_ptr(a2));
	default:
		return -XEN_ENOSYS;
	}
}

/* Only shutdown takes its argument differently; yield and block are the
 * same operations as in sched_op. */
HYPERCALL(sched_op_compat)
{
	(void)a3;
	(void)a4;
	(void)a5;
	switch (a1) {
	case SCHEDOP_shutdown:
		return shutdown(current->d, a2);
	case SCHEDOP_yield:
	case SCHEDOP_block:
		return do_sched_op(a1, 0, 0, 0, 0);
	default:
		return -XEN_ENOSYS;
	}
}
