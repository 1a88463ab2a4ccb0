/* xsa339: sysenter from a PV guest raises one exception (XSA-339).
 *
 * XSA-339: Xen's SYSENTER entry injected #GP into a 32-bit PV guest that
 * had registered no sysenter callback, and then delivered it a second
 * time, so the guest's handler ran on a frame that was not there. The
 * instruction's fate differs between hypervisors and CPUs (ringlet enables
 * no SYSENTER: the CPU's own #GP, or #UD where sysenter does not exist;
 * Xen injects #GP with no return address, sysenter saving none), but every
 * time exactly one exception reaches the guest, once, and the guest goes
 * on.
 *
 * Rules checked:
 *   XSA339-1  sysenter from ring 1 with no sysenter callback delivers
 *             exactly one #GP or #UD, with error code 0
 *   XSA339-2  the same from ring 3
 *   XSA339-3  after either, the guest runs normally: ten more in a row give
 *             ten exceptions, no more
 */
#include "guest.h"
#include "ring3.h"

const char test_title[] = "xsa339: sysenter delivers one exception";

volatile uint32_t sys_count, sys_vector, sys_error, sys_resume;

/* #GP and #UD handlers for this test: count, note the vector and error
 * code, and resume at sys_resume whatever the frame says (Xen's frame for
 * sysenter carries no usable eip). Frame on entry: [error,] eip, cs, eflags
 * (esp, ss from ring 3). */
void sys_gp(void);
void sys_ud(void);
asm(".text\n"
    "sys_gp:\n\t"
    "popl sys_error\n\t"
    "movl $13, sys_vector\n\t"
    "jmp 1f\n"
    "sys_ud:\n\t"
    "movl $0, sys_error\n\t"
    "movl $6, sys_vector\n"
    "1:\tlock incl sys_count\n\t"
    "pushl %eax\n\t"
    "movl sys_resume, %eax\n\t"
    "movl %eax, 4(%esp)\n\t"
    "popl %eax\n\t"
    "iret\n");

__attribute__((noinline)) static void do_sysenter(void)
{
	asm volatile("movl $1f, sys_resume\n\t"
		     "movl %%esp, %%ecx\n\t"
		     "movl $1f, %%edx\n\t"
		     "sysenter\n"
		     "1:\n\t" ::: "ecx", "edx", "memory");
}

static long set_handlers(void)
{
	struct trap_info t[] = {
		{ .vector = X86_EXC_GP, .flags = 3, .cs = FLAT_RING1_CS,
		  .address = (uint32_t)(uintptr_t)sys_gp },
		{ .vector = X86_EXC_UD, .flags = 3, .cs = FLAT_RING1_CS,
		  .address = (uint32_t)(uintptr_t)sys_ud },
		{ 0 },
	};
	return hypercall_set_trap_table(t);
}

static void one(const char *rule, int ring)
{
	sys_count = 0;
	sys_vector = 0;
	sys_error = 0xdead;
	if (ring == 3)
		ring3_run(do_sysenter, RING3_BY_IRET);
	else
		do_sysenter();
	check_eq(rule, ring == 3 ? "exceptions from ring 3" : "exceptions from ring 1", sys_count,
		 1);
	check(rule, (sys_vector == X86_EXC_GP || sys_vector == X86_EXC_UD) && sys_error == 0,
	      "ring %d: it was %s, error code %#x", ring, exception_name((int)sys_vector),
	      sys_error);
}

void test_main(void)
{
	if (ring3_init() != 0 || set_handlers() != 0)
		return test_error("cannot set up ring 3 and the handlers");
	one("XSA339-1", 1);
	one("XSA339-2", 3);
	sys_count = 0;
	for (unsigned i = 0; i < 10; i++)
		do_sysenter();
	check_eq("XSA339-3", "exceptions from ten in a row", sys_count, 10);
	if (traps_init() != 0)
		return test_error("cannot put the trap table back");
	test_success();
}
