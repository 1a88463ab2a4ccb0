/* Faults on purpose (fault=pf|ud|de), to show what a hypervisor crash looks
 * like: a register dump naming the function, then a failure stop. */
#include "deliberate.h"
#include "arch/arch.h"

__attribute__((noinline)) void deliberate_page_fault(void)
{
	/* Nothing is ever mapped there. */
	volatile uint32_t *p = (volatile uint32_t *)(NEVER_MAPPED + 0x1234);
	(void)*p;
}

__attribute__((noinline)) void deliberate_invalid_opcode(void)
{
	asm volatile("ud2");
}

__attribute__((noinline)) void deliberate_divide_error(void)
{
	asm volatile("xorl %%ecx, %%ecx\n\tmovl $1, %%eax\n\txorl %%edx, %%edx\n\tdivl %%ecx"
		     : : : "eax", "ecx", "edx");
}

void deliberate_fault(enum deliberate_fault f)
{
	switch (f) {
	case FAULT_PF: deliberate_page_fault(); break;
	case FAULT_UD: deliberate_invalid_opcode(); break;
	case FAULT_DE: deliberate_divide_error(); break;
	case FAULT_NONE: break;
	}
}
