/* start_of_day: what a PV kernel written for Xen does in its first
 * instructions, with no trap handler registered yet.
 *
 * Xen's own PV test guests start this way: CPUID through the
 * forced-emulation prefix, callbacks registered with callback_op, control
 * registers read with mov, debug registers written with mov, before any
 * exception handler exists. On a hypervisor that did not emulate one of
 * these the guest would die at once, with no result line. This guest drops
 * its trap table first, does all of it, and only then looks at what it
 * got.
 *
 * Rules checked (each also tested alone: CPUID-1, CB-4, PRIV-1, DBG-1):
 *   SOD-1  with no trap table, the forced-emulation CPUID, callback_op
 *          register (event, failsafe), mov from %cr0, %cr3, %cr4 and
 *          mov to and from %dr7 all complete
 *   SOD-2  their answers: the "XenVMMXenVMM" signature at 0x40000000, 0
 *          from both registrations, %cr3 naming the L3 in use (xen_pfn_to_cr3
 *          of its frame), %cr0 with PE and PG, %cr4 with PAE, %dr7 reading
 *          back 0x400 (the bit that always reads 1) after 0 is written
 *   SOD-3  the event callback registered this way is the one entered
 */
#include "guest.h"
#include "callbacks.h"
#include "pagetable.h"
#include "pvabi/callback.h"

const char test_title[] = "start_of_day: forced CPUID, callback_op, CR and DR access before any handler";

#define CR0_PE  0x1u
#define CR0_PG  0x80000000u
#define CR4_PAE 0x20u

struct seen {
	uint32_t sig[3];
	long reg_event, reg_failsafe;
	uint32_t cr0, cr3, cr4, dr7;
};

static long cb_register(uint16_t type, void (*eip)(void))
{
	struct callback_register r = { type, 0, { FLAT_RING1_CS, (uint32_t)(uintptr_t)eip } };

	return hypercall2(__HYPERVISOR_callback_op, CALLBACKOP_register, (uint32_t)(uintptr_t)&r);
}

__attribute__((noinline)) static void first_instructions(struct seen *s)
{
	uint32_t a, zero = 0;

	asm volatile("ud2a; .ascii \"xen\"; cpuid"
		     : "=a"(a), "=b"(s->sig[0]), "=c"(s->sig[1]), "=d"(s->sig[2])
		     : "a"(0x40000000), "c"(0));
	s->reg_event = cb_register(CALLBACKTYPE_event, event_callback_entry);
	s->reg_failsafe = cb_register(CALLBACKTYPE_failsafe, failsafe_callback_entry);
	asm volatile("mov %%cr0, %0" : "=r"(s->cr0));
	asm volatile("mov %%cr3, %0" : "=r"(s->cr3));
	asm volatile("mov %%cr4, %0" : "=r"(s->cr4));
	asm volatile("mov %0, %%dr7" : : "r"(zero));
	asm volatile("mov %%dr7, %0" : "=r"(s->dr7));
}

void test_main(void)
{
	struct seen s;

	pt_init();
	if (hypercall_set_trap_table(NULL) != 0)
		return test_error("cannot drop the trap table");
	first_instructions(&s);
	if (traps_init() != 0)
		return test_error("cannot set the trap table up again");
	printk("SOD-1: all of it ran with no trap table\n");
	check("SOD-2", s.sig[0] == 0x566e6558 && s.sig[1] == 0x65584d4d && s.sig[2] == 0x4d4d566e,
	      "CPUID 0x40000000 signature %.4s%.4s%.4s", (char *)&s.sig[0], (char *)&s.sig[1],
	      (char *)&s.sig[2]);
	check_rc("SOD-2", "callback_op register event", s.reg_event, 0);
	check_rc("SOD-2", "callback_op register failsafe", s.reg_failsafe, 0);
	check_eq_hex("SOD-2", "%cr3", s.cr3, pt_l3_mfn << 12 | pt_l3_mfn >> 20);
	check("SOD-2", (s.cr0 & (CR0_PE | CR0_PG)) == (CR0_PE | CR0_PG), "%%cr0 %#x has PE and PG",
	      s.cr0);
	check("SOD-2", s.cr4 & CR4_PAE, "%%cr4 %#x has PAE", s.cr4);
	check_eq_hex("SOD-2", "%dr7 after writing 0", s.dr7, 0x400);
	uint32_t before = upcall_count;
	callbacks_raise_upcall();
	check_eq("SOD-3", "upcalls entered through the registered callback", upcall_count - before,
		 1);
	test_success();
}
