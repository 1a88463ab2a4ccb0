/* What CPUID tells a PV guest: the host's leaves with what a 32-bit PV
 * kernel cannot use hidden (hardware virtualisation, long mode and its
 * system calls, MONITOR, XSAVE and the AVX that needs it, superpages,
 * the machine's own power, thermal and debug machinery), the hypervisor
 * bit set, and Xen's leaves at 0x40000000. A guest asks with Xen's forced-
 * emulation prefix ("ud2a; .ascii \"xen\"; cpuid"), or with a plain cpuid
 * where the CPU can make it fault (CPUID faulting). */
#include "arch/x86/pv/cpuid.h"
#include "arch/x86/cpu.h"

#define BIT(n)              (1u << (n))
#define BASIC_MAX           0xdu
#define EXT_MAX             0x80000008u
#define XEN_LEAVES          0x40000000u
#define XEN_LAST_LEAF       (XEN_LEAVES + 2)
#define XEN_MSR_BASE        0x40000000u
#define XEN_FEAT1_PRESERVE_AD BIT(0)

/* leaf 1 */
#define HIDE_1_ECX (BIT(3) | BIT(4) | BIT(5) | BIT(6) | BIT(7) | BIT(8) | BIT(12) | \
		    BIT(15) | BIT(17) | BIT(18) | BIT(21) | BIT(24) | BIT(26) | BIT(27) | \
		    BIT(28) | BIT(29))
#define HYPERVISOR_BIT BIT(31)
#define HIDE_1_EDX (BIT(1) | BIT(2) | BIT(3) | BIT(7) | BIT(12) | BIT(13) | BIT(14) | \
		    BIT(17) | BIT(21) | BIT(22) | BIT(29) | BIT(31))
/* leaf 7: BMI1, ERMS, BMI2, ADX, SHA: integer and SSE work only */
#define KEEP_7_EBX (BIT(3) | BIT(8) | BIT(9) | BIT(19) | BIT(29))
/* 0x80000001: SVM, SKINIT, WDT, LWP, TOPOEXT, PERFCTR_CORE; SYSCALL, FFXSR,
 * 1 GiB pages, RDTSCP, long mode */
#define HIDE_E1_ECX (BIT(2) | BIT(12) | BIT(13) | BIT(15) | BIT(22) | BIT(23))
#define HIDE_E1_EDX (BIT(11) | BIT(25) | BIT(26) | BIT(27) | BIT(29))
#define KEEP_E7_EDX BIT(8)              /* invariant TSC */

static void xen_leaf(uint32_t leaf, struct cpuid *r)
{
	switch (leaf - XEN_LEAVES) {
	case 0:
		*r = (struct cpuid){ XEN_LAST_LEAF, 0x566e6558, 0x65584d4d, 0x4d4d566e };
		return;
	case 1:
		*r = (struct cpuid){ XEN_CPUID_VERSION, 0, 0, 0 };
		return;
	case 2:
		*r = (struct cpuid){ 1, XEN_MSR_BASE, XEN_FEAT1_PRESERVE_AD, 0 };
		return;
	}
}

static struct cpuid host(uint32_t leaf, uint32_t subleaf)
{
	struct cpuid r;

	asm volatile("cpuid" : "=a"(r.eax), "=b"(r.ebx), "=c"(r.ecx), "=d"(r.edx)
		     : "a"(leaf), "c"(subleaf));
	return r;
}

void pv_cpuid(uint32_t leaf, uint32_t subleaf, struct cpuid *r)
{
	*r = (struct cpuid){ 0 };
	if (leaf >= XEN_LEAVES && leaf <= XEN_LAST_LEAF) {
		xen_leaf(leaf, r);
		return;
	}
	uint32_t basic_max = host(0, 0).eax, ext_max = host(0x80000000, 0).eax;
	basic_max = basic_max < BASIC_MAX ? basic_max : BASIC_MAX;
	ext_max = ext_max < EXT_MAX ? ext_max : EXT_MAX;
	if (leaf > basic_max && (leaf < 0x80000000 || leaf > ext_max))
		return;
	*r = host(leaf, subleaf);
	switch (leaf) {
	case 0:
		r->eax = basic_max;
		break;
	case 1:
		r->ebx &= 0x0000ffff;           /* one logical CPU, APIC id 0 */
		r->ecx = (r->ecx & ~HIDE_1_ECX) | HYPERVISOR_BIT;
		r->edx &= ~HIDE_1_EDX;
		break;
	case 7:
		*r = (struct cpuid){ 0, subleaf == 0 ? r->ebx & KEEP_7_EBX : 0, 0, 0 };
		break;
	case 5: case 6: case 0xa: case 0xb: case 0xd:
		*r = (struct cpuid){ 0 };
		break;
	case 0x80000000:
		r->eax = ext_max;
		break;
	case 0x80000001:
		r->ecx &= ~HIDE_E1_ECX;
		r->edx &= ~HIDE_E1_EDX;
		break;
	case 0x80000007:
		*r = (struct cpuid){ 0, 0, 0, r->edx & KEEP_E7_EDX };
		break;
	}
}
