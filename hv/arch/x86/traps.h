/* Exceptions and interrupts: the saved register frame, the IDT, handlers,
 * and the exception-fixup table that turns an expected fault into a jump. */
#ifndef ARCH_X86_TRAPS_H
#define ARCH_X86_TRAPS_H

#include <stddef.h>
#include <stdint.h>

/* What trap entry saves, lowest address first: the general registers
 * (r8-r15 only for the hypervisor's own traps: a compatibility-mode guest
 * cannot see them), the data segments, the vector and error code, and what
 * the CPU pushes in long mode, always including the stack. Each slot is 8
 * bytes; a guest's values are 32-bit, zero-extended, and C code reaches them
 * by their 32-bit names (eax, eip, ...). fs and gs are saved only when a
 * guest is switched out: trap entry leaves their slots alone. */
#define GPR(n) union { uint64_t r##n; uint32_t e##n; }
#define SLOT(n) uint32_t n, n##_hi
struct cpu_regs {
	uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
	GPR(bx); GPR(cx); GPR(dx); GPR(si); GPR(di); GPR(bp); GPR(ax);
	SLOT(ds); SLOT(es); SLOT(fs); SLOT(gs);
	SLOT(vector); SLOT(error_code);
	GPR(ip); SLOT(cs); GPR(flags); GPR(sp); SLOT(ss);
};
#undef GPR
#undef SLOT
_Static_assert(offsetof(struct cpu_regs, rbx) == 64, "cpu_regs layout");
_Static_assert(offsetof(struct cpu_regs, rax) == 112, "cpu_regs layout");
_Static_assert(offsetof(struct cpu_regs, ds) == 120, "cpu_regs layout");
_Static_assert(offsetof(struct cpu_regs, vector) == 152, "cpu_regs layout");
_Static_assert(offsetof(struct cpu_regs, rip) == 168, "cpu_regs layout");
_Static_assert(sizeof(struct cpu_regs) == 208, "cpu_regs layout");

enum {
	VEC_DE = 0, VEC_DB = 1, VEC_NMI = 2, VEC_BP = 3, VEC_OF = 4, VEC_BR = 5,
	VEC_UD = 6, VEC_NM = 7, VEC_DF = 8, VEC_TS = 10, VEC_NP = 11, VEC_SS = 12,
	VEC_GP = 13, VEC_PF = 14, VEC_MF = 16, VEC_AC = 17, VEC_MC = 18, VEC_XM = 19,
};

/* Set when a guest's descriptors may have changed: the next return to a
 * guest reloads ds and es even where the selectors are the same, so that a
 * descriptor made unusable under a loaded selector shows at once. */
extern uint8_t segments_stale;

typedef void (*irq_handler_t)(struct cpu_regs *regs);

void gdt_init(void);
void gdt_use_area(uint64_t empty_mfn);
void idt_init(void);
void irq_set_handler(unsigned vector, irq_handler_t fn);
/* Back to the hypervisor's own stub for vector, reachable from rings <= dpl. */
void idt_set_default(unsigned vector, unsigned dpl);
void trap_dispatch(struct cpu_regs *regs);
void guest_return_failed(struct cpu_regs *frame);


/* Register dump and backtrace for a fault in the hypervisor. */
void dump_regs(const char *why, const struct cpu_regs *regs, uint64_t cr2);
const char *exception_name(unsigned vector);

/* Exception fixup: an instruction listed in __ex_table that faults resumes
 * at its fixup address, and the fault is recorded here. */
struct fault_record {
	uint32_t vector, error_code;
	uint64_t cr2, rip;
	uint32_t count;
};
extern struct fault_record last_fixup;
uintptr_t extable_find(uintptr_t eip);

#define EXTABLE_ENTRY(insn, fixup) \
	".pushsection __ex_table, \"a\"\n\t.balign 8\n\t.quad " #insn ", " #fixup "\n\t.popsection\n\t"

#endif
