/* debugreg: a guest's debug registers.
 *
 * Rules checked (pvabi/ABI.md):
 *   DBG-1  set_debugreg/get_debugreg (and mov %drN in ring 1) keep DR0-DR3,
 *          DR6 and DR7; a breakpoint address whose 4 bytes reach the hole is
 *          -EPERM (Xen 4.17 takes any 32-bit address), as are DR7's
 *          general-detect bit and an I/O breakpoint;
 *          a register other than 0-7 is -ENODEV
 *   DBG-2  a data breakpoint the guest sets fires in the guest: #DB after
 *          the write, DR6 naming it; one the hypervisor hits, copying into
 *          the guest for a hypercall, does not stop the hypervisor: the
 *          call completes */
#include "guest.h"
#include "platform.h"

const char test_title[] = "debugreg: debug registers, checked, and breakpoints in and out of the guest";

#define DR7_L0        0x1u
#define DR7_GD        0x2000u
#define DR7_W0_LEN4   ((1u << 16) | (3u << 18))      /* breakpoint 0: writes, 4 bytes */
#define DR7_IO0       (2u << 16)

static volatile uint32_t watched __attribute__((aligned(8)));
static char version_buf[16] __attribute__((aligned(16)));

static void check_registers(void)
{
	check_rc("DBG-1", "set_debugreg(0, &watched)", hypercall_set_debugreg(0, (uint32_t)&watched), 0);
	check_eq_hex("DBG-1", "get_debugreg(0)", (uint32_t)hypercall_get_debugreg(0), (uint32_t)&watched);
	uint32_t dr1 = 0x12345678;
	asm volatile("mov %0, %%dr1" : : "r"(dr1));
	uint32_t back;
	asm volatile("mov %%dr1, %0" : "=r"(back));
	check_eq_hex("DBG-1", "mov to %dr1, then from it", back, dr1);
	check_rc("DBG-1", "set_debugreg(2, 0xf57ffffc), its last 4 bytes below the hole",
		 hypercall_set_debugreg(2, 0xf57ffffc), 0);
	/* Xen 4.17 takes any 32-bit address: its own live beyond 4 GiB. */
	long want = on_ringlet() ? -XEN_EPERM : 0;
	check_rc("DBG-1", "set_debugreg(2, 0xf57ffffd), reaching the hole",
		 hypercall_set_debugreg(2, 0xf57ffffd), want);
	check_rc("DBG-1", "set_debugreg(3, 0xfffff000)", hypercall_set_debugreg(3, 0xfffff000), want);
	check_rc("DBG-1", "set_debugreg(2, 0)", hypercall_set_debugreg(2, 0), 0);
	check_rc("DBG-1", "set_debugreg(3, 0)", hypercall_set_debugreg(3, 0), 0);
	check_rc("DBG-1", "set_debugreg(7, general detect)",
		 hypercall_set_debugreg(7, DR7_GD | DR7_L0 | DR7_W0_LEN4), -XEN_EPERM);
	check_rc("DBG-1", "set_debugreg(7, an I/O breakpoint)",
		 hypercall_set_debugreg(7, DR7_L0 | DR7_IO0), -XEN_EPERM);
	check_rc("DBG-1", "set_debugreg(8, 0)", hypercall_set_debugreg(8, 0), -XEN_ENODEV);
	check_rc("DBG-1", "get_debugreg(8)", hypercall_get_debugreg(8), -XEN_ENODEV);
}

static void check_breakpoints(void)
{
	check_rc("DBG-2", "set_debugreg(0, &watched)", hypercall_set_debugreg(0, (uint32_t)&watched), 0);
	check_rc("DBG-2", "set_debugreg(7, write breakpoint 0)",
		 hypercall_set_debugreg(7, DR7_L0 | DR7_W0_LEN4), 0);
	uint32_t before = exception_count;
	asm volatile("movl $1, %0\n2:\n\t" EXTABLE(2b, 2b) : "=m"(watched) : : "memory");
	check("DBG-2", exception_count == before + 1 && last_exception.vector == X86_EXC_DB,
	      "a write to the watched word: #DB in the guest (%u exception(s), vector %d)",
	      exception_count - before, last_exception.vector);
	check("DBG-2", hypercall_get_debugreg(6) & 1, "DR6 names breakpoint 0");
	/* Now the hypervisor writes the watched word. */
	check_rc("DBG-2", "set_debugreg(0, version_buf)",
		 hypercall_set_debugreg(0, (uint32_t)version_buf), 0);
	before = exception_count;
	long rc = hypercall_xen_version(XENVER_extraversion, version_buf);
	check_rc("DBG-2", "xen_version(extraversion) into the watched buffer: it completes", rc, 0);
	check_rc("DBG-2", "set_debugreg(7, 0)", hypercall_set_debugreg(7, 0), 0);
}

void test_main(void)
{
	check_registers();
	check_breakpoints();
	test_success();
}
