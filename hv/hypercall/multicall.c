/* __HYPERVISOR_multicall (13): a batch of hypercalls in one trap. Each
 * entry's result is written back into it; the batch itself returns 0 unless
 * the list cannot be read or written. Long batches continue between
 * entries. A multicall MUST NOT contain a multicall or an iret. */
#include <stddef.h>
#include "hypercall/hypercall.h"
#include "arch/x86/uaccess.h"
#include "pvabi/multicall.h"

#define MULTICALL_BATCH 64

HYPERCALL(multicall)
{
	guest_ptr_t list = guest_ptr(a1);
	uint32_t nr = a2;
	struct multicall_entry e;

	for (uint32_t i = 0; i < nr; i++) {
		/* The continuation changes ebx and ecx (the rest of the list),
		 * as on Xen; the other registers go back as they came. */
		if (i >= MULTICALL_BATCH && hypercall_may_preempt())
			return hypercall_continue(__HYPERVISOR_multicall,
						  guest_ptr_va(list) + i * sizeof(e), nr - i,
						  a3, a4, a5);
		guest_ptr_t at = guest_ptr_add(list, i, sizeof(e));
		if (copy_from_guest(&e, at, sizeof(e)) < 0)
			return -XEN_EFAULT;
		int32_t rc;
		if (e.op == __HYPERVISOR_multicall || e.op == __HYPERVISOR_iret)
			rc = -XEN_EINVAL;
		else
			rc = hypercall_call_nested(e.op, e.args);
		e.result = (uint32_t)rc;
		if (copy_to_guest(guest_ptr_add(at, 1, offsetof(struct multicall_entry, result)),
				  &e.result, sizeof(e.result)) < 0)
			return -XEN_EFAULT;
	}
	return 0;
}
