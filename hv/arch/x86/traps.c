/* Where every trap lands. Exceptions in the hypervisor either have a fixup
 * (a checked access that is allowed to fault) or are fatal; interrupt vectors
 * go to their registered handler. */
#include "arch/x86/cpu.h"
#include "arch/x86/traps.h"
#include "console/log.h"
#include "console/panic.h"
#include "arch/x86/pv/pv.h"
#include "domain/domain.h"
#include "hypercall/hypercall.h"
#include "pvabi/hypercall.h"
#include "sched/sched.h"

static irq_handler_t irq_handlers[256];
struct fault_record last_fixup;

void irq_set_handler(unsigned vector, irq_handler_t fn)
{
	BUG_ON(vector < 32 || vector > 255);
	irq_handlers[vector] = fn;
}

static void exception(struct cpu_regs *regs)
{
	uint64_t cr2 = regs->vector == VEC_PF ? read_cr2() : 0;
	uintptr_t fixup = extable_find(regs->rip);

	/* A guest's data breakpoint that the hypervisor hit on its behalf
	 * (copying to or from the guest): not a fault of the hypervisor's. */
	if (regs->vector == VEC_DB && (read_dr6() & 0xf)) {
		write_dr6(DR6_DEFAULT);
		return;
	}
	if (fixup) {
		last_fixup = (struct fault_record){
			.vector = regs->vector, .error_code = regs->error_code,
			.cr2 = cr2, .rip = regs->rip, .count = last_fixup.count + 1,
		};
		regs->rip = fixup;
		return;
	}
	dump_regs("hypervisor fault", regs, cr2);
	panic("%s in the hypervisor", exception_name(regs->vector));
}

static void interrupt(struct cpu_regs *regs)
{
	irq_handler_t fn = irq_handlers[regs->vector];

	if (fn)
		fn(regs);
	else
		log_warn("interrupt on vector 0x%x with no handler; ignored", regs->vector);
}

/* Traps from a guest end by choosing which guest the frame returns to. */
void trap_dispatch(struct cpu_regs *regs)
{
	if (!(regs->cs & 3)) {
		if (regs->vector < 32)
			exception(regs);
		else
			interrupt(regs);
		return;
	}
	current->arch.in_failsafe = false;
	if (regs->vector == HYPERCALL_VECTOR)
		hypercall_dispatch(regs);
	else if (regs->vector < 32)
		pv_exception(current, regs);
	else if (regs->vector == 0x80)
		pv_soft_interrupt(current, regs, 0x80);
	else
		interrupt(regs);
	/* Choose the guest to return to; if an event upcall for it cannot be
	 * delivered it is destroyed, and the choice starts again. */
	do {
		sched_exit_trap(regs);
		pv_event_upcall(current, regs);
	} while (!current);
}

void guest_return_failed(struct cpu_regs *frame)
{
	if (current && pv_failsafe(current, frame) && current)
		return;                     /* trap_return tries the failsafe frame */
	if (current)
		domain_destroy(current->d, "the CPU refused its saved segments or return frame");
	do {
		sched_exit_trap(frame);
		pv_event_upcall(current, frame);
	} while (!current);
}
