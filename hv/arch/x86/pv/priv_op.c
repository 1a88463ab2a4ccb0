/* The privileged instructions a ring-1 PV kernel may use, emulated at the
 * #GP they raise, as Xen emulates them: reads of CR0 (with the guest's own
 * TS), CR2 (its last page fault), CR3 (the machine address of its L3) and
 * CR4 (a fixed virtual value); writes of CR0 that change only TS
 * (fpu_taskswitch) and of CR3 (MMUEXT_NEW_BASEPTR, with its checks); the
 * debug registers, as set_debugreg and get_debugreg check them; clts;
 * wbinvd (nothing to do for a domain without devices); rdmsr and wrmsr by
 * Xen's PV MSR policy (msr.c). Anything else (hlt too, as on Xen 4.17: a
 * PV kernel blocks with SCHEDOP_block), or any of these from ring 3, stays
 * a #GP for the guest; I/O instructions are io_emul.c's. */
#include "arch/arch.h"
#include "arch/x86/pv/pv.h"
#include "domain/domain.h"
#include "pvabi/shared_info.h"

#define VIRTUAL_CR4   (CR4_PAE | CR4_OSFXSR | CR4_OSXMMEXCPT)

/* The guest register a ModRM byte's rm field names (mod 11). */
static uint32_t *gpr(struct cpu_regs *f, unsigned n)
{
	switch (n & 7) {
	case 0: return &f->eax;
	case 1: return &f->ecx;
	case 2: return &f->edx;
	case 3: return &f->ebx;
	case 4: return &f->esp;
	case 5: return &f->ebp;
	case 6: return &f->esi;
	default: return &f->edi;
	}
}

static uint32_t guest_cr0(const struct vcpu *v)
{
	return (uint32_t)(read_cr0() & ~CR0_TS) | (v->arch.guest_ts ? CR0_TS : 0);
}

static bool read_cr(struct vcpu *v, unsigned cr, uint32_t *val)
{
	switch (cr) {
	case 0: *val = guest_cr0(v); return true;
	case 2: *val = v->d->shared_info->vcpu_info[v->id].arch.cr2; return true;
	case 3: *val = v->arch.cr3_mfn << PAGE_SHIFT; return true;
	case 4: *val = VIRTUAL_CR4; return true;
	}
	return false;
}

static void set_ts(struct vcpu *v, bool ts)
{
	v->arch.guest_ts = ts;
	if (ts)
		write_cr0(read_cr0() | CR0_TS);
}

static bool write_cr(struct vcpu *v, unsigned cr, uint32_t val)
{
	switch (cr) {
	case 0:
		if ((val ^ guest_cr0(v)) & ~CR0_TS)
			return false;
		set_ts(v, val & CR0_TS);
		return true;
	case 3:
		/* Xen's extended-cr3 format puts frame bits 20-31 in 0-11. */
		return pv_new_baseptr((val >> PAGE_SHIFT) | (val & 0xfff) << 20, v) == 0;
	}
	return false;
}

/* rdmsr and wrmsr: ecx names the MSR, edx:eax the value. */
static bool msr_access(struct vcpu *v, struct cpu_regs *frame, bool write)
{
	uint64_t val = (uint64_t)frame->edx << 32 | frame->eax;

	if (write)
		return pv_wrmsr(v, frame->ecx, val);
	if (!pv_rdmsr(v, frame->ecx, &val))
		return false;
	frame->eax = (uint32_t)val;
	frame->edx = (uint32_t)(val >> 32);
	return true;
}

bool pv_emulate_privileged(struct vcpu *v, struct cpu_regs *frame)
{
	uint8_t insn[3];

	if ((frame->cs & 3) != 1 || frame->error_code != 0 ||
	    pv_read_code(v, frame, insn, 2) < 0 || insn[0] != 0x0f)
		return false;
	switch (insn[1]) {
	case 0x30:                                    /* wrmsr */
	case 0x32:                                    /* rdmsr */
		if (!msr_access(v, frame, insn[1] == 0x30))
			return false;
		frame->eip += 2;
		return true;
	case 0x06:                                    /* clts */
		set_ts(v, false);
		frame->eip += 2;
		return true;
	case 0x09:                                    /* wbinvd */
		frame->eip += 2;
		return true;
	case 0x20:                                    /* mov %crN, %reg */
	case 0x22:                                    /* mov %reg, %crN */
	case 0x21:                                    /* mov %drN, %reg */
	case 0x23:                                    /* mov %reg, %drN */
		if (pv_read_code(v, frame, insn, 3) < 0 || (insn[2] >> 6) != 3)
			return false;
		unsigned n = (insn[2] >> 3) & 7;
		uint32_t *reg = gpr(frame, insn[2]);
		bool ok;
		switch (insn[1]) {
		case 0x20: ok = read_cr(v, n, reg); break;
		case 0x22: ok = write_cr(v, n, *reg); break;
		case 0x21: ok = pv_get_debugreg(v, n, reg) == 0; break;
		default: ok = pv_set_debugreg(v, n, *reg) == 0; break;
		}
		if (!ok)
			return false;
		frame->eip += 3;
		return true;
	}
	return false;
}
