/* hypercall_state: what a hypercall leaves alone.
 *
 * Rules checked:
 *   HCALL-6  every register but eax comes back as it went in (ebx, ecx,
 *            edx, esi, edi, ebp, esp and the data segment registers)
 *   HCALL-7  the guest's EFLAGS.DF does not change what a hypercall does:
 *            with DF set, a hypercall that copies into a guest buffer
 *            fills exactly that buffer, forwards, and DF is still set after
 */
#include "guest.h"

const char test_title[] = "hypercall_state: hypercalls preserve registers and ignore the guest's direction flag";

struct regs {
	uint32_t ebx, ecx, edx, esi, edi, ebp, esp;
	uint16_t ds, es, fs, gs;
	uint32_t esp_before;
};

/* xen_version(XENVER_version) straight through int $0x82, with every
 * register loaded with a pattern before and read back after. The pointer
 * to the results waits on the stack while every register is in use. */
static long call_with_patterns(struct regs *after)
{
	long rc;

	asm volatile("pushl %%ebp\n\t"
		     "pushl %[out]\n\t"
		     "movl %%esp, 36(%[out])\n\t"
		     "xorl %%ebx, %%ebx\n\t"             /* the command: XENVER_version */
		     "movl $0x22222222, %%ecx\n\t"
		     "movl $0x33333333, %%edx\n\t"
		     "movl $0x44444444, %%esi\n\t"
		     "movl $0x55555555, %%edi\n\t"
		     "movl $0x66666666, %%ebp\n\t"
		     "movl %[nr], %%eax\n\t"
		     "int $0x82\n\t"
		     "pushl %%ebp\n\t"
		     "pushl %%edi\n\t"
		     "pushl %%esi\n\t"
		     "pushl %%edx\n\t"
		     "pushl %%ecx\n\t"
		     "pushl %%ebx\n\t"
		     "movl 24(%%esp), %%edi\n\t"
		     "popl 0(%%edi)\n\t"
		     "popl 4(%%edi)\n\t"
		     "popl 8(%%edi)\n\t"
		     "popl 12(%%edi)\n\t"
		     "popl 16(%%edi)\n\t"
		     "popl 20(%%edi)\n\t"
		     "movl %%esp, 24(%%edi)\n\t"
		     "movw %%ds, 28(%%edi)\n\t"
		     "movw %%es, 30(%%edi)\n\t"
		     "movw %%fs, 32(%%edi)\n\t"
		     "movw %%gs, 34(%%edi)\n\t"
		     "popl %%edi\n\t"
		     "popl %%ebp"
		     : "=a"(rc)
		     : [nr] "i"(__HYPERVISOR_xen_version), [out] "a"(after)
		     : "ebx", "ecx", "edx", "esi", "edi", "memory");
	return rc;
}

static void registers_preserved(void)
{
	struct regs after;
	uint16_t ds, es, fs, gs;

	asm volatile("movw %%ds, %0; movw %%es, %1; movw %%fs, %2; movw %%gs, %3"
		     : "=r"(ds), "=r"(es), "=r"(fs), "=r"(gs));
	long rc = call_with_patterns(&after);
	check("HCALL-6", rc > 0, "xen_version answered (%#lx)", rc);
	check_eq_hex("HCALL-6", "ebx", after.ebx, 0);
	check_eq_hex("HCALL-6", "ecx", after.ecx, 0x22222222);
	check_eq_hex("HCALL-6", "edx", after.edx, 0x33333333);
	check_eq_hex("HCALL-6", "esi", after.esi, 0x44444444);
	check_eq_hex("HCALL-6", "edi", after.edi, 0x55555555);
	check_eq_hex("HCALL-6", "ebp", after.ebp, 0x66666666);
	check_eq_hex("HCALL-6", "esp", after.esp, after.esp_before);
	check_eq_hex("HCALL-6", "ds", after.ds, ds);
	check_eq_hex("HCALL-6", "es", after.es, es);
	check_eq_hex("HCALL-6", "fs", after.fs, fs);
	check_eq_hex("HCALL-6", "gs", after.gs, gs);
}

static struct {
	char below[64];
	xen_extraversion_t buf;
	char above[64];
} area;

static void direction_flag_ignored(void)
{
	uint32_t flags;
	long rc;

	memset(&area, 0x5a, sizeof(area));
	asm volatile("std\n\t"
		     "call *%[stub]\n\t"
		     "pushfl\n\t"
		     "popl %[flags]\n\t"
		     "cld"
		     : "=a"(rc), [flags] "=r"(flags)
		     : [stub] "r"(hypercall_page + __HYPERVISOR_xen_version * 32),
		       "b"(XENVER_extraversion), "c"(&area.buf)
		     : "edx", "memory");
	check_rc("HCALL-7", "xen_version(extraversion) with DF set", rc, 0);
	check("HCALL-7", (flags & (1u << 10)) != 0, "DF is still set after the hypercall");
	bool below = true, above = true;
	for (unsigned i = 0; i < sizeof(area.below); i++) {
		below &= area.below[i] == 0x5a;
		above &= area.above[i] == 0x5a;
	}
	check("HCALL-7", below, "nothing was written below the buffer");
	check("HCALL-7", above, "nothing was written above the buffer");
	check("HCALL-7", strnlen(area.buf, sizeof(area.buf)) < sizeof(area.buf),
	      "the buffer holds a NUL-terminated string: \"%.16s\"", area.buf);
}

void test_main(void)
{
	registers_preserved();
	direction_flag_ignored();
	test_success();
}
