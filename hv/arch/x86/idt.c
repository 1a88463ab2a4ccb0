/* The IDT: interrupt gates to the trap stubs, a task gate for #DF. */
#include <stdint.h>
#include "arch/x86/selectors.h"
#include "arch/x86/traps.h"
#include "pvabi/arch_x86_32.h"
#include "pvabi/hypercall.h"

#define GATE_INTR   0x8e          /* present, DPL 0, 32-bit interrupt gate */
#define GATE_TASK   0x85          /* present, DPL 0, task gate */
#define STUB_SIZE   16

extern const char trap_stubs[], null_trap[];
static uint64_t idt[256] __attribute__((aligned(8)));

static uint64_t gate(uint32_t offset, uint16_t sel, uint8_t type)
{
	return (offset & 0xffff) | ((uint64_t)sel << 16) | ((uint64_t)type << 40) |
	       ((uint64_t)(offset >> 16) << 48);
}

void idt_set_gate(unsigned vector, uint16_t sel, uint32_t offset, uint8_t type)
{
	idt[vector] = gate(offset, sel, type);
}

void idt_set_default(unsigned vector, unsigned dpl)
{
	idt[vector] = gate((uint32_t)trap_stubs + vector * STUB_SIZE, HV_CS,
			   GATE_INTR | (uint8_t)(dpl << 5));
}

void idt_init(void)
{
	struct { uint16_t limit; uint32_t base; } __attribute__((packed)) idtr = {
		sizeof(idt) - 1, (uint32_t)idt,
	};

	for (unsigned v = 0; v < 256; v++)
		idt[v] = gate((uint32_t)trap_stubs + v * STUB_SIZE, HV_CS, GATE_INTR);
	idt[VEC_DF] = gate(0, HV_DF_TSS, GATE_TASK);
	/* int3 and into come from guests of every ring; hypercalls from ring 1. */
	idt_set_default(VEC_BP, 3);
	idt_set_default(VEC_OF, 3);
	idt_set_default(HYPERCALL_VECTOR, 1);
	idt[RINGLET_NULL_TRAP_VECTOR] = gate((uint32_t)null_trap, HV_CS, GATE_INTR | (1 << 5));
	asm volatile("lidt %0" : : "m"(idtr));
}
