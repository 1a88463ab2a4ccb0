/* domctl_control: domctl's destroydomain, pausedomain, unpausedomain and
 * max_mem as Xen has them, from the control domain alone (the referee runs
 * it as Xen's dom0): bad ids, the caller itself, the limit it sets.
 *
 * Rules checked (pvabi/ABI.md):
 *   DOMCTL-4  a domain that does not exist: -ESRCH; pausing itself:
 *             -EINVAL; unpausing a domain the toolstack has not paused:
 *             -EINVAL; a wrong interface version: -EACCES
 *   DOMCTL-5  max_mem sets max_pages (KiB / 4), which getdomaininfo reads
 *             back, below tot_pages too (taking nothing away) */
#include "guest.h"

#include "domctl.h"

const char test_title[] = "domctl_control: domctl's destroy, pause, unpause and max_mem: "
			  "bad ids, the caller itself, limits";

static long issue(uint32_t cmd, domid_t dom)
{
	struct xen_domctl dc = domctl_request(cmd, dom);

	return hypercall_domctl(&dc);
}

static void refused(void)
{
	static const struct { uint32_t cmd; const char *name; } cmds[] = {
		{ XEN_DOMCTL_destroydomain, "destroydomain" },
		{ XEN_DOMCTL_pausedomain, "pausedomain" },
		{ XEN_DOMCTL_unpausedomain, "unpausedomain" },
		{ XEN_DOMCTL_max_mem, "max_mem" },
	};
	char what[64];

	for (unsigned i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
		format(what, sizeof(what), "%s of domain 999 (none)", cmds[i].name);
		check_rc("DOMCTL-4", what, issue(cmds[i].cmd, 999), -XEN_ESRCH);
		format(what, sizeof(what), "%s of DOMID_SELF", cmds[i].name);
		check_rc("DOMCTL-4", what, issue(cmds[i].cmd, DOMID_SELF), -XEN_ESRCH);
		struct xen_domctl dc = domctl_request(cmds[i].cmd, 0);
		dc.interface_version = XEN_DOMCTL_INTERFACE_VERSION + 1;
		format(what, sizeof(what), "%s with a newer interface version", cmds[i].name);
		check_rc("DOMCTL-4", what, hypercall_domctl(&dc), -XEN_EACCES);
	}
	check_rc("DOMCTL-4", "pausing itself", issue(XEN_DOMCTL_pausedomain, 0), -XEN_EINVAL);
	check_rc("DOMCTL-4", "unpausing itself (not paused)", issue(XEN_DOMCTL_unpausedomain, 0),
		 -XEN_EINVAL);
}

static uint64_t max_pages(void)
{
	struct xen_domctl dc = domctl_request(XEN_DOMCTL_getdomaininfo, 0);

	return hypercall_domctl(&dc) == 0 ? dc.u.getdomaininfo.max_pages : 0;
}

static long set_max(uint64_t kb)
{
	struct xen_domctl dc = domctl_request(XEN_DOMCTL_max_mem, 0);

	dc.u.max_mem.max_memkb = kb;
	return hypercall_domctl(&dc);
}

static void max_mem(void)
{
	uint64_t before = max_pages(), pages = start_info->nr_pages;

	check_rc("DOMCTL-5", "max_mem: 4 MiB more than it has", set_max(pages * 4 + 4096), 0);
	check_eq("DOMCTL-5", "max_pages read back", (long long)max_pages(), (long long)pages + 1024);
	check_rc("DOMCTL-5", "max_mem: half what it has", set_max(pages * 2), 0);
	check_eq("DOMCTL-5", "max_pages read back", (long long)max_pages(), (long long)pages / 2);
	check_rc("DOMCTL-5", "max_mem: back as it was", set_max(before * 4), 0);
	check_eq("DOMCTL-5", "max_pages read back", (long long)max_pages(), (long long)before);
}

void test_main(void)
{
	refused();
	max_mem();
	test_success();
}
