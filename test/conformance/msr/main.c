/* msr: rdmsr and wrmsr from a 32-bit PV kernel, per Xen's PV MSR policy.
 *
 * Rules checked (pvabi/ABI.md):
 *   MSR-1  rdmsr answers for the TSC (moving forward), EFER (none of the
 *          long-mode bits), MISC_ENABLE (as Xen shows it: BTS and PEBS
 *          unavailable, xTPR disabled, no perfmon or MONITOR), PAT (Xen's:
 *          WB, WT, UC-, UC, WC, WP, UC, UC) and APIC_BASE (0xfee00900: the
 *          default base, enabled, the boot processor)
 *   MSR-2  FS and GS bases do not exist for a 32-bit guest; every other MSR
 *          is a #GP(0), read or written (the MTRRs, SYSENTER, STAR,
 *          unknown numbers), and so is writing APIC_BASE
 *   MSR-3  writing EFER the value it reads completes, another value is a
 *          #GP(0); a write to MISC_ENABLE completes and changes nothing */
#include "guest.h"
#include "systime.h"

const char test_title[] = "msr: rdmsr and wrmsr from a PV kernel, per Xen's PV MSR policy";

#define MSR_TSC          0x10
#define MSR_APIC_BASE    0x1b
#define MSR_MTRRCAP      0xfe
#define MSR_SYSENTER_CS  0x174
#define MSR_MISC_ENABLE  0x1a0
#define MSR_MTRR_BASE0   0x200
#define MSR_PAT          0x277
#define MSR_MTRR_DEF     0x2ff
#define MSR_EFER         0xc0000080
#define MSR_STAR         0xc0000081
#define MSR_FS_BASE      0xc0000100
#define MSR_GS_BASE      0xc0000101
#define MSR_KERNEL_GS    0xc0000102

#define EFER_SCE (1u << 0)
#define EFER_LME (1u << 8)
#define EFER_LMA (1u << 10)

static bool rdmsr_probe(uint32_t msr, uint64_t *val)
{
	uint32_t before = exception_count, lo = 0, hi = 0;

	asm volatile("1:\trdmsr\n2:\n\t" EXTABLE(1b, 2b)
		     : "+a"(lo), "+d"(hi) : "c"(msr) : "memory");
	*val = (uint64_t)hi << 32 | lo;
	return exception_count == before;
}

static bool wrmsr_probe(uint32_t msr, uint64_t val)
{
	uint32_t before = exception_count;

	asm volatile("1:\twrmsr\n2:\n\t" EXTABLE(1b, 2b)
		     : : "c"(msr), "a"((uint32_t)val), "d"((uint32_t)(val >> 32)) : "memory");
	return exception_count == before;
}

static bool gp0(void)
{
	return last_exception.vector == X86_EXC_GP && last_exception.error == 0;
}

static void reads(void)
{
	uint64_t v = 0, w = 0;

	bool ok = rdmsr_probe(MSR_TSC, &v);
	for (volatile int i = 0; i < 1000; i++)
		;
	check("MSR-1", ok && rdmsr_probe(MSR_TSC, &w) && w > v, "TSC reads and moves (+%llu)",
	      (unsigned long long)(w - v));
	ok = rdmsr_probe(MSR_EFER, &v);
	check("MSR-1", ok && !(v & (EFER_LME | EFER_LMA)),
	      "EFER reads %#llx: no LME or LMA", (unsigned long long)v);
	ok = rdmsr_probe(MSR_MISC_ENABLE, &v);
	check("MSR-1", ok && (v & (1u << 11)) && (v & (1u << 12)) && (v & (1u << 23)) &&
	      !(v & (1u << 7)) && !(v & (1u << 18)),
	      "MISC_ENABLE reads %#llx: BTS, PEBS unavailable, xTPR off, no perfmon, no MONITOR",
	      (unsigned long long)v);
	ok = rdmsr_probe(MSR_PAT, &v);
	check("MSR-1", ok && v == 0x0000050100070406ull, "PAT reads %#llx",
	      (unsigned long long)v);
	ok = rdmsr_probe(MSR_APIC_BASE, &v);
	check("MSR-1", ok && v == 0xfee00900, "APIC_BASE reads %#llx", (unsigned long long)v);
}

static const struct {
	uint32_t msr;
	const char *name;
} absent[] = {
	{ MSR_FS_BASE, "FS_BASE" }, { MSR_GS_BASE, "GS_BASE" },
	{ MSR_KERNEL_GS, "KERNEL_GS_BASE" },
	{ MSR_MTRRCAP, "MTRRcap" }, { MSR_MTRR_DEF, "MTRRdefType" },
	{ MSR_MTRR_BASE0, "MTRRphysBase0" }, { MSR_SYSENTER_CS, "SYSENTER_CS" },
	{ MSR_STAR, "STAR" }, { 0x12345678, "0x12345678" }, { 0xc0011234, "0xc0011234" },
};

static void refused(void)
{
	for (unsigned i = 0; i < sizeof(absent) / sizeof(absent[0]); i++) {
		uint64_t v;
		bool r = rdmsr_probe(absent[i].msr, &v);
		check("MSR-2", !r && gp0(), "rdmsr %s: #GP(0)%s", absent[i].name,
		      r ? " (it read)" : "");
		bool w = wrmsr_probe(absent[i].msr, 0);
		check("MSR-2", !w && gp0(), "wrmsr %s, 0: #GP(0)%s", absent[i].name,
		      w ? " (it completed)" : "");
	}
}

static void writes(void)
{
	uint64_t v = 0, after = 0;

	check("MSR-2", !wrmsr_probe(MSR_APIC_BASE, 0xfee00900) && gp0(),
	      "wrmsr APIC_BASE of the value it reads: #GP(0)");
	if (!rdmsr_probe(MSR_EFER, &v) || !rdmsr_probe(MSR_MISC_ENABLE, &after)) {
		test_error("rdmsr of EFER or MISC_ENABLE failed");
		return;
	}
	check("MSR-3", wrmsr_probe(MSR_EFER, v), "wrmsr EFER of the value it reads completes");
	check("MSR-3", !wrmsr_probe(MSR_EFER, v ^ EFER_SCE) && gp0(),
	      "wrmsr EFER with SCE flipped: #GP(0)");
	check("MSR-3", !wrmsr_probe(MSR_EFER, v | 1ull << 32) && gp0(),
	      "wrmsr EFER with bit 32 set: #GP(0)");
	check("MSR-3", rdmsr_probe(MSR_EFER, &after) && after == v, "EFER still reads %#llx",
	      (unsigned long long)after);
	rdmsr_probe(MSR_MISC_ENABLE, &v);
	check("MSR-3", wrmsr_probe(MSR_MISC_ENABLE, v), "wrmsr MISC_ENABLE of its value completes");
	check("MSR-3", wrmsr_probe(MSR_MISC_ENABLE, v ^ 1), "wrmsr MISC_ENABLE of another completes");
	check("MSR-3", rdmsr_probe(MSR_MISC_ENABLE, &after) && after == v,
	      "... and changed nothing (%#llx)", (unsigned long long)after);
}

void test_main(void)
{
	reads();
	refused();
	writes();
	test_success();
}
