/* __HYPERVISOR_domctl (36): the control interface, privileged domain only.
 * Each command lives in a file of its own (domctl_*.c); this one checks the
 * wrapper, finds the domain a command is about and copies the answer back. */
#include "hypercall/hypercall.h"
#include "hypercall/domctl.h"
#include "arch/x86/uaccess.h"
#include "domain/domain.h"
#include "sched/sched.h"

/* The commands about an existing domain, named in xen_domctl.domain: as
 * on Xen, the domain is looked for before the command. */
static int on_domain(struct xen_domctl *dc)
{
	struct domain *d = domain_by_id(dc->domain);

	if (!d)
		return -XEN_ESRCH;
	switch (dc->cmd) {
	case XEN_DOMCTL_destroydomain:
		return domctl_destroydomain(d);
	case XEN_DOMCTL_pausedomain:
		return domctl_pausedomain(d);
	case XEN_DOMCTL_unpausedomain:
		return domain_unpause(d);
	case XEN_DOMCTL_max_mem:
		return domctl_max_mem(d, &dc->u.max_mem);
	case XEN_DOMCTL_scheduler_op:
		return domctl_scheduler_op(d, &dc->u.scheduler_op);
	case RINGLET_DOMCTL_getaccount:
		return domctl_getaccount(d, &dc->u.getaccount);
	default:
		return -XEN_ENOSYS;
	}
}

HYPERCALL(domctl)
{
	struct xen_domctl dc;
	guest_ptr_t arg = guest_ptr(a1);

	(void)a2;
	(void)a3;
	(void)a4;
	(void)a5;
	if (!current->d->privileged)
		return -XEN_EPERM;
	if (copy_from_guest(&dc, arg, sizeof(dc)) < 0)
		return -XEN_EFAULT;
	if (dc.interface_version != XEN_DOMCTL_INTERFACE_VERSION)
		return -XEN_EACCES;
	int rc;
	if (dc.cmd == XEN_DOMCTL_getdomaininfo)
		rc = domctl_getdomaininfo(&dc);
	else if (dc.cmd == XEN_DOMCTL_createdomain)
		rc = domctl_createdomain(&dc);
	else if (dc.cmd == RINGLET_DOMCTL_load_image)
		rc = domctl_load_image(&dc);
	else
		rc = on_domain(&dc);
	if (rc == 0 && copy_to_guest(arg, &dc, sizeof(dc)) < 0)
		return -XEN_EFAULT;
	return rc;
}
