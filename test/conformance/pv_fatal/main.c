/* pv_fatal: guest errors the hypervisor answers by destroying the domain
 * (one per run, picked on the command line).
 *
 * Each case ends the domain on purpose, so there is no result line: each
 * section of conformance.tests names one case after "--" and expects the
 * hypervisor's log line saying why the domain went, and the machine's end;
 * a case the domain survives says so (FAILURE) and powers off, which the
 * section's expected failure status does not match. On Xen the guest boots
 * as dom0 and the same case must crash it: the sections' xen_expect_regex
 * look for this guest's announcement of the case and Xen's "Hardware Dom0
 * crashed" (or, for a reboot, "shutdown").
 *
 * Rules checked (pvabi/ABI.md):
 *   TRAP-4  an exception with no handler, or whose frame cannot be written
 *           (the ring-1 stack, or the stack_switch stack from ring 3,
 *           unmapped or in the hole; no stack_switch at all), destroys the
 *           domain with a log line -- for the direct int $0x80 gate too,
 *           where the CPU itself fails to push the frame
 *   IRET-2  HYPERVISOR_iret with an unreadable frame, a ring-0 or hypervisor
 *           code selector, a bad ring-3 stack selector, or a return the CPU
 *           refuses (ring 2 with a ring-1 segment) destroys the domain
 *   SCHED-2 SCHEDOP_shutdown stops the domain with the reason logged
 *   SCHED-4 the machine stops: with failure when a domain crashed
 *   MC-1    a multicall whose entry shuts its own domain down ends there;
 *           the other domains run on
 *
 * Cases (the word after "--"): trap-no-handler, trap-ring1-stack,
 * trap-ring3-stack, trap-ring3-hole-stack, trap-ring3-no-stack,
 * int80-no-stack, int80-bad-stack, int80-hole-stack, iret-unreadable,
 * iret-ring0, iret-hv-cs, iret-null-cs, iret-ring2, iret-ring3-bad-ss,
 * iret-ring3-null-ss, iret-ring3-unreadable, shutdown-crash,
 * shutdown-reboot, multicall-shutdown. */
#include "guest.h"

#include "ring3.h"

const char test_title[] = "pv_fatal: guest errors the hypervisor answers by "
			  "destroying the domain";

#define HOLE_VA 0xF6000000u          /* inside the hypervisor's hole */

/* ---- the helpers the cases need ---------------------------------------- */

void ud_on_stack(uint32_t esp);
void iret_from(uint32_t frame);
void ring3_ud(void);
void ring3_int80(void);
void int80_entry(void);

/* ud_on_stack(esp): moves %esp there and raises #UD. iret_from(frame):
 * %esp to frame, then HYPERVISOR_iret's stub, which pushes %eax below it. */
asm(".text\n"
    "ud_on_stack:\n\t"
    "movl 4(%esp), %esp\n\t"
    "ud2\n"
    "iret_from:\n\t"
    "movl 4(%esp), %esp\n\t"
    "movl $0x1234, %eax\n\t"
    "jmp hypercall_page + 23 * 32\n"
    "ring3_ud:\n\t"
    "ud2\n\t"
    "ret\n"
    "ring3_int80:\n\t"
    "int $0x80\n\t"
    "ret\n"
    "int80_entry:\n\t"
    "iret\n");

static bool set_vector(uint8_t v, uint8_t flags, void (*handler)(void))
{
	struct trap_info t[2] = {
		{ .vector = v, .flags = flags, .cs = FLAT_RING1_CS,
		  .address = (uint32_t)(uintptr_t)handler },
		{ 0 },
	};

	return hypercall_set_trap_table(t) == 0;
}

static void must(bool ok, const char *what)
{
	if (!ok) {
		test_error("set-up failed: %s", what);
		test_finish();
	}
}

/* An iret frame at the end of the initial region: words w[0..n-1] end at
 * `end - gap`; returns where it starts. */
static uint32_t frame_at_end(const uint32_t *w, unsigned n, uint32_t gap)
{
	uint32_t at = initial_region_end() - gap - n * 4;

	for (unsigned i = 0; i < n; i++)
		((volatile uint32_t *)(uintptr_t)at)[i] = w[i];
	return at;
}

static uint32_t eflags_now(void)
{
	uint32_t f;

	asm volatile("pushf; popl %0" : "=r"(f));
	return f;
}

/* ---- the cases --------------------------------------------------------- */

static void iret_case(uint32_t cs, uint32_t ss)
{
	extern char iret_target[];
	uint32_t w[5] = { (uint32_t)(uintptr_t)iret_target, cs, eflags_now(),
			  initial_region_end() - 0x100, ss };
	/* Ring-3 frames have five words, the others three. */
	iret_from(frame_at_end(w, (cs & 3) == 3 ? 5 : 3, 0x200));
}

asm(".text\niret_target:\n\tud2\n");

static void run_case(const char *c)
{
	uint32_t end = initial_region_end();

	if (!strcmp(c, "trap-no-handler")) {
		must(hypercall_set_trap_table(NULL) == 0, "set_trap_table(NULL)");
		asm volatile("ud2");
	} else if (!strcmp(c, "trap-ring1-stack")) {
		ud_on_stack(end + 0x1000);
	} else if (!strcmp(c, "trap-ring3-stack")) {
		must(ring3_init() == 0, "ring3_init");
		must(hypercall_stack_switch(FLAT_RING1_SS, end + 0x1000) == 0, "stack_switch");
		ring3_run(ring3_ud, RING3_BY_IRET);
	} else if (!strcmp(c, "trap-ring3-hole-stack")) {
		must(ring3_init() == 0, "ring3_init");
		must(hypercall_stack_switch(FLAT_RING1_SS, HOLE_VA) == 0, "stack_switch");
		ring3_run(ring3_ud, RING3_BY_IRET);
	} else if (!strcmp(c, "trap-ring3-no-stack")) {
		must(ring3_map_image() == 0, "the image for ring 3");
		ring3_run(ring3_ud, RING3_BY_IRET);
	} else if (!strcmp(c, "int80-no-stack")) {
		must(ring3_map_image() == 0, "the image for ring 3");
		must(set_vector(0x80, 3, int80_entry), "vector 0x80");
		ring3_run(ring3_int80, RING3_BY_IRET);
	} else if (!strcmp(c, "int80-bad-stack")) {
		must(ring3_init() == 0, "ring3_init");
		must(set_vector(0x80, 3, int80_entry), "vector 0x80");
		must(hypercall_stack_switch(FLAT_RING1_SS, end + 0x1000) == 0, "stack_switch");
		ring3_run(ring3_int80, RING3_BY_IRET);
	} else if (!strcmp(c, "int80-hole-stack")) {
		must(ring3_init() == 0, "ring3_init");
		must(set_vector(0x80, 3, int80_entry), "vector 0x80");
		must(hypercall_stack_switch(FLAT_RING1_SS, HOLE_VA) == 0, "stack_switch");
		ring3_run(ring3_int80, RING3_BY_IRET);
	} else if (!strcmp(c, "iret-unreadable")) {
		/* eax and eip in the region's last 8 bytes, cs beyond it. */
		uint32_t w[1] = { 0x00401000 };
		iret_from(frame_at_end(w, 1, 0));
	} else if (!strcmp(c, "iret-ring0")) {
		iret_case(FLAT_RING1_CS & ~3, 0);
	} else if (!strcmp(c, "iret-hv-cs")) {
		iret_case(0xe009, 0);
	} else if (!strcmp(c, "iret-null-cs")) {
		iret_case(0x0001, 0);
	} else if (!strcmp(c, "iret-ring2")) {
		iret_case((FLAT_RING1_CS & ~3) | 2, 0);
	} else if (!strcmp(c, "iret-ring3-bad-ss")) {
		must(ring3_map_image() == 0, "the image for ring 3");
		iret_case(FLAT_RING3_CS, FLAT_RING1_SS);
	} else if (!strcmp(c, "iret-ring3-null-ss")) {
		must(ring3_map_image() == 0, "the image for ring 3");
		iret_case(FLAT_RING3_CS, 0x0003);
	} else if (!strcmp(c, "iret-ring3-unreadable")) {
		/* eip, cs, eflags in the region's last 12 bytes; esp, ss beyond. */
		extern char iret_target[];
		uint32_t w[3] = { (uint32_t)(uintptr_t)iret_target, FLAT_RING3_CS, eflags_now() };
		iret_from(frame_at_end(w, 3, 0));
	} else if (!strcmp(c, "shutdown-crash") || !strcmp(c, "shutdown-reboot")) {
		struct sched_shutdown sd = {
			.reason = c[9] == 'c' ? SHUTDOWN_crash : SHUTDOWN_reboot,
		};
		hypercall_sched_op(SCHEDOP_shutdown, &sd);
	} else if (!strcmp(c, "multicall-shutdown")) {
		static struct sched_shutdown sd = { .reason = SHUTDOWN_poweroff };
		static struct multicall_entry mc[3] = {
			{ .op = __HYPERVISOR_xen_version, .args = { XENVER_version } },
			{ .op = __HYPERVISOR_sched_op, .args = { SCHEDOP_shutdown } },
			{ .op = __HYPERVISOR_xen_version, .args = { XENVER_version } },
		};
		mc[1].args[1] = (uint32_t)(uintptr_t)&sd;
		hypercall_multicall(mc, 3);
	} else {
		test_error("unknown case \"%s\"", c);
		return;
	}
	test_failure("the domain survived case %s", c);
}

void test_main(void)
{
	static char c[64];
	const char *p = start_info->cmd_line;
	size_t n = 0;

	while (*p == ' ')
		p++;
	while (p[n] && p[n] != ' ' && n < sizeof(c) - 1) {
		c[n] = p[n];
		n++;
	}
	if (!n) {
		test_error("no case given (the word after \"--\" on the module's command line)");
		return;
	}
	printk("case %s: the hypervisor should destroy this domain now\n", c);
	run_case(c);
}
