/* stack_switch: the ring-1 stack traps from ring 3 land on, and the
 * selectors it refuses.
 *
 * Rules checked (pvabi/ABI.md):
 *   STK-1  stack_switch(ss, esp) names the ring-1 stack that exceptions and
 *          software interrupts from ring 3 are delivered on (TRAP-1, the
 *          direct int $0x80 gate of TRAP-6 included), from the next one on;
 *          an ss with RPL 0 is raised to RPL 1; an ss that is not a ring-1
 *          selector the guest may use (a hypervisor selector, the null
 *          selector, RPL 2 or 3, a value above 0xffff) is refused with
 *          -EPERM and changes nothing
 *
 * Where Xen 4.17 differs (pvabi/ABI.md, STK-1): it refuses nothing, it only
 * raises RPL 0 to 1 and stores the rest; a bad selector crashes the domain
 * at the next trap from ring 3. ringlet writes ss into its TSS for the
 * direct int $0x80 gate, so it refuses them up front. On Xen the test
 * checks that the call succeeds and puts a good stack back at once. */
#include "guest.h"

#include "capture.h"
#include "platform.h"
#include "ring3.h"

const char test_title[] = "stack_switch: the ring-1 stack traps from ring 3 land on, and the "
			  "selectors it refuses";

FAULT_FN(f_ud, "", "ud2");
FAULT_FN(f_int80, "", "int $0x80");

/* Two more ring-1 stacks to switch between. */
static uint8_t stack_a[4096] __attribute__((aligned(4096)));
static uint8_t stack_b[4096] __attribute__((aligned(4096)));

static uint32_t top_of(const uint8_t *stack)
{
	return (uint32_t)(uintptr_t)stack + 4096;
}

static bool set_vector(uint8_t v, uint8_t flags, void (*handler)(void))
{
	struct trap_info t[2] = {
		{ .vector = v, .flags = flags, .cs = FLAT_RING1_CS,
		  .address = (uint32_t)(uintptr_t)handler },
		{ 0 },
	};

	return hypercall_set_trap_table(t) == 0;
}

/* Raises fn's exception in ring 3; the frame (5 words, no error code)
 * must start at top - 20 with ss 0xe033 and esp as ring 3 had it. */
static void check_lands(const char *rule, const char *what, void (*fn)(void), uint32_t top)
{
	capture_reset();
	ring3_run(fn, RING3_BY_IRET);
	check(rule, cap_count == 1 && cap_esp == top - 20 && cap_words[3] == pre_esp &&
		    cap_words[4] == FLAT_RING3_SS && cap_ss_now == FLAT_RING1_SS,
	      "%s: the frame is at %#x (want %#x), ring-3 esp %#x (want %#x), ss %#x, "
	      "%%ss in the handler %#x", what, cap_esp, top - 20, cap_words[3], pre_esp,
	      cap_words[4], cap_ss_now);
}

static void good_stacks(void)
{
	long rc = hypercall_stack_switch(FLAT_RING1_SS, top_of(stack_a));

	check_rc("STK-1", "stack_switch(FLAT_RING1_SS, stack a)", rc, 0);
	check_lands("STK-1", "#UD from ring 3 after it", f_ud, top_of(stack_a));
	check_lands("STK-1", "int $0x80 from ring 3 after it", f_int80, top_of(stack_a));

	rc = hypercall_stack_switch(FLAT_RING1_SS & ~3, top_of(stack_b));
	check_rc("STK-1", "stack_switch(0xe020: RPL 0, stack b)", rc, 0);
	check_lands("STK-1", "#UD from ring 3 after it (ss raised to 0xe021)", f_ud,
		    top_of(stack_b));
	check_lands("STK-1", "int $0x80 from ring 3 after it", f_int80, top_of(stack_b));

	/* An esp that is not a multiple of 4 is taken as it is. */
	rc = hypercall_stack_switch(FLAT_RING1_SS, top_of(stack_a) - 2);
	check_rc("STK-1", "stack_switch(FLAT_RING1_SS, stack a's top - 2)", rc, 0);
	check_lands("STK-1", "#UD from ring 3 after it", f_ud, top_of(stack_a) - 2);
}

static void bad_selectors(void)
{
	static const struct { uint32_t ss; const char *what; } bad[] = {
		{ 0xe010, "the hypervisor's data selector 0xe010" },
		{ 0xe011, "0xe011 (the same with RPL 1)" },
		{ 0xe008, "the hypervisor's code selector 0xe008" },
		{ 0xfff9, "0xfff9 (the last reserved entry, RPL 1)" },
		{ 0x0000, "the null selector" },
		{ 0x0001, "the null selector with RPL 1" },
		{ FLAT_RING3_SS, "FLAT_RING3_SS (RPL 3)" },
		{ (FLAT_RING1_SS & ~3) | 2, "0xe022 (RPL 2)" },
		{ 0x1e021, "0x1e021 (FLAT_RING1_SS with bit 16 set)" },
	};

	if (hypercall_stack_switch(FLAT_RING1_SS, top_of(stack_b)))
		panic("stack_switch to stack b");
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char what[96];
		long rc = hypercall2(__HYPERVISOR_stack_switch, bad[i].ss, top_of(stack_a));

		format(what, sizeof(what), "stack_switch(%s, stack a)", bad[i].what);
		if (on_ringlet()) {
			check_rc("STK-1", what, rc, -XEN_EPERM);
			check_lands("STK-1", "#UD from ring 3 after it: still on stack b", f_ud,
				    top_of(stack_b));
		} else {
			check_rc("STK-1", what, rc, 0);
			if (hypercall_stack_switch(FLAT_RING1_SS, top_of(stack_b)))
				panic("stack_switch back to stack b");
		}
	}
}

void test_main(void)
{
	long rc = ring3_init();

	if (rc) {
		test_error("ring 3 cannot be set up: %ld", rc);
		return;
	}
	if (!set_vector(X86_EXC_UD, 0, cap_noec) || !set_vector(0x80, 3, cap_noec)) {
		test_error("set_trap_table for the capture handlers failed");
		return;
	}
	good_stacks();
	bad_selectors();
	/* ring3_run's way back lands on whatever stack is in force; give the
	 * library's one back. */
	ring3_stack_switch();
	test_success();
}
