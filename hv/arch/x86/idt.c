/* The IDT: 64-bit interrupt gates to the trap stubs; the double fault on
 * its own stack. Long-mode gates lead only to 64-bit code, so every trap
 * from a guest, its system calls included, enters the hypervisor. */
#include <stdint.h>
#include "arch/x86/selectors.h"
#include "arch/x86/traps.h"
#include "arch/x86/tss.h"
#include "pvabi/arch_x86_32.h"
#include "pvabi/hypercall.h"

#define GATE_INTR   0x8e          /* present, DPL 0, 64-bit interrupt gate */
#define STUB_SIZE   16

extern const char trap_stubs[], null_trap[], int80_entry[];
static struct { uint64_t lo, hi; } idt[256] __attribute__((aligned(16)));

static void set_gate(unsigned vector, const void *handler, unsigned dpl, unsigned ist)
{
	uint64_t offset = (uintptr_t)handler;

	idt[vector].lo = (offset & 0xffff) | ((uint64_t)HV_CS << 16) | ((uint64_t)ist << 32) |
			 ((uint64_t)(GATE_INTR | dpl << 5) << 40) |
			 ((offset >> 16 & 0xffff) << 48);
	idt[vector].hi = offset >> 32;
}

void idt_set_default(unsigned vector, unsigned dpl)
{
	set_gate(vector, trap_stubs + vector * STUB_SIZE, dpl, 0);
}

void idt_init(void)
{
	struct { uint16_t limit; uint64_t base; } __attribute__((packed)) idtr = {
		sizeof(idt) - 1, (uintptr_t)idt,
	};

	for (unsigned v = 0; v < 256; v++)
		idt_set_default(v, 0);
	set_gate(VEC_DF, trap_stubs + VEC_DF * STUB_SIZE, 0, IST_DF);
	/* int3 and into come from guests of every ring, and so do system
	 * calls; hypercalls come from ring 1. */
	idt_set_default(VEC_BP, 3);
	idt_set_default(VEC_OF, 3);
	set_gate(0x80, int80_entry, 3, 0);
	idt_set_default(HYPERCALL_VECTOR, 1);
	set_gate(RINGLET_NULL_TRAP_VECTOR, null_trap, 1, 0);
	asm volatile("lidt %0" : : "m"(idtr));
}
