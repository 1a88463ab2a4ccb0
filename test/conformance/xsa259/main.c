/* xsa259: int $0x80 with no handler is a #GP, however it got there
 * (XSA-259).
 *
 * XSA-259: with its page-table isolation on, Xen crashed when a PV guest
 * raised "int $0x80" while it had no handler for the vector. ringlet takes
 * int $0x80 on a short path of its own (a cached copy of the guest's entry),
 * which must follow the trap table: a vector without a handler, or one
 * whose handler was removed, gives the guest #GP with the vector's error
 * code and costs the hypervisor nothing.
 *
 * Rules checked:
 *   XSA259-1  int $0x80 with no handler, from ring 1 and from ring 3, is a
 *             #GP with error code 0x402 ((0x80 << 3) | 2) at the int
 *   XSA259-2  with a DPL-3 handler set, int $0x80 from ring 3 reaches it
 *   XSA259-3  after set_trap_table(NULL) drops it (and the table is set up
 *             again without 0x80) int $0x80 from ring 3 is a #GP again
 */
#include "guest.h"
#include "ring3.h"

const char test_title[] = "xsa259: int $0x80 without a handler is a #GP";

extern char int80_insn[];
volatile uint32_t int80_count, r3_faults;
volatile struct exinfo r3_ex;

void int80_handler(void);
asm(".text\n"
    "int80_handler:\n\t"
    "lock incl int80_count\n\t"
    "iret\n");

__attribute__((noinline)) static void int80(void)
{
	uint32_t before = exception_count;

	asm volatile("int80_insn: int $0x80\n2:\n\t" EXTABLE(int80_insn, 2b) ::: "memory");
	r3_faults = exception_count - before;
	r3_ex = last_exception;
}

static void expect_gp(const char *rule, const char *what)
{
	printk("%s\n", what);
	check_eq(rule, "exceptions", r3_faults, 1);
	check_eq(rule, "vector", r3_ex.vector, X86_EXC_GP);
	check_eq_hex(rule, "error code", r3_ex.error, (0x80 << 3) | 2);
	check_eq_hex(rule, "eip", r3_ex.eip, (uint32_t)(uintptr_t)int80_insn);
}

void test_main(void)
{
	if (ring3_init() != 0)
		return test_error("cannot set up ring 3");

	int80();
	expect_gp("XSA259-1", "int $0x80 from ring 1, no handler:");
	ring3_run(int80, RING3_BY_IRET);
	expect_gp("XSA259-1", "int $0x80 from ring 3, no handler:");

	struct trap_info t[2] = {
		{ .vector = 0x80, .flags = 3, .cs = FLAT_RING1_CS,
		  .address = (uint32_t)(uintptr_t)int80_handler },
		{ 0 },
	};
	if (hypercall_set_trap_table(t) != 0)
		return test_error("cannot set a handler for 0x80");
	ring3_run(int80, RING3_BY_IRET);
	check_eq("XSA259-2", "int $0x80 from ring 3 reached the handler", int80_count, 1);
	check_eq("XSA259-2", "and raised no exception", r3_faults, 0);

	if (hypercall_set_trap_table(NULL) != 0 || traps_init() != 0 || ring3_register_exit() != 0)
		return test_error("cannot set the trap table up again");
	ring3_run(int80, RING3_BY_IRET);
	expect_gp("XSA259-3", "int $0x80 from ring 3 after the handler was dropped:");
	check_eq("XSA259-3", "the dropped handler did not run", int80_count, 1);
	test_success();
}
