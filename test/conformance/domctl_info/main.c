/* domctl_info: domctl's getdomaininfo: what the control domain learns of a
 * domain, asking about itself (the referee runs it as Xen's dom0, alone).
 *
 * Rules checked (pvabi/ABI.md):
 *   DOMCTL-1  XEN_DOMCTL_getdomaininfo answers for the domain named or the
 *             next one up, writing its id into xen_domctl.domain and the
 *             answer: its pages (tot_pages is start_info's nr_pages), its
 *             shared_info frame, one vCPU online (max_vcpu_id 0), running
 *             while it asks, and the CPU time it has used, which grows
 *   DOMCTL-2  with no domain at or above the id: -ESRCH; a reserved id
 *             (DOMID_SELF and up): -EINVAL; a wrong interface version:
 *             -EACCES; an unknown command: -ENOSYS; an unreadable
 *             argument: -EFAULT */
#include "guest.h"

#include "domctl.h"

const char test_title[] = "domctl_info: domctl's getdomaininfo: what the control domain "
			  "learns of a domain";

static uint64_t cpu_time_now(void)
{
	struct xen_domctl dc = domctl_request(XEN_DOMCTL_getdomaininfo, 0);

	return hypercall_domctl(&dc) == 0 ? dc.u.getdomaininfo.cpu_time : 0;
}

static void about_itself(void)
{
	struct xen_domctl dc = domctl_request(XEN_DOMCTL_getdomaininfo, 0);
	const struct xen_domctl_getdomaininfo *info = &dc.u.getdomaininfo;

	dc.u.getdomaininfo.domain = 0x1234;     /* must be overwritten */
	if (!check_rc("DOMCTL-1", "getdomaininfo of domain 0", hypercall_domctl(&dc), 0))
		return;
	check_eq("DOMCTL-1", "xen_domctl.domain", dc.domain, 0);
	check_eq("DOMCTL-1", "the answer's domain", info->domain, 0);
	check_eq("DOMCTL-1", "tot_pages (start_info's nr_pages)", (long long)info->tot_pages,
		 start_info->nr_pages);
	check("DOMCTL-1", info->max_pages >= info->tot_pages, "max_pages %llu >= tot_pages",
	      (unsigned long long)info->max_pages);
	check_eq_hex("DOMCTL-1", "shared_info_frame (start_info's shared_info >> 12)",
		     info->shared_info_frame, start_info->shared_info >> 12);
	check_eq("DOMCTL-1", "nr_online_vcpus", info->nr_online_vcpus, 1);
	check_eq("DOMCTL-1", "max_vcpu_id", info->max_vcpu_id, 0);
	check("DOMCTL-1", info->flags & XEN_DOMINF_running, "flags %#x say running",
	      info->flags);
	check("DOMCTL-1", !(info->flags & (XEN_DOMINF_dying | XEN_DOMINF_shutdown |
					   XEN_DOMINF_hvm_guest)),
	      "flags %#x: not dying, shut down or HVM", info->flags);

	uint64_t before = cpu_time_now();
	for (volatile uint32_t spin = 0; spin < 20000000; spin++)
		;
	uint64_t after = cpu_time_now();
	check("DOMCTL-1", before > 0 && after > before, "cpu_time grows (%llu, then %llu ns)",
	      (unsigned long long)before, (unsigned long long)after);
}

static void refused(void)
{
	struct xen_domctl dc = domctl_request(XEN_DOMCTL_getdomaininfo, 1);
	check_rc("DOMCTL-2", "getdomaininfo from domain 1 up (there is none)",
		 hypercall_domctl(&dc), -XEN_ESRCH);
	dc = domctl_request(XEN_DOMCTL_getdomaininfo, DOMID_FIRST_RESERVED - 1);
	check_rc("DOMCTL-2", "getdomaininfo from the last ordinary id up", hypercall_domctl(&dc),
		 -XEN_ESRCH);
	dc = domctl_request(XEN_DOMCTL_getdomaininfo, DOMID_SELF);
	check_rc("DOMCTL-2", "getdomaininfo from DOMID_SELF (a reserved id)",
		 hypercall_domctl(&dc), -XEN_EINVAL);
	dc = domctl_request(XEN_DOMCTL_getdomaininfo, 0);
	dc.interface_version = XEN_DOMCTL_INTERFACE_VERSION - 1;
	check_rc("DOMCTL-2", "an older interface version", hypercall_domctl(&dc), -XEN_EACCES);
	dc = domctl_request(999, 0);
	check_rc("DOMCTL-2", "command 999", hypercall_domctl(&dc), -XEN_ENOSYS);
	check_rc("DOMCTL-2", "a NULL argument", hypercall_domctl(NULL), -XEN_EFAULT);
	check_rc("DOMCTL-2", "an unmapped argument",
		 hypercall_domctl((struct xen_domctl *)(uintptr_t)initial_region_end()),
		 -XEN_EFAULT);
}

void test_main(void)
{
	about_itself();
	refused();
	test_success();
}
