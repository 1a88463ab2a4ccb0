/* __HYPERVISOR_set_trap_table (0): the guest's virtual IDT. A list of
 * struct trap_info ending with an entry whose address is 0; a NULL list
 * clears every vector. */
#include "hypercall/hypercall.h"
#include "hypercall/budget.h"
#include "arch/x86/pv/int80.h"
#include "arch/x86/pv/pv.h"
#include "arch/x86/uaccess.h"
#include "domain/domain.h"
#include "pvabi/arch_x86_32.h"
#include "sched/sched.h"

HYPERCALL(set_trap_table)
{
	guest_ptr_t list = guest_ptr(a1);
	struct vcpu *v = current;
	struct trap_info ti;

	if (guest_ptr_is_null(list)) {
		memset(v->arch.traps, 0, sizeof(v->arch.traps));
		pv_int80_refresh(v);
		return 0;
	}
	for (uint32_t i = 0;; i++) {
		/* The continuation changes only ebx (the list), as on Xen: the
		 * guest's other registers go back as they came. */
		if (i > 0 && budget_spent())
			return hypercall_continue(__HYPERVISOR_set_trap_table,
						  guest_ptr_va(list) + i * sizeof(ti), a2, a3, a4, a5);
		budget_charge(1);
		if (copy_from_guest(&ti, guest_ptr_add(list, i, sizeof(ti)), sizeof(ti)) < 0)
			return -XEN_EFAULT;
		if (ti.address == 0)
			break;
		uint16_t cs = ti.cs;
		if (!pv_fix_selector(&cs))
			return -XEN_EPERM;
		v->arch.traps[ti.vector] = (struct pv_trap){ .address = ti.address, .cs = cs,
							      .flags = ti.flags };
		if (ti.vector == 0x80)
			pv_int80_refresh(v);
	}
	return 0;
}
