/* GNTTABOP_query_size: the table's frames now and at most. */
#include "grant/grant.h"
#include "grant/lookup.h"
#include "arch/x86/uaccess.h"
#include "domain/domain.h"
#include "pvabi/errno.h"

int gnttab_query_size(uint32_t uop)
{
	struct gnttab_query_size op;
	struct domain *d;

	if (copy_from_guest(&op, guest_ptr(uop), sizeof(op)) < 0)
		return -XEN_EFAULT;
	int r = gnttab_lookup(op.dom, &d);
	struct grant_table *gt = r == 0 ? gnttab_of(d) : NULL;
	if (r == -XEN_ESRCH) {
		op.status = GNTST_bad_domain;
	} else if (r < 0) {
		op.status = GNTST_permission_denied;
	} else if (!gt) {
		op.status = GNTST_general_error;
	} else {
		op.nr_frames = gt->nr_frames;
		op.max_nr_frames = gt->max_frames;
		op.status = GNTST_okay;
	}
	return copy_to_guest(guest_ptr(uop), &op, sizeof(op)) < 0 ? -XEN_EFAULT : 0;
}
