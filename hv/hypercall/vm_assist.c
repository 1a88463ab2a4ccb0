/* __HYPERVISOR_vm_assist (21): optional help a guest can switch on. ringlet
 * offers pae_extended_cr3, which changes nothing here: every L3 it accepts
 * already sits below 4 GiB; and architectural_iopl: the kernel counts as
 * ring 0 for I/O privilege, whose IOPL the guest then sets in the eflags
 * it returns with by iret (arch/x86/pv/io_perm.c, iret.c). The others (4
 * GiB segments, writable page tables) are refused rather than pretended. */
#include "hypercall/hypercall.h"
#include "pvabi/mmu.h"
#include "sched/sched.h"

#define ASSISTS_OFFERED ((1u << VMASST_TYPE_pae_extended_cr3) | \
			 (1u << VMASST_TYPE_architectural_iopl))

HYPERCALL(vm_assist)
{
	(void)a3;
	(void)a4;
	(void)a5;
	if (a2 >= 32 || !(ASSISTS_OFFERED & (1u << a2)))
		return -XEN_EINVAL;
	switch (a1) {
	case VMASST_CMD_enable:
		current->arch.vm_assist |= 1u << a2;
		return 0;
	case VMASST_CMD_disable:
		current->arch.vm_assist &= ~(1u << a2);
		return 0;
	default:
		return -XEN_ENOSYS;
	}
}
