/* xsa183: exception frames land whole on any guest kernel stack (XSA-183).
 *
 * XSA-183: with SMAP on, Xen's delivery of exceptions and events to a
 * 32-bit PV guest wrote the frame onto the guest's stack without allowing
 * the access to user-accessible pages (and ring-1 pages are user pages to
 * the CPU), and crashed the host on a safety check. Whatever the stack
 * pages are, delivering a frame must write it whole, also when it
 * straddles two pages, and leave the hypervisor untouched.
 *
 * Rules checked:
 *   XSA183-1  with the stack on pages that carry the user bit, an int3, a
 *             #GP with an error code and a #PF each reach the guest's
 *             handler once, with the right vector, error code and eip,
 *             for stack tops 0 to 16 bytes above a page boundary (the
 *             frame straddling it)
 */
#include "guest.h"
#include "pagetable.h"
#include "ring3.h"

const char test_title[] = "xsa183: exception frames on user-bit stack pages straddling a page";

static uint8_t area[3 * 4096] __attribute__((aligned(4096)));
volatile uint32_t saved_esp;

/* name(top): runs setup and then insn with %esp at top; the fixup brings it
 * back to the C stack. */
#define ON_STACK(name, setup, insn)                                          \
	extern char name##_insn[];                                           \
	void name(uint32_t top);                                             \
	asm(".text\n" #name ":\n\t"                                          \
	    "pushl %ebp\n\t"                                                 \
	    "movl %esp, saved_esp\n\t"                                       \
	    "movl 8(%esp), %esp\n\t"                                         \
	    setup "\n"                                                       \
	    #name "_insn: " insn "\n"                                        \
	    "1:\tmovl saved_esp, %esp\n\t"                                   \
	    "popl %ebp\n\t"                                                  \
	    "ret\n\t"                                                        \
	    EXTABLE(name##_insn, 1b))

/* int3 is a trap: the frame names the instruction after it. */
ON_STACK(bp_on, "int3", "nop");
ON_STACK(gp_on, "movl $0x0005, %eax", "movl %eax, %ds");
ON_STACK(pf_on, "", "movl 0, %eax");

static void one(void (*fn)(uint32_t), const char *what, int vector, uint32_t error,
		const char *insn, uint32_t top)
{
	uint32_t before = exception_count;

	fn(top);
	expect("XSA183-1", exception_count - before == 1 && last_exception.vector == vector &&
		   last_exception.error == error && last_exception.eip == (uint32_t)(uintptr_t)insn,
	       "%s with the stack at page boundary + %u: %u exception(s), vector %d error %#x "
	       "at %#x", what, top & 0xfff, exception_count - before, last_exception.vector,
	       last_exception.error, last_exception.eip);
}

void test_main(void)
{
	if (ring3_init() != 0)
		return test_error("cannot give the image's pages the user bit");
	uint32_t boundary = (uint32_t)(uintptr_t)area + 2 * 4096;
	check("XSA183-1", (pt_l1e(boundary) & pt_l1e(boundary - 4096) & PV_PTE_USER) != 0,
	      "the stack's two pages carry the user bit");
	unsigned runs = 0;
	for (uint32_t k = 0; k <= 16; k += 4, runs++) {
		one(bp_on, "int3", X86_EXC_BP, 0, bp_on_insn, boundary + k);
		one(gp_on, "a bad %ds", X86_EXC_GP, 0x0004, gp_on_insn, boundary + k);
		one(pf_on, "a read of NULL", X86_EXC_PF, 0, pf_on_insn, boundary + k);
	}
	check_eq("XSA183-1", "stack tops tried, three faults each", runs, 5);
	test_success();
}
