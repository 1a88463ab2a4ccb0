#include "arch/x86/cpu.h"
#include "lib/string.h"

struct cpu_features cpu_has;

static void store_regs(char *dst, struct cpuid r)
{
	memcpy(dst, &r.eax, 4);
	memcpy(dst + 4, &r.ebx, 4);
	memcpy(dst + 8, &r.ecx, 4);
	memcpy(dst + 12, &r.edx, 4);
}

void cpu_detect(void)
{
	struct cpuid r = cpuid(0);
	uint32_t max = r.eax;

	memcpy(cpu_has.vendor, &r.ebx, 4);
	memcpy(cpu_has.vendor + 4, &r.edx, 4);
	memcpy(cpu_has.vendor + 8, &r.ecx, 4);
	if (max >= 1) {
		r = cpuid(1);
		cpu_has.tsc = r.edx & (1u << 4);
		cpu_has.pae = r.edx & (1u << 6);
		cpu_has.apic = r.edx & (1u << 9);
		cpu_has.pge = r.edx & (1u << 13);
		cpu_has.fxsr = r.edx & (1u << 24);
		cpu_has.sse2 = r.edx & (1u << 26);
	}
	uint32_t xmax = cpuid(0x80000000).eax;
	if (xmax >= 0x80000001) {
		cpu_has.nx = cpuid(0x80000001).edx & (1u << 20);
		cpu_has.lm = cpuid(0x80000001).edx & (1u << 29);
	}
	if (xmax >= 0x80000004) {
		for (uint32_t i = 0; i < 3; i++)
			store_regs(cpu_has.brand + 16 * i, cpuid(0x80000002 + i));
	}
	if (xmax >= 0x80000007)
		cpu_has.invariant_tsc = cpuid(0x80000007).edx & (1u << 8);
}
