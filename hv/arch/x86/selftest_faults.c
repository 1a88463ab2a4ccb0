/* The self-test's look at fault handling: each probe runs one faulting
 * instruction covered by an __ex_table entry, and the recorded fault must
 * name the right vector, address and error code. */
#include "arch/arch.h"
#include "arch/x86/traps.h"
#include "console/log.h"
#include "selftest.h"

/* Each probe returns the faulting instruction's address. */
static uint64_t probe_ud(void)
{
	uint64_t at;
	asm volatile("leaq 1f(%%rip), %0\n1:\tud2\n2:\n\t" EXTABLE_ENTRY(1b, 2b) : "=r"(at));
	return at;
}

static uint64_t probe_read(uintptr_t addr)
{
	uint64_t at;
	asm volatile("leaq 1f(%%rip), %0\n1:\tmovl (%1), %%eax\n2:\n\t" EXTABLE_ENTRY(1b, 2b)
		     : "=&r"(at) : "r"(addr) : "eax", "memory");
	return at;
}

static uint64_t probe_write(uintptr_t addr)
{
	uint64_t at;
	asm volatile("leaq 1f(%%rip), %0\n1:\taddl $0, (%1)\n2:\n\t" EXTABLE_ENTRY(1b, 2b)
		     : "=&r"(at) : "r"(addr) : "memory");
	return at;
}

static uint64_t probe_divide(void)
{
	uint64_t at;
	asm volatile("leaq 1f(%%rip), %0\n\txorl %%ecx, %%ecx\n\tmovl $1, %%eax\n\txorl %%edx, %%edx\n"
		     "1:\tdivl %%ecx\n2:\n\t" EXTABLE_ENTRY(1b, 2b)
		     : "=&r"(at) : : "eax", "ecx", "edx");
	return at;
}

/* A single 'ret' in writable data: calling it must fault on the fetch when
 * NX is on. The fixup drops the return address the call pushed. */
extern const char nx_probe_ret[];
asm(".pushsection .data\n"
    ".globl nx_probe_ret\n"
    "nx_probe_ret: .byte 0xc3\n"
    ".popsection\n");

static void probe_exec_data(void)
{
	asm volatile("call nx_probe_ret\n\tjmp 2f\n"
		     "1:\taddq $8, %%rsp\n2:\n\t" EXTABLE_ENTRY(nx_probe_ret, 1b)
		     : : : "memory");
}

static bool recorded(unsigned vector, uint64_t rip, unsigned count_before)
{
	return last_fixup.count == count_before + 1 && last_fixup.vector == vector &&
	       last_fixup.rip == rip;
}

void arch_selftest_faults(void)
{
	unsigned n = last_fixup.count;
	uint64_t at = probe_ud();
	selftest_check(recorded(VEC_UD, at, n), "#UD is caught and recorded at the faulting instruction");

	n = last_fixup.count;
	uintptr_t hole = NEVER_MAPPED + 0x10;
	at = probe_read(hole);
	selftest_check(recorded(VEC_PF, at, n) && last_fixup.cr2 == hole && last_fixup.error_code == 0,
	      "#PF on an unmapped read reports CR2 and a not-present read");

	n = last_fixup.count;
	at = probe_write((uintptr_t)&probe_ud);
	selftest_check(recorded(VEC_PF, at, n) && last_fixup.error_code == 3,
	      "#PF on a write to hypervisor text (text is read-only)");

	n = last_fixup.count;
	at = probe_divide();
	selftest_check(recorded(VEC_DE, at, n), "#DE is caught and recorded");

	if (cpu_has.nx) {
		n = last_fixup.count;
		probe_exec_data();
		selftest_check(recorded(VEC_PF, (uintptr_t)nx_probe_ret, n) &&
		      (last_fixup.error_code & 0x10), "NX: executing writable data faults");
	} else {
		log_info("selftest: skip NX (the CPU has none)");
	}
}

