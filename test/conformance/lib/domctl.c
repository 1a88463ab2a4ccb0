#include "guest.h"
#include "domctl.h"

struct xen_domctl domctl_request(uint32_t cmd, domid_t dom)
{
	struct xen_domctl dc;

	memset(&dc, 0, sizeof(dc));
	dc.cmd = cmd;
	dc.interface_version = XEN_DOMCTL_INTERFACE_VERSION;
	dc.domain = dom;
	return dc;
}
