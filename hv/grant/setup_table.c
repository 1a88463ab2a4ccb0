/* GNTTABOP_setup_table: grow the table to nr_frames frames (up to the
 * domain's maximum) and give the frame numbers of the first nr_frames.
 * Growing goes frame by frame within the hypercall budget; the call is
 * issued again to go on. */
#include "grant/grant.h"
#include "grant/lookup.h"
#include "arch/arch.h"
#include "arch/x86/uaccess.h"
#include "domain/domain.h"
#include "pvabi/errno.h"

static int16_t setup(struct gnttab_setup_table *op, int *rc)
{
	struct domain *d;
	int r = gnttab_lookup(op->dom, &d);

	*rc = 0;
	if (r == -XEN_ESRCH)
		return GNTST_bad_domain;
	if (r < 0)
		return GNTST_permission_denied;
	struct grant_table *gt = gnttab_of(d);
	if (!gt || op->nr_frames > gt->max_frames)
		return GNTST_general_error;
	r = gnttab_grow(d, gt, op->nr_frames);
	if (r == -XEN_ERESTART) {
		*rc = r;
		return 0;
	}
	if (r < 0)
		return GNTST_general_error;
	int16_t status = GNTST_okay;
	for (uint32_t i = 0; i < op->nr_frames; i++) {
		guest_ptr_t slot = guest_ptr_add(op->frame_list, i, sizeof(xen_pfn_t));
		if (copy_to_guest(slot, &gt->frames[i], sizeof(xen_pfn_t)) < 0)
			status = GNTST_bad_virt_addr;
	}
	return status;
}

int gnttab_setup_table(uint32_t uop)
{
	struct gnttab_setup_table op;
	int rc;

	if (copy_from_guest(&op, guest_ptr(uop), sizeof(op)) < 0)
		return -XEN_EFAULT;
	/* As Xen: a list that cannot lie in guest space is -EFAULT outright. */
	if (guest_ptr_va(op.frame_list) + (uint64_t)op.nr_frames * sizeof(xen_pfn_t) > HOLE_START)
		return -XEN_EFAULT;
	op.status = setup(&op, &rc);
	if (rc < 0)
		return rc;
	if (copy_to_guest(guest_ptr(uop + PV_OFFSETOF(struct gnttab_setup_table, status)),
			  &op.status, sizeof(op.status)) < 0)
		return -XEN_EFAULT;
	return 0;
}
