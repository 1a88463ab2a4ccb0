/* __HYPERVISOR_sched_op (29), and its older form sched_op_compat (6) whose
 * argument is a value rather than a pointer: give up the CPU, or stop. */
#include "hypercall/hypercall.h"
#include "arch/x86/uaccess.h"
#include "domain/domain.h"
#include "pvabi/sched.h"
#include "sched/sched.h"

static int32_t shutdown(struct domain *d, uint32_t reason)
{
	if (reason >= SHUTDOWN_MAX)
		return -XEN_EINVAL;
	domain_shutdown(d, (int)reason);
	return 0;
}

static int32_t remote_shutdown(guest_ptr_t arg)
{
	struct sched_remote_shutdown rs;

	if (!current->d->privileged)
		return -XEN_EPERM;
	if (copy_from_guest(&rs, arg, sizeof(rs)) < 0)
		return -XEN_EFAULT;
	struct domain *d = domain_by_id(rs.domain_id);
	if (!d)
		return -XEN_ESRCH;
	return shutdown(d, rs.reason);
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
	default:
		return -XEN_ENOSYS;
	}
}

HYPERCALL(sched_op_compat)
{
	(void)a3;
	(void)a4;
	(void)a5;
	switch (a1) {
	case SCHEDOP_yield:
		sched_yield();
		return 0;
	case SCHEDOP_shutdown:
		return shutdown(current->d, a2);
	default:
		return -XEN_ENOSYS;
	}
}
