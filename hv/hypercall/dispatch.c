#include "hypercall/hypercall.h"
#include "arch/x86/pv/pv.h"

static bool continued;
static unsigned multicall_depth;

bool hypercall_may_preempt(void)
{
	return multicall_depth == 0;
}

int32_t hypercall_call(uint32_t nr, const uint32_t a[5])
{
	if (nr >= NR_HYPERCALLS || !hypercall_table[nr])
		return -XEN_ENOSYS;
	return hypercall_table[nr](a[0], a[1], a[2], a[3], a[4]);
}

int32_t hypercall_call_nested(uint32_t nr, const uint32_t a[5])
{
	multicall_depth++;
	int32_t rc = hypercall_call(nr, a);
	multicall_depth--;
	return rc;
}

void hypercall_dispatch(struct cpu_regs *regs)
{
	uint32_t args[5] = { regs->ebx, regs->ecx, regs->edx, regs->esi, regs->edi };

	continued = false;
	int32_t rc = hypercall_call(regs->eax, args);
	if (!continued)
		regs->eax = (uint32_t)rc;
}

int32_t hypercall_continue(uint32_t nr, uint32_t a1, uint32_t a2, uint32_t a3, uint32_t a4,
			   uint32_t a5)
{
	struct cpu_regs *regs = guest_frame();

	regs->eip -= 2;                /* back onto "int $0x82" */
	regs->eax = nr;
	regs->ebx = a1;
	regs->ecx = a2;
	regs->edx = a3;
	regs->esi = a4;
	regs->edi = a5;
	continued = true;
	return HYPERCALL_CONTINUED;
}
