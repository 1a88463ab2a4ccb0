/* GNTTABOP_set_version and GNTTABOP_get_version. ringlet has version 1
 * only: asking for it is fine, asking for 2 is -ENOSYS (what Xen answers
 * when version 2 is off), anything else -EINVAL; the version in force is
 * written back either way. */
#include "grant/grant.h"
#include "grant/lookup.h"
#include "arch/x86/uaccess.h"
#include "pvabi/errno.h"

int gnttab_set_version(uint32_t uop)
{
	struct gnttab_set_version op;

	if (copy_from_guest(&op, guest_ptr(uop), sizeof(op)) < 0)
		return -XEN_EFAULT;
	int rc = op.version == 1 ? 0 : op.version == 2 ? -XEN_ENOSYS : -XEN_EINVAL;
	op.version = 1;
	if (copy_to_guest(guest_ptr(uop), &op, sizeof(op)) < 0)
		return -XEN_EFAULT;
	return rc;
}

int gnttab_get_version(uint32_t uop)
{
	struct gnttab_get_version op;
	struct domain *d;

	if (copy_from_guest(&op, guest_ptr(uop), sizeof(op)) < 0)
		return -XEN_EFAULT;
	int rc = gnttab_lookup(op.dom, &d);
	if (rc < 0)
		return rc;
	op.version = 1;
	if (copy_to_guest(guest_ptr(uop + PV_OFFSETOF(struct gnttab_get_version, version)),
			  &op.version, sizeof(op.version)) < 0)
		return -XEN_EFAULT;
	return 0;
}
