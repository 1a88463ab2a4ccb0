/* Exceptions and interrupts: the saved register frame, the IDT, handlers,
 * and the exception-fixup table that turns an expected fault into a jump. */
#ifndef ARCH_X86_TRAPS_H
#define ARCH_X86_TRAPS_H

#include <stddef.h>
#include <stdint.h>

/* What trap entry saves, lowest address first. esp and ss are pushed by
 * the CPU only when the trap came from a lower privilege level. */
/* fs and gs are saved only when a guest is switched out: trap entry leaves
 * their slots alone. */
struct cpu_regs {
	uint32_t ebx, ecx, edx, esi, edi, ebp, eax;
	uint32_t ds, es, fs, gs;
	uint32_t vector, error_code;
	uint32_t eip, cs, eflags;
	uint32_t esp, ss;
};
_Static_assert(offsetof(struct cpu_regs, eax) == 24, "cpu_regs layout");
_Static_assert(offsetof(struct cpu_regs, vector) == 44, "cpu_regs layout");
_Static_assert(offsetof(struct cpu_regs, eip) == 52, "cpu_regs layout");
_Static_assert(sizeof(struct cpu_regs) == 72, "cpu_regs layout");

enum {
	VEC_DE = 0, VEC_DB = 1, VEC_NMI = 2, VEC_BP = 3, VEC_OF = 4, VEC_BR = 5,
	VEC_UD = 6, VEC_NM = 7, VEC_DF = 8, VEC_TS = 10, VEC_NP = 11, VEC_SS = 12,
	VEC_GP = 13, VEC_PF = 14, VEC_MF = 16, VEC_AC = 17, VEC_MC = 18, VEC_XM = 19,
};

typedef void (*irq_handler_t)(struct cpu_regs *regs);

void gdt_init(void);
/* The double-fault task needs page tables that outlive the boot ones. */
void gdt_set_df_cr3(uint32_t cr3);
void gdt_use_area(uint64_t empty_mfn);
void idt_init(void);
void irq_set_handler(unsigned vector, irq_handler_t fn);
/* Gate types for idt_set_gate: 0x8f | dpl << 5 is a trap gate. */
void idt_set_gate(unsigned vector, uint16_t sel, uint32_t offset, uint8_t type);
/* Back to the hypervisor's own stub for vector, reachable from rings <= dpl. */
void idt_set_default(unsigned vector, unsigned dpl);
void trap_dispatch(struct cpu_regs *regs);
void guest_return_failed(struct cpu_regs *frame);

/* The stack pointer at the time of the trap (the CPU pushes none on a
 * same-privilege trap, so it is just past the frame). */
uint32_t trap_esp(const struct cpu_regs *regs);

/* Register dump and backtrace for a fault in the hypervisor. */
void dump_regs(const char *why, const struct cpu_regs *regs, uint32_t cr2);
const char *exception_name(unsigned vector);

/* Exception fixup: an instruction listed in __ex_table that faults resumes
 * at its fixup address, and the fault is recorded here. */
struct fault_record {
	uint32_t vector, error_code, cr2, eip;
	uint32_t count;
};
extern struct fault_record last_fixup;
uintptr_t extable_find(uintptr_t eip);

#define EXTABLE_ENTRY(insn, fixup) \
	".pushsection __ex_table, \"a\"\n\t.balign 4\n\t.long " #insn ", " #fixup "\n\t.popsection\n\t"

#endif
