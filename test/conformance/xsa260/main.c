/* xsa260: a data breakpoint deferred by mov ss across a hypercall
 * (XSA-260).
 *
 * XSA-260: "mov ss" (and "pop ss") hold back a #DB from a data breakpoint
 * it hit until after the next instruction; when that instruction entered
 * the hypervisor, the #DB arrived in hypervisor context, on the
 * hypervisor's first instruction, and Xen mistook it for its own fault.
 * The hypervisor must survive it, finish the hypercall with its right
 * result, and give the guest at most the one #DB its breakpoint earned
 * (Xen passes it on; ringlet drops a breakpoint it hits on the guest's
 * behalf).
 *
 * Rules checked:
 *   XSA260-1  with DR0 watching the word "mov ss" reads, "mov ss; int
 *             $0x82" runs the hypercall and returns its result; the guest
 *             takes at most one #DB for it, and runs on
 *   XSA260-2  the breakpoint works outside that window: a plain read of
 *             the word gives one #DB
 */
#include "guest.h"

const char test_title[] = "xsa260: a data breakpoint deferred by mov ss into a hypercall";

#define DR7_L0_RW0_LEN2 (0x1u | (3u << 16) | (1u << 18))   /* reads and writes, 2 bytes */

volatile uint16_t ss_word __attribute__((aligned(4))) = FLAT_RING1_SS;
volatile uint32_t db_count;

/* #DB is a trap here: count it and go on after the instruction. */
void db_handler(void);
asm(".text\ndb_handler:\n\tlock incl db_count\n\tiret\n");

void test_main(void)
{
	struct trap_info t[2] = {
		{ .vector = X86_EXC_DB, .flags = 1, .cs = FLAT_RING1_CS,
		  .address = (uint32_t)(uintptr_t)db_handler },
		{ 0 },
	};
	if (hypercall_set_trap_table(t) != 0 ||
	    hypercall_set_debugreg(0, (uint32_t)(uintptr_t)&ss_word) != 0 ||
	    hypercall_set_debugreg(7, DR7_L0_RW0_LEN2) != 0)
		return test_error("cannot set the #DB handler and the breakpoint");

	long version = hypercall_xen_version(XENVER_version, NULL);
	long rc;
	db_count = 0;
	asm volatile("movw ss_word, %%ss\n\t"
		     "int $0x82"
		     : "=a"(rc) : "0"(__HYPERVISOR_xen_version), "b"(XENVER_version), "c"(0)
		     : "memory", "edx");
	uint32_t in_window = db_count;
	check_eq_hex("XSA260-1", "the hypercall's result", (uint32_t)rc, (uint32_t)version);
	check("XSA260-1", in_window <= 1, "#DBs for mov ss; int $0x82: %u", in_window);

	db_count = 0;
	uint16_t v = ss_word;
	check_eq("XSA260-2", "#DBs for a plain read of the watched word", db_count, 1);
	check_eq_hex("XSA260-2", "the word read", v, FLAT_RING1_SS);
	hypercall_set_debugreg(7, 0);
	test_success();
}
