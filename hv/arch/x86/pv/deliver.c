/* Exceptions in guests. The hypervisor sees every exception first; it
 * hands each one to the guest's own handler, as the CPU would have with a
 * native IDT: a frame on the guest's ring-1 stack, then a jump. */
#include "arch/arch.h"
#include "arch/x86/pv/cpuid.h"
#include "arch/x86/pv/pv.h"
#include "arch/x86/selectors.h"
#include "arch/x86/uaccess.h"
#include "console/log.h"
#include "domain/domain.h"
#include "domain/guest_symbol.h"
#include "lib/format.h"
#include "pvabi/mmu.h"
#include "pvabi/shared_info.h"

#define EFLAGS_TF   (1u << 8)
#define EFLAGS_IOPL (3u << 12)
#define EFLAGS_NT   (1u << 14)
#define EFLAGS_RF   (1u << 16)
#define EFLAGS_VM   (1u << 17)

/* What a frame's eflags show of the virtual IOPL: it, under
 * architectural_iopl, where the guest keeps it there; else 0. */
static uint32_t guest_iopl_bits(const struct vcpu *v)
{
	if (!(v->arch.vm_assist & (1u << VMASST_TYPE_architectural_iopl)))
		return 0;
	return v->arch.iopl << 12;
}

static bool has_error_code(unsigned v)
{
	return v == VEC_DF || v == VEC_TS || v == VEC_NP || v == VEC_SS || v == VEC_GP ||
	       v == VEC_PF || v == VEC_AC;
}

/* Not exceptions: what bounce() names when it delivers an event, or the
 * failsafe callback. */
#define VEC_UPCALL   256
#define VEC_FAILSAFE 257

static void crash(struct vcpu *v, struct cpu_regs *frame, const char *fmt, unsigned vector)
{
	char why[160], soft[16], sym[64];

	guest_symbol(v->d, frame->eip, sym, sizeof(sym));
	format(soft, sizeof(soft), "int $0x%x", vector);
	format(why, sizeof(why), fmt,
	       vector == VEC_UPCALL ? "an event upcall" :
	       vector == VEC_FAILSAFE ? "a failed return (failsafe callback)" :
	       vector >= 32 ? soft : exception_name(vector));
	log_err("domain %u (%s): %s at eip 0x%08x%s (cs 0x%04x), esp 0x%08x, error code 0x%x",
		v->d->domid, v->d->name, why, frame->eip, sym, frame->cs & 0xffff, frame->esp,
		frame->error_code);
	domain_destroy(v->d, why);
}

/* Build an exception-style frame on the guest's ring-1 stack and point the
 * frame at cs:eip. Lowest address first: [error code], eip, cs with the
 * saved event mask in bits 16-23, eflags with IF showing events enabled,
 * and the ring-3 stack when coming from there; prefix holds what comes
 * first (the error code, or the failsafe's segments). Returns false (after
 * destroying the domain) when the frame cannot be written. */
static bool bounce(struct vcpu *v, struct cpu_regs *frame, uint16_t cs, uint32_t eip,
		   const uint32_t *prefix, unsigned nprefix, unsigned vector)
{
	struct vcpu_info *vi = &v->d->shared_info->vcpu_info[v->id];
	bool from_user = (frame->cs & 3) == 3;
	uint32_t words[10], n = 0;

	uint32_t ss = from_user ? v->arch.kernel_ss : frame->ss;
	uint32_t esp = from_user ? v->arch.kernel_sp : frame->esp;
	if (from_user && !ss) {
		crash(v, frame, "%s from ring 3 with no kernel stack (stack_switch)", vector);
		return false;
	}
	while (n < nprefix)
		words[n] = prefix[n], n++;
	words[n++] = frame->eip;
	words[n++] = (frame->cs & 0xffff) | ((uint32_t)vi->evtchn_upcall_mask << 16);
	words[n++] = (frame->eflags & ~(EFLAGS_IF | EFLAGS_IOPL)) |
		     (vi->evtchn_upcall_mask ? 0 : EFLAGS_IF) | guest_iopl_bits(v);
	if (from_user) {
		words[n++] = frame->esp;
		words[n++] = frame->ss & 0xffff;
	}
	esp -= n * 4;
	if (copy_to_guest(guest_ptr(esp), words, n * 4) < 0) {
		crash(v, frame, "%s, and its kernel stack cannot take the frame", vector);
		return false;
	}
	frame->ss = ss;
	frame->esp = esp;
	frame->cs = cs;
	frame->eip = eip;
	frame->eflags &= ~(EFLAGS_TF | EFLAGS_NT | EFLAGS_RF | EFLAGS_VM);
	return true;
}

bool pv_deliver(struct vcpu *v, struct cpu_regs *frame, unsigned vector, uint32_t cr2)
{
	const struct pv_trap *t = &v->arch.traps[vector];
	struct vcpu_info *vi = &v->d->shared_info->vcpu_info[v->id];

	if (!t->address) {
		crash(v, frame, "%s with no handler registered", vector);
		return false;
	}
	uint32_t ec = frame->error_code;
	if (!bounce(v, frame, t->cs, t->address, &ec, has_error_code(vector), vector))
		return false;
	if (vector == VEC_PF)
		vi->arch.cr2 = cr2;
	if (TRAP_MASKS(t))
		vi->evtchn_upcall_mask = 1;
	return true;
}

/* On the way back to a guest: an event is pending and events are enabled,
 * so it enters its event callback first, with events masked. */
void pv_event_upcall(struct vcpu *v, struct cpu_regs *frame)
{
	struct vcpu_info *vi = &v->d->shared_info->vcpu_info[v->id];

	if (!vi->evtchn_upcall_pending || vi->evtchn_upcall_mask || !v->arch.event_eip)
		return;
	if (bounce(v, frame, (uint16_t)v->arch.event_cs, v->arch.event_eip, NULL, 0, VEC_UPCALL))
		vi->evtchn_upcall_mask = 1;
}

/* The CPU refused the guest's own segments or return frame on the way back
 * to it: with a failsafe callback, the guest gets the selectors that were
 * to be loaded (ds, es, fs, gs, then the usual frame), null data segments
 * and events masked, and may repair them. Once per trap: a failsafe frame
 * that fails again destroys the domain. */
bool pv_failsafe(struct vcpu *v, struct cpu_regs *frame)
{
	struct vcpu_info *vi = &v->d->shared_info->vcpu_info[v->id];
	uint32_t segs[4], fs, gs;

	if (!v->arch.failsafe_eip || v->arch.in_failsafe)
		return false;
	asm volatile("movl %%fs, %0; movl %%gs, %1" : "=r"(fs), "=r"(gs));
	segs[0] = frame->ds & 0xffff;
	segs[1] = frame->es & 0xffff;
	segs[2] = fs & 0xffff;
	segs[3] = gs & 0xffff;
	if (!bounce(v, frame, (uint16_t)v->arch.failsafe_cs, v->arch.failsafe_eip, segs, 4,
		    VEC_FAILSAFE))
		return true;                /* destroyed: the caller must look again */
	frame->ds = frame->es = 0;
	asm volatile("movl %0, %%fs; movl %0, %%gs" : : "r"(0));
	if (v->arch.failsafe_masks)
		vi->evtchn_upcall_mask = 1;
	v->arch.in_failsafe = true;
	return true;
}

/* "int n" in a guest: the guest's own virtual IDT decides whether the ring
 * it came from may use vector n. If it may, the guest's handler runs (a
 * software interrupt pushes no error code and leaves cr2 alone, whichever
 * exception usually uses its vector); if not, the guest gets the #GP a CPU
 * would give, with the instruction restarting. frame->eip is past it. */
void pv_soft_interrupt(struct vcpu *v, struct cpu_regs *frame, unsigned vector)
{
	const struct pv_trap *t = &v->arch.traps[vector];

	if (!t->address || TRAP_DPL(t) < (frame->cs & 3)) {
		frame->eip -= 2;
		frame->error_code = vector << 3 | 2;
		pv_deliver(v, frame, VEC_GP, 0);
		return;
	}
	if (bounce(v, frame, t->cs, t->address, NULL, 0, vector) && TRAP_MASKS(t))
		v->d->shared_info->vcpu_info[v->id].evtchn_upcall_mask = 1;
}

/* #GP from "int n" whose gate is the hypervisor's own. The error code names
 * the gate (n << 3 | 2) on a CPU; QEMU's TCG before 8.1 says n << 4 | 2 with
 * a 64-bit IDT, so the vector comes from the instruction itself. */
static bool int_gate_refused(struct vcpu *v, struct cpu_regs *frame)
{
	uint8_t insn[2];

	if (!(frame->error_code & 2))
		return false;
	if (pv_read_code(v, frame, insn, sizeof(insn)) < 0 || insn[0] != 0xcd)
		return false;
	frame->eip += 2;
	pv_soft_interrupt(v, frame, insn[1]);
	return true;
}

void pv_exception(struct vcpu *v, struct cpu_regs *frame)
{
	switch (frame->vector) {
	case VEC_NM:
		pv_fpu_trap(v, frame);
		return;
	case VEC_UD:
		if (pv_emulate_cpuid(v, frame, true))
			return;
		break;
	case VEC_DB:
		/* What the guest's handler asks get_debugreg(6) for. */
		v->arch.dr[6] = read_dr6();
		write_dr6(DR6_DEFAULT);
		break;
	case VEC_GP:
		if (int_gate_refused(v, frame) ||
		    (frame->error_code == 0 && pv_emulate_cpuid(v, frame, false)) ||
		    pv_emulate_io(v, frame) || pv_emulate_privileged(v, frame))
			return;
		break;
	case VEC_DF:
	case VEC_MC:
	case VEC_NMI:
		crash(v, frame, "%s", frame->vector);
		return;
	}
	pv_deliver(v, frame, frame->vector, frame->vector == VEC_PF ? read_cr2() : 0);
}

bool pv_fix_selector(uint16_t *sel)
{
	uint16_t s = *sel;

	if ((s & 3) == 0)
		s |= 1;
	/* The reserved GDT pages hold only two selectors a guest may name. */
	if (!(s & 4) && (s >> 3) >= FIRST_RESERVED_GDT_ENTRY &&
	    (s & ~3) != (FLAT_RING1_CS & ~3) && (s & ~3) != (FLAT_RING3_CS & ~3) &&
	    (s & ~3) != (FLAT_RING1_DS & ~3) && (s & ~3) != (FLAT_RING3_DS & ~3))
		return false;
	if ((s & ~3) == 0)
		return false;          /* the null selector */
	*sel = s;
	return true;
}
