/* iret: HYPERVISOR_iret: returns to ring 1 and ring 3, the event mask from
 * IF, IOPL kept down.
 *
 * Rules checked (pvabi/ABI.md):
 *   IRET-1  the iret hypercall (its stub pushes %eax and traps) pops eax,
 *           eip, cs, eflags -- and esp, ss when cs is a ring-3 selector --
 *           from the guest stack and returns there: %eax is the popped one,
 *           %esp is just above the frame (ring 1) or the popped one (ring
 *           3); the popped eflags are restored except that IF is always
 *           set, the event mask becoming the inverse of the popped IF, and
 *           IOPL cannot be raised
 *
 * The bad frames of IRET-2 destroy the domain: see pv_fatal. */
#include "guest.h"

#include "callbacks.h"
#include "ring3.h"

const char test_title[] = "iret: HYPERVISOR_iret: returns to ring 1 and ring 3, the event mask "
			  "from IF, IOPL kept down";

#define EFLAGS_CF    (1u << 0)
#define EFLAGS_ZF    (1u << 6)
#define EFLAGS_SF    (1u << 7)
#define EFLAGS_IF    (1u << 9)
#define EFLAGS_DF    (1u << 10)
#define EFLAGS_OF    (1u << 11)
#define EFLAGS_IOPL  (3u << 12)
#define EFLAGS_ARITH (EFLAGS_CF | EFLAGS_ZF | EFLAGS_SF | EFLAGS_OF | (1u << 2) | (1u << 4))

/* iret_ring1(eflags, eax): pushes eflags, FLAT_RING1_CS and the address of
 * its own label 1, loads eax and jumps to HYPERVISOR_iret's stub, which
 * pushes it. Notes %esp before the pushes and, at label 1, %esp, %eax and
 * eflags. */
volatile uint32_t r1_pre_esp, r1_post_esp, r1_post_eax, r1_post_eflags;
void iret_ring1(uint32_t eflags, uint32_t eax);

asm(".text\n"
    "iret_ring1:\n\t"
    "pushl %ebp\n\t"
    "movl %esp, %ebp\n\t"
    "movl %esp, r1_pre_esp\n\t"
    "pushl 8(%ebp)\n\t"                /* eflags */
    "pushl $0xe019\n\t"                /* FLAT_RING1_CS */
    "pushl $1f\n\t"
    "movl 12(%ebp), %eax\n\t"
    "jmp hypercall_page + 23 * 32\n"   /* __HYPERVISOR_iret */
    "1:\tmovl %esp, r1_post_esp\n\t"
    "movl %eax, r1_post_eax\n\t"
    "pushf\n\t"
    "popl r1_post_eflags\n\t"
    "cld\n\t"
    "popl %ebp\n\t"
    "ret\n");
_Static_assert(FLAT_RING1_CS == 0xe019 && __HYPERVISOR_iret == 23,
	       "the asm above spells these out");

static void ring1_case(const char *what, uint32_t eflags, uint32_t eax)
{
	iret_ring1(eflags, eax);
	uint8_t mask = shared_info->vcpu_info[0].evtchn_upcall_mask;
	shared_info->vcpu_info[0].evtchn_upcall_mask = 1;

	uint32_t want = (eflags & (EFLAGS_ARITH | EFLAGS_DF)) | EFLAGS_IF;
	uint32_t got = r1_post_eflags & (EFLAGS_ARITH | EFLAGS_DF | EFLAGS_IF | EFLAGS_IOPL);
	check("IRET-1", r1_post_esp == r1_pre_esp && r1_post_eax == eax && got == want &&
			mask == !(eflags & EFLAGS_IF),
	      "%s (eflags %#x): back at the label with %%esp %#x (want %#x), %%eax %#x "
	      "(want %#x), eflags %#x (want %#x of %#x), event mask %u (want %u)",
	      what, eflags, r1_post_esp, r1_pre_esp, r1_post_eax, eax, got, want,
	      EFLAGS_ARITH | EFLAGS_DF | EFLAGS_IF | EFLAGS_IOPL, mask, !(eflags & EFLAGS_IF));
}

/* ---- ring 3 ------------------------------------------------------------- */

volatile uint32_t r3_cs, r3_ss, r3_esp, r3_eflags, r3_eax, r3_mask;

void ring3_probe(void);

/* Called from the trampoline right after the return to ring 3: the
 * trampoline has pushed only the return address. */
asm(".text\n"
    "ring3_probe:\n\t"
    "movl %cs, %eax\n\t"
    "movl %eax, r3_cs\n\t"
    "movl %ss, %eax\n\t"
    "movl %eax, r3_ss\n\t"
    "leal 4(%esp), %eax\n\t"
    "movl %eax, r3_esp\n\t"
    "pushf\n\t"
    "popl r3_eflags\n\t"
    "movl shared_info, %eax\n\t"
    "movzbl 1(%eax), %eax\n\t"
    "movl %eax, r3_mask\n\t"
    "ret\n");

static void ring3_case(const char *what, uint32_t eflags)
{
	r3_cs = r3_ss = r3_esp = r3_eflags = 0;
	r3_mask = 0xff;
	ring3_eflags = eflags;
	ring3_run(ring3_probe, RING3_BY_IRET_HYPERCALL);
	ring3_eflags = 0;

	uint32_t want = (eflags & EFLAGS_ARITH) | EFLAGS_IF;
	uint32_t got = r3_eflags & (EFLAGS_ARITH | EFLAGS_IF | EFLAGS_IOPL);
	check("IRET-1", r3_cs == FLAT_RING3_CS && r3_ss == FLAT_RING3_SS &&
			r3_esp == (uint32_t)(uintptr_t)ring3_user_stack_top &&
			ring3_entry_eax == 0x3e3e3e3e && got == want &&
			r3_mask == !(eflags & EFLAGS_IF),
	      "%s (eflags %#x): in ring 3 with cs %#x ss %#x esp %#x (want %#x), eax %#x, "
	      "eflags %#x (want %#x), event mask %u (want %u)", what, eflags, r3_cs, r3_ss,
	      r3_esp, (uint32_t)(uintptr_t)ring3_user_stack_top, ring3_entry_eax, got, want,
	      r3_mask, !(eflags & EFLAGS_IF));
}

void test_main(void)
{
	long rc;

	if (!shared_info) {
		test_error("shared_info is not mapped: the event mask cannot be read");
		return;
	}
	/* Returns with IF set unmask events; should one be pending, the
	 * callback takes it. */
	rc = callbacks_init();
	if (rc == 0)
		rc = ring3_init();
	if (rc) {
		test_error("set-up failed: %ld", rc);
		return;
	}

	ring1_case("to ring 1, IF set", 0x202 | EFLAGS_CF | EFLAGS_ZF, 0x12345678);
	ring1_case("to ring 1, IF clear", 0x002 | EFLAGS_SF | EFLAGS_OF, 0x9abcdef0);
	ring1_case("to ring 1, IF set, IOPL 3 asked for", 0x202 | EFLAGS_IOPL, 0);
	ring1_case("to ring 1, IF clear, IOPL 1 asked for", 0x002 | (1u << 12), 0xffffffff);
	ring1_case("to ring 1, DF set", 0x202 | EFLAGS_DF | EFLAGS_CF, 0x1);

	ring3_case("to ring 3, IF set", 0x202 | EFLAGS_ZF);
	ring3_case("to ring 3, IF clear", 0x002 | EFLAGS_CF | EFLAGS_SF);
	ring3_case("to ring 3, IF set, IOPL 3 asked for", 0x202 | EFLAGS_IOPL);

	check_eq("IRET-1", "event upcalls taken meanwhile (none pending)", upcall_count, 0);
	test_success();
}
