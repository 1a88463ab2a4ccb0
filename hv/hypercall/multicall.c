/* __HYPERVISOR_multicall (13): a batch of hypercalls in one trap. Each
 * entry's result is written back into it; the batch itself returns 0 unless
 * the list cannot be read or written. The batch continues between entries
 * once its budget is spent, and an entry that itself gives the CPU back
 * part-way has its op and arguments rewritten in the guest's list (as on
 * Xen) so that the multicall continues with that entry. A multicall MUST
 * NOT contain a multicall or an iret. */
#include <stddef.h>
#include "hypercall/hypercall.h"
#include "hypercall/budget.h"
#include "arch/x86/uaccess.h"
#include "pvabi/multicall.h"

/* Continue the multicall at entry i of list (nr entries in all); a3-a5 are
 * the guest's registers, which a continuation keeps. */
static int32_t continue_at(guest_ptr_t list, uint32_t i, uint32_t nr, uint32_t a3, uint32_t a4,
			   uint32_t a5)
{
	return hypercall_continue(__HYPERVISOR_multicall,
				  guest_ptr_va(list) + i * sizeof(struct multicall_entry), nr - i,
				  a3, a4, a5);
}

/* The entry at `at` goes on as c says, next time. */
static int save_continuation(guest_ptr_t at, struct multicall_entry *e,
			     const struct nested_continuation *c)
{
	e->op = c->nr;
	for (unsigned k = 0; k < 5; k++)
		e->args[k] = c->args[k];
	return copy_to_guest(at, e, sizeof(*e));
}

HYPERCALL(multicall)
{
	guest_ptr_t list = guest_ptr(a1);
	uint32_t nr = a2;
	struct multicall_entry e;
	struct nested_continuation c;

	for (uint32_t i = 0; i < nr; i++) {
		if (i > 0 && budget_spent())
			return continue_at(list, i, nr, a3, a4, a5);
		budget_charge(1);
		guest_ptr_t at = guest_ptr_add(list, i, sizeof(e));
		if (copy_from_guest(&e, at, sizeof(e)) < 0)
			return -XEN_EFAULT;
		int32_t rc;
		if (e.op == __HYPERVISOR_multicall || e.op == __HYPERVISOR_iret) {
			rc = -XEN_EINVAL;
		} else {
			rc = hypercall_call_nested(e.op, e.args, &c);
			if (c.pending) {
				if (save_continuation(at, &e, &c) < 0)
					return -XEN_EFAULT;
				return continue_at(list, i, nr, a3, a4, a5);
			}
		}
		e.result = (uint32_t)rc;
		if (copy_to_guest(guest_ptr_add(at, 1, offsetof(struct multicall_entry, result)),
				  &e.result, sizeof(e.result)) < 0)
			return -XEN_EFAULT;
	}
	return 0;
}
