/* cpuid: what CPUID tells a PV guest, and the two ways it asks.
 *
 * Rules checked (pvabi/ABI.md):
 *   CPUID-1  Xen's forced-emulation prefix ("ud2a; .ascii \"xen\"; cpuid")
 *            runs CPUID for the guest and resumes after it; leaf 0x40000000
 *            says "XenVMMXenVMM" with the last Xen leaf (at least
 *            0x40000002) in eax, 0x40000001 the version XENVER_version
 *            gives, 0x40000002 one hypercall page and the MSR base
 *   CPUID-2  the policy: the hypervisor bit set, hardware virtualisation
 *            (VMX, SVM) and MONITOR hidden
 *   CPUID-3  where the hypervisor can make a plain cpuid fault (CPUID
 *            faulting), it answers the same as the forced path; where it
 *            cannot, the plain instruction runs on the CPU and nothing is
 *            compared
 *   CPUID-4  "ud2a; .ascii \"xen\"" followed by anything but cpuid, and a
 *            bare ud2a, are a #UD at the ud2a for the guest */
#include "guest.h"

const char test_title[] = "cpuid: the forced-emulation prefix, the policy, plain cpuid";

struct regs4 {
	uint32_t a, b, c, d;
};

static struct regs4 forced(uint32_t leaf, uint32_t sub)
{
	struct regs4 r;

	asm volatile("ud2a; .ascii \"xen\"; cpuid"
		     : "=a"(r.a), "=b"(r.b), "=c"(r.c), "=d"(r.d) : "a"(leaf), "c"(sub));
	return r;
}

static struct regs4 plain(uint32_t leaf, uint32_t sub)
{
	struct regs4 r;

	asm volatile("cpuid" : "=a"(r.a), "=b"(r.b), "=c"(r.c), "=d"(r.d) : "a"(leaf), "c"(sub));
	return r;
}

static void check_xen_leaves(void)
{
	struct regs4 r = forced(0x40000000, 0);
	check("CPUID-1", r.b == 0x566e6558 && r.c == 0x65584d4d && r.d == 0x4d4d566e,
	      "leaf 0x40000000 says XenVMMXenVMM (%08x %08x %08x)", r.b, r.c, r.d);
	check("CPUID-1", r.a >= 0x40000002 && r.a < 0x40000100,
	      "the last Xen leaf is %#x (at least 0x40000002)", r.a);
	long version = hypercall_xen_version(XENVER_version, NULL);
	r = forced(0x40000001, 0);
	check("CPUID-1", (long)r.a == version, "leaf 0x40000001 says version %#x (XENVER_version %#lx)",
	      r.a, version);
	r = forced(0x40000002, 0);
	check("CPUID-1", r.a == 1 && r.b == 0x40000000,
	      "leaf 0x40000002: %u hypercall page(s), MSR base %#x", r.a, r.b);
}

static void check_policy(void)
{
	struct regs4 r = forced(1, 0);
	check("CPUID-2", r.c & (1u << 31), "leaf 1: the hypervisor bit is set (ecx %08x)", r.c);
	check("CPUID-2", !(r.c & (1u << 5)), "leaf 1: VMX is hidden");
	check("CPUID-2", !(r.c & (1u << 3)), "leaf 1: MONITOR is hidden");
	uint32_t ext = forced(0x80000000, 0).a;
	if (ext >= 0x80000001)
		check("CPUID-2", !(forced(0x80000001, 0).c & (1u << 2)), "leaf 0x80000001: SVM is hidden");
}

static void compare_paths(void)
{
	static const uint32_t leaves[] = { 0, 1, 7, 0x80000000, 0x80000001, 0x40000000, 0x40000001,
					   0x40000002 };
	struct regs4 p = plain(0x40000000, 0);

	if (p.b != 0x566e6558) {
		printk("plain cpuid runs on the CPU here (no CPUID faulting): not compared\n");
		return;
	}
	for (unsigned i = 0; i < sizeof(leaves) / sizeof(leaves[0]); i++) {
		struct regs4 f = forced(leaves[i], 0), q = plain(leaves[i], 0);
		check("CPUID-3", f.a == q.a && f.b == q.b && f.c == q.c && f.d == q.d,
		      "leaf %#x: the plain instruction answers as the forced path", leaves[i]);
	}
}

/* An instruction that must raise #UD at its first byte. */
#define EXPECT_UD(what, insns)                                                        \
	do {                                                                          \
		uint32_t at, before = exception_count;                                \
		asm volatile("movl $1f, %0\n1:\t" insns "\n2:\n\t" EXTABLE(1b, 2b)    \
			     : "=r"(at) : : "memory");                                \
		check("CPUID-4", exception_count == before + 1 &&                     \
		      last_exception.vector == X86_EXC_UD && last_exception.eip == at, \
		      "%s: #UD at its first byte", what);                             \
	} while (0)

static void check_not_cpuid(void)
{
	EXPECT_UD("the prefix before a nop", "ud2a; .ascii \"xen\"; nop");
	EXPECT_UD("the prefix before rdtsc", "ud2a; .ascii \"xen\"; rdtsc");
	EXPECT_UD("a bare ud2a", "ud2a; nop; nop; nop; nop; nop");
	EXPECT_UD("the prefix spelt \"xem\"", "ud2a; .ascii \"xem\"; cpuid");
}

void test_main(void)
{
	check_xen_leaves();
	check_policy();
	compare_paths();
	check_not_cpuid();
	test_success();
}
