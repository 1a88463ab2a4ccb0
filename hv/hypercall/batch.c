/* The shape mmu_update and mmuext_op share: an array of requests run in
 * order, stopping at the first failure, the number that succeeded written
 * to *pdone, and continuation after every HYPERCALL_BATCH requests with the
 * top bit of the count marking "pdone already holds a partial count". */
#include "hypercall/hypercall.h"
#include "arch/x86/uaccess.h"
#include "domain/domain.h"
#include "sched/sched.h"

#define BATCH_PREEMPTED (~(~0u >> 1))
#define BATCH_ELEM_MAX  16

int32_t hypercall_batch(uint32_t nr, uint32_t list_va, uint32_t count, uint32_t pdone_va,
			uint32_t a4, size_t size, int (*one)(const void *elem, struct vcpu *v))
{
	guest_ptr_t list = guest_ptr(list_va), pdone = guest_ptr(pdone_va);
	uint8_t elem[BATCH_ELEM_MAX];
	uint32_t done = 0, i;
	int32_t rc = 0;

	if (count & BATCH_PREEMPTED) {
		count &= ~BATCH_PREEMPTED;
		if (!guest_ptr_is_null(pdone) && copy_from_guest(&done, pdone, sizeof(done)) < 0)
			return -XEN_EFAULT;
	}
	for (i = 0; i < count; i++) {
		if (i >= HYPERCALL_BATCH && hypercall_may_preempt()) {
			done += i;
			if (!guest_ptr_is_null(pdone) &&
			    copy_to_guest(pdone, &done, sizeof(done)) < 0)
				return -XEN_EFAULT;
			return hypercall_continue(nr, list_va + i * size,
						  (count - i) | BATCH_PREEMPTED, pdone_va, a4, 0);
		}
		if (copy_from_guest(elem, guest_ptr_add(list, i, size), size) < 0) {
			rc = -XEN_EFAULT;
			break;
		}
		if ((rc = one(elem, current)) < 0)
			break;
	}
	done += i;
	if (!guest_ptr_is_null(pdone) && copy_to_guest(pdone, &done, sizeof(done)) < 0)
		return -XEN_EFAULT;
	return rc;
}

int hypercall_foreigndom_ok(uint16_t foreigndom)
{
	if (foreigndom == DOMID_SELF || foreigndom == current->d->domid)
		return 0;
	/* Working on another domain's tables is not offered yet. */
	return current->d->privileged ? -XEN_EINVAL : -XEN_EPERM;
}
