/* The shape mmu_update and mmuext_op share: an array of requests run in
 * order, stopping at the first failure, the number that succeeded written
 * to *pdone, and continuation once the budget is spent -- between requests,
 * or in the middle of one that returns -XEN_ERESTART (a page table half
 * validated), which then runs again -- with the top bit of the count
 * marking "pdone already holds a partial count".
 * As on Xen, a pdone the hypervisor cannot read or write changes nothing
 * but itself: the batch's result stands. */
#include "hypercall/hypercall.h"
#include "hypercall/budget.h"
#include "arch/x86/pv/pagetype.h"
#include "arch/x86/uaccess.h"
#include "domain/domain.h"
#include "sched/sched.h"

#define BATCH_PREEMPTED (~(~0u >> 1))
#define BATCH_ELEM_MAX  16

int32_t hypercall_batch(uint32_t nr, uint32_t list_va, uint32_t count, uint32_t pdone_va,
			uint32_t a4, uint32_t a5, size_t size,
			int (*one)(const void *elem, struct vcpu *v))
{
	guest_ptr_t list = guest_ptr(list_va), pdone = guest_ptr(pdone_va);
	uint8_t elem[BATCH_ELEM_MAX];
	uint32_t done = 0, i;
	int32_t rc = 0;

	if (count & BATCH_PREEMPTED) {
		count &= ~BATCH_PREEMPTED;
		if (!guest_ptr_is_null(pdone) && copy_from_guest(&done, pdone, sizeof(done)) < 0)
			done = 0;
	}
	for (i = 0; i < count;) {
		/* The requests before may have let go of page tables: they are
		 * taken apart first, for this request may want their frames. */
		if (i > 0 && rc != -XEN_ERESTART)
			rc = pt_devalidate_queued(current->d);
		if (rc == -XEN_ERESTART || (i > 0 && budget_spent())) {
			done += i;
			if (!guest_ptr_is_null(pdone))
				(void)copy_to_guest(pdone, &done, sizeof(done));
			return hypercall_continue(nr, list_va + i * size,
						  (count - i) | BATCH_PREEMPTED, pdone_va, a4, a5);
		}
		budget_charge(1);
		if (copy_from_guest(elem, guest_ptr_add(list, i, size), size) < 0) {
			rc = -XEN_EFAULT;
			break;
		}
		rc = one(elem, current);
		if (rc == -XEN_ERESTART)
			continue;         /* the same request, next turn */
		if (rc < 0)
			break;
		i++;
	}
	done += i;
	if (!guest_ptr_is_null(pdone))
		(void)copy_to_guest(pdone, &done, sizeof(done));
	return rc;
}

/* Xen's answers: DOMID_SELF is the caller; the caller's own id does not
 * name a foreign domain, nor does an id with no domain behind it
 * (-ESRCH); a real other domain, DOMID_IO or DOMID_XEN is for privileged
 * callers only (-EPERM), and ringlet offers them no foreign mappings yet
 * (-EINVAL). */
int hypercall_foreigndom_ok(uint16_t foreigndom)
{
	const struct domain *me = current->d;

	if (foreigndom == DOMID_SELF)
		return 0;
	if (foreigndom == me->domid)
		return -XEN_ESRCH;
	if (foreigndom != DOMID_IO && foreigndom != DOMID_XEN && !domain_by_id(foreigndom))
		return -XEN_ESRCH;
	return me->privileged ? -XEN_EINVAL : -XEN_EPERM;
}
