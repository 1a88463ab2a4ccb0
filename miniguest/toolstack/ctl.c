/* The control interface as the shell uses it: domctl, one command at a
 * time, and what its errors mean in words. */
#include <string.h>

#include "kernel/hypervisor.h"
#include "toolstack/toolstack.h"

int ctl(uint32_t cmd, uint16_t dom, struct xen_domctl *dc)
{
	dc->cmd = cmd;
	dc->interface_version = XEN_DOMCTL_INTERFACE_VERSION;
	dc->domain = dom;
	return (int)hypercall_domctl(dc);
}

int ctl_info(uint16_t dom, struct xen_domctl_getdomaininfo *info)
{
	struct xen_domctl dc;

	memset(&dc, 0, sizeof(dc));
	int rc = ctl(XEN_DOMCTL_getdomaininfo, dom, &dc);
	if (rc == 0 && dc.domain != dom)
		rc = -XEN_ESRCH;          /* it answered for the next one up */
	if (rc == 0)
		*info = dc.u.getdomaininfo;
	return rc;
}

void ctl_name(const struct xen_domctl_getdomaininfo *info, char *out)
{
	memcpy(out, info->handle, sizeof(info->handle));
	out[sizeof(info->handle)] = '\0';
}

const char *ctl_error(int rc)
{
	switch (-rc) {
	case XEN_EPERM: return "not allowed";
	case XEN_ESRCH: return "no such domain";
	case XEN_ENOMEM: return "not enough free memory";
	case XEN_EINVAL: return "refused (invalid argument)";
	case XEN_E2BIG: return "too big";
	case XEN_EFAULT: return "bad address";
	case XEN_EOVERFLOW: return "paused too many times";
	case XEN_EACCES: return "interface version refused";
	case XEN_ENOSYS: return "this hypervisor has no such command";
	default: return "failed";
	}
}
