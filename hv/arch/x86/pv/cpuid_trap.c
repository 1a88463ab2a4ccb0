/* Where a guest's CPUID reaches pv_cpuid(): Xen's forced-emulation prefix
 * at a #UD, and a plain cpuid at a #GP(0) when CPUID faulting is on. */
#include "arch/x86/pv/cpuid.h"
#include "arch/x86/pv/pv.h"
#include "arch/x86/traps.h"
#include "lib/string.h"

#define MSR_PLATFORM_INFO          0xce
#define PLATFORM_CPUID_FAULTING    (1ull << 31)
#define MSR_MISC_FEATURES_ENABLES  0x140
#define MISC_CPUID_FAULTING        1ull

static const uint8_t forced_cpuid[] = { 0x0f, 0x0b, 'x', 'e', 'n', 0x0f, 0xa2 };
static const uint8_t plain_cpuid[] = { 0x0f, 0xa2 };

bool pv_emulate_cpuid(struct vcpu *v, struct cpu_regs *frame, bool forced)
{
	const uint8_t *want = forced ? forced_cpuid : plain_cpuid;
	size_t len = forced ? sizeof(forced_cpuid) : sizeof(plain_cpuid);
	uint8_t insn[sizeof(forced_cpuid)];
	struct cpuid r;

	if (pv_read_code(v, frame, insn, len) < 0 || memcmp(insn, want, len) != 0)
		return false;
	pv_cpuid(frame->eax, frame->ecx, &r);
	frame->eax = r.eax;
	frame->ebx = r.ebx;
	frame->ecx = r.ecx;
	frame->edx = r.edx;
	frame->eip += (uint32_t)len;
	return true;
}

/* rdmsr that answers false where the CPU has no such MSR. */
static bool rdmsr_safe(uint32_t msr, uint64_t *value)
{
	uint32_t lo = 0, hi = 0, ok = 1;

	asm volatile("1:\trdmsr\n2:\n"
		     "\t.pushsection .text.fixup, \"ax\"\n"
		     "3:\txorl %2, %2\n\tjmp 2b\n"
		     "\t.popsection\n\t"
		     EXTABLE_ENTRY(1b, 3b)
		     : "+a"(lo), "+d"(hi), "+r"(ok) : "c"(msr));
	*value = (uint64_t)hi << 32 | lo;
	return ok;
}

bool cpuid_faulting_init(void)
{
	uint64_t info, misc;

	if (!rdmsr_safe(MSR_PLATFORM_INFO, &info) || !(info & PLATFORM_CPUID_FAULTING) ||
	    !rdmsr_safe(MSR_MISC_FEATURES_ENABLES, &misc))
		return false;
	wrmsr(MSR_MISC_FEATURES_ENABLES, misc | MISC_CPUID_FAULTING);
	return true;
}
