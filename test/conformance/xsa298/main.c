/* xsa298: far transfers through descriptors the guest does not have are
 * #GP (XSA-298).
 *
 * XSA-298: when Xen emulated a far call through a call gate for a 32-bit
 * PV guest it read the gate from the LDT or GDT without checking the
 * table's limit, so guest user code could use descriptors of its own
 * choosing. ringlet emulates no gates (it refuses system descriptors,
 * DESC-1) and maps no LDT (EXT-5); a far call or jump through a selector
 * past the end of the guest's tables, from either ring, must give the
 * guest #GP with the selector as the error code and run nothing.
 *
 * Rules checked:
 *   XSA298-1  lcall/ljmp through an LDT selector with no LDT is #GP with
 *             error code selector & ~3, from ring 1 and from ring 3
 *   XSA298-2  the same through a GDT selector past the guest's entries
 *             (one in the guest's part with no GDT set, and the last one)
 *   XSA298-3  lcall through the null selector is #GP(0)
 */
#include "guest.h"
#include "ring3.h"

const char test_title[] = "xsa298: far calls and jumps through missing descriptors";

extern char far_call_insn[], far_jmp_insn[];
volatile uint32_t far_target_reached;
volatile uint16_t far_sel;
volatile uint32_t far_faults[2];
volatile struct exinfo far_ex[2];

void far_target(void);
asm(".text\nfar_target:\n\tincl far_target_reached\n\tlret\n");

/* lcall and ljmp through far_sel, each recorded in far_faults/far_ex. */
__attribute__((noinline)) static void far_transfers(void)
{
	static volatile uint32_t ptr[2];
	uint32_t before = exception_count;

	ptr[0] = (uint32_t)(uintptr_t)far_target;
	ptr[1] = far_sel;
	asm volatile("far_call_insn: lcall *%0\n2:\n\t" EXTABLE(far_call_insn, 2b)
		     :: "m"(ptr) : "memory");
	far_faults[0] = exception_count - before;
	far_ex[0] = last_exception;
	before = exception_count;
	asm volatile("far_jmp_insn: ljmp *%0\n2:\n\t" EXTABLE(far_jmp_insn, 2b)
		     :: "m"(ptr) : "memory");
	far_faults[1] = exception_count - before;
	far_ex[1] = last_exception;
}

static void expect_gp(const char *rule, const char *how, uint16_t sel, int ring)
{
	char what[96];

	far_sel = sel;
	if (ring == 3)
		ring3_run(far_transfers, RING3_BY_IRET);
	else
		far_transfers();
	for (unsigned i = 0; i < 2; i++) {
		format(what, sizeof(what), "%s through %#x (%s) from ring %d", i ? "ljmp" : "lcall",
		       sel, how, ring);
		check(rule, far_faults[i] == 1 && far_ex[i].vector == X86_EXC_GP &&
			    far_ex[i].error == (sel & 0xfffcu) &&
			    far_ex[i].eip == (uint32_t)(uintptr_t)(i ? far_jmp_insn : far_call_insn),
		      "%s: %u exception(s), vector %d error %#x at %#x", what, far_faults[i],
		      far_ex[i].vector, far_ex[i].error, far_ex[i].eip);
	}
}

void test_main(void)
{
	if (ring3_init() != 0)
		return test_error("cannot set up ring 3");
	for (int ring = 1; ring <= 3; ring += 2) {
		expect_gp("XSA298-1", "LDT entry 0", 0x0004 | ring, ring);
		expect_gp("XSA298-1", "LDT entry 100", 100 << 3 | 4 | ring, ring);
		expect_gp("XSA298-2", "GDT entry 256, no GDT set", 256 << 3 | ring, ring);
		expect_gp("XSA298-2", "the last GDT entry", 0xfff8 | ring, ring);
	}
	far_sel = 0;
	far_transfers();
	check("XSA298-3", far_faults[0] == 1 && far_ex[0].vector == X86_EXC_GP &&
		  far_ex[0].error == 0,
	      "lcall through the null selector: %u exception(s), vector %d error %#x",
	      far_faults[0], far_ex[0].vector, far_ex[0].error);
	check_eq("XSA298-1", "far_target never ran", far_target_reached, 0);
	test_success();
}
