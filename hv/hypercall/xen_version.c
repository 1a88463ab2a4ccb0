/* __HYPERVISOR_xen_version (17): who is underneath. ringlet answers as the
 * Xen interface it implements a subset of (4.17), with extraversion
 * "-ringlet" so a guest that cares can tell. */
#include "hypercall/hypercall.h"
#include "arch/x86/layout.h"
#include "arch/x86/uaccess.h"
#include "boot/bootinfo.h"
#include "domain/domain.h"
#include "lib/string.h"
#include "pvabi/version.h"
#include "sched/sched.h"

#define VERSION_MAJOR 4
#define VERSION_MINOR 17

extern const char *hv_cmdline;

static int32_t put(uint32_t arg, const void *src, size_t len)
{
	return copy_to_guest(guest_ptr(arg), src, len) < 0 ? -XEN_EFAULT : 0;
}

/* A fixed-size string answer: NUL-padded to the whole buffer. */
static int32_t put_string(uint32_t arg, const char *s, size_t room)
{
	char buf[1024] = { 0 };
	size_t n = strlen(s);

	memcpy(buf, s, n < room - 1 ? n : room - 1);
	return put(arg, buf, room);
}

HYPERCALL(xen_version)
{
	(void)a3;
	(void)a4;
	(void)a5;
	switch (a1) {
	case XENVER_version:
		return (VERSION_MAJOR << 16) | VERSION_MINOR;
	case XENVER_extraversion:
		return put_string(a2, "-ringlet", sizeof(xen_extraversion_t));
	case XENVER_compile_info: {
		struct xen_compile_info ci = { 0 };
		memcpy(ci.compiler, "clang", 5);
		memcpy(ci.compile_by, "ringlet", 7);
		return put(a2, &ci, sizeof(ci));
	}
	case XENVER_capabilities:
		return put_string(a2, "xen-3.0-x86_32p", sizeof(xen_capabilities_info_t));
	case XENVER_changeset:
		return put_string(a2, "ringlet " RINGLET_VERSION, sizeof(xen_changeset_info_t));
	case XENVER_platform_parameters: {
		struct xen_platform_parameters p = { .virt_start = HOLE_START };
		return put(a2, &p, sizeof(p));
	}
	case XENVER_get_features: {
		struct xen_feature_info fi;
		if (copy_from_guest(&fi, guest_ptr(a2), sizeof(fi)) < 0)
			return -XEN_EFAULT;
		if (fi.submap_idx >= XENFEAT_NR_SUBMAPS)
			return -XEN_EINVAL;
		fi.submap = 0;
		{
			fi.submap = 1u << XENFEAT_mmu_pt_update_preserve_ad;
			if (current->d->privileged)
				fi.submap |= 1u << XENFEAT_dom0;
		}
		return put(a2, &fi, sizeof(fi));
	}
	case XENVER_pagesize:
		return PAGE_SIZE;
	case XENVER_guest_handle: {
		uint8_t handle[16] = { 0 };
		return put(a2, handle, sizeof(handle));
	}
	case XENVER_commandline:
		if (!current->d->privileged)
			return -XEN_EPERM;
		return put_string(a2, hv_cmdline, 1024);
	default:
		return -XEN_ENOSYS;
	}
}
