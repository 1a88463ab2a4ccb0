/* rdmsr and wrmsr from a 32-bit PV kernel, following Xen 4.17's policy for
 * pv32 guests: the few MSRs a kernel reads (the TSC, EFER without the
 * long-mode bits, MISC_ENABLE as Xen shows it, Xen's PAT, the APIC base
 * at its architectural default) answer; a write to EFER of the value it
 * reads completes and any other is a #GP; a write to MISC_ENABLE is
 * dropped without a fault, as Xen drops it; FS and GS bases do not exist
 * for a 32-bit guest; every other MSR is a #GP, read or written. */
#include "arch/x86/pv/pv.h"
#include "arch/x86/cpu.h"

#define MSR_TSC            0x00000010
#define MSR_MISC_ENABLE    0x000001a0
#define MSR_PAT            0x00000277

/* 0xfee00000, enabled, the boot processor: what a lone vCPU sees. */
#define GUEST_APIC_BASE    0xfee00900ull

#define EFER_LME   (1ull << 8)
#define EFER_LMA   (1ull << 10)
#define EFER_SVME  (1ull << 12)
#define EFER_LMSLE (1ull << 13)

/* MISC_ENABLE bits a guest must not believe in, and those it must. */
#define MISC_PERF_AVAIL      (1ull << 7)
#define MISC_BTS_UNAVAIL     (1ull << 11)
#define MISC_PEBS_UNAVAIL    (1ull << 12)
#define MISC_MONITOR         (1ull << 18)
#define MISC_XTPR_DISABLE    (1ull << 23)

/* The PAT Xen programs and shows its PV guests: WB, WT, UC-, UC, WC, WP,
 * UC, UC. */
#define XEN_PAT  0x0000050100070406ull

/* 0, or -1 when the CPU has no such MSR. */
static int rdmsr_safe(uint32_t msr, uint64_t *val)
{
	uint32_t lo = 0, hi = 0;
	int failed;

	asm volatile("movl $1, %2\n1:\trdmsr\n\tmovl $0, %2\n2:\n\t" EXTABLE_ENTRY(1b, 2b)
		     : "+a"(lo), "+d"(hi), "=&r"(failed) : "c"(msr));
	*val = (uint64_t)hi << 32 | lo;
	return failed ? -1 : 0;
}

static uint64_t guest_efer(void)
{
	return rdmsr(MSR_EFER) & ~(EFER_LME | EFER_LMA | EFER_SVME | EFER_LMSLE);
}

static bool guest_misc_enable(uint64_t *val)
{
	if (rdmsr_safe(MSR_MISC_ENABLE, val) < 0)
		return false;
	*val &= ~(MISC_PERF_AVAIL | MISC_MONITOR);
	*val |= MISC_BTS_UNAVAIL | MISC_PEBS_UNAVAIL | MISC_XTPR_DISABLE;
	return true;
}

bool pv_rdmsr(struct vcpu *v, uint32_t msr, uint64_t *val)
{
	(void)v;
	switch (msr) {
	case MSR_TSC:
		*val = rdtsc();
		return true;
	case MSR_EFER:
		*val = guest_efer();
		return true;
	case MSR_MISC_ENABLE:
		return guest_misc_enable(val);
	case MSR_PAT:
		*val = XEN_PAT;
		return true;
	case MSR_APIC_BASE:
		*val = GUEST_APIC_BASE;
		return true;
	}
	return false;
}

bool pv_wrmsr(struct vcpu *v, uint32_t msr, uint64_t val)
{
	uint64_t now;

	switch (msr) {
	case MSR_EFER:
		return val == guest_efer();
	case MSR_MISC_ENABLE:
		return pv_rdmsr(v, msr, &now);
	}
	return false;
}
