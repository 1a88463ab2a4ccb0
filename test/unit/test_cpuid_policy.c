/* The CPUID policy for PV guests (hv/arch/x86/pv/cpuid.c), run over this
 * machine's own CPUID: whatever the host has, what a PV guest cannot use
 * stays hidden, the hypervisor bit shows, and Xen's leaves say Xen. */
#include "unit.h"
#include "arch/x86/pv/cpuid.h"

static void test_xen_leaves(void)
{
	struct cpuid r;

	pv_cpuid(0x40000000, 0, &r);
	CHECK_EQ(r.eax, 0x40000002u);
	CHECK_EQ(r.ebx, 0x566e6558u);
	CHECK_EQ(r.ecx, 0x65584d4du);
	CHECK_EQ(r.edx, 0x4d4d566eu);
	pv_cpuid(0x40000001, 0, &r);
	CHECK_EQ(r.eax, XEN_CPUID_VERSION);
	pv_cpuid(0x40000002, 0, &r);
	CHECK_EQ(r.eax, 1u);
	CHECK_EQ(r.ebx, 0x40000000u);
	pv_cpuid(0x40000003, 0, &r);
	CHECK(r.eax == 0 && r.ebx == 0 && r.ecx == 0 && r.edx == 0);
}

static void test_hidden(void)
{
	struct cpuid r;

	pv_cpuid(1, 0, &r);
	CHECK(r.ecx & (1u << 31));                       /* hypervisor */
	CHECK(!(r.ecx & ((1u << 3) | (1u << 5) | (1u << 26) | (1u << 27) | (1u << 28))));
	CHECK(!(r.edx & ((1u << 3) | (1u << 13))));      /* PSE, PGE */
	CHECK_EQ(r.ebx >> 16, 0u);                       /* one CPU, APIC id 0 */
	pv_cpuid(0x80000001, 0, &r);
	CHECK(!(r.edx & ((1u << 29) | (1u << 11) | (1u << 26) | (1u << 27))));
	CHECK(!(r.ecx & (1u << 2)));                     /* SVM */
	for (uint32_t sub = 0; sub < 3; sub++) {
		pv_cpuid(7, sub, &r);
		CHECK(!(r.ebx & (1u << 5)));             /* AVX2 */
		CHECK(r.ecx == 0 && r.edx == 0);
		pv_cpuid(0xd, sub, &r);
		CHECK(r.eax == 0 && r.ebx == 0 && r.ecx == 0 && r.edx == 0);
	}
}

/* Past the last leaf (basic or extended) everything is zero, and the
 * maxima themselves are clamped. */
static void test_ranges(void)
{
	struct cpuid r, top;

	pv_cpuid(0, 0, &top);
	CHECK(top.eax <= 0xd);
	pv_cpuid(top.eax + 1, 0, &r);
	CHECK(r.eax == 0 && r.ebx == 0 && r.ecx == 0 && r.edx == 0);
	pv_cpuid(0x80000000, 0, &top);
	CHECK(top.eax <= 0x80000008);
	pv_cpuid(top.eax + 1, 0, &r);
	CHECK(r.eax == 0 && r.ebx == 0 && r.ecx == 0 && r.edx == 0);
	pv_cpuid(0x4fffffff, 0, &r);
	CHECK(r.eax == 0 && r.ebx == 0 && r.ecx == 0 && r.edx == 0);
}

UNIT_MAIN(
	UNIT(test_xen_leaves),
	UNIT(test_hidden),
	UNIT(test_ranges),
)
