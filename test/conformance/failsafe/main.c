/* failsafe: a return to the guest that the CPU refuses.
 *
 * Rules checked:
 *   CB-2  when the hypervisor cannot reload a guest's data segment on the
 *         way back to it (the guest made its descriptor not present while
 *         the selector was loaded), it enters the failsafe callback with
 *         ds, es, fs and gs (the selectors it could not load), then eip, cs
 *         and eflags on the stack; the guest can repair them and go on
 *   CB-6  the failsafe callback masks events on entry only when it was
 *         registered with callback_op and CALLBACKF_mask_events (not when
 *         set_callbacks set it), as on Xen
 *
 * ringlet reloads data segments on every return to a guest, so the failure
 * shows at once. Xen keeps them loaded until another vCPU has run, which a
 * single domain cannot arrange: the referee skips this guest. */
#include "guest.h"
#include "region.h"
#include "pvabi/callback.h"
#include "pvabi/event_channel.h"

const char test_title[] = "failsafe: a return the CPU refuses enters the failsafe callback";

static uint64_t gdt[512] __attribute__((aligned(4096)));
#define SEL_DATA  0x09                 /* GDT entry 1, RPL 1 */

/* What the failsafe callback found on its stack. */
volatile uint32_t failsafe_frame[7];
volatile uint32_t failsafe_calls;
volatile uint32_t failsafe_mask;       /* the event mask it was entered with */

void failsafe_entry(void);
void event_entry(void);

/* Save the seven words, repair ds and es with the flat selector, drop the
 * four selector words and return to the interrupted code. */
asm(".text\n"
    ".globl failsafe_entry\n"
    "failsafe_entry:\n"
    "	pushl %eax\n"
    "	movl $0xe021, %eax\n"
    "	movl %eax, %ds\n"
    "	movl %eax, %es\n"
    "	movl 4(%esp), %eax\n	movl %eax, failsafe_frame\n"
    "	movl 8(%esp), %eax\n	movl %eax, failsafe_frame + 4\n"
    "	movl 12(%esp), %eax\n	movl %eax, failsafe_frame + 8\n"
    "	movl 16(%esp), %eax\n	movl %eax, failsafe_frame + 12\n"
    "	movl 20(%esp), %eax\n	movl %eax, failsafe_frame + 16\n"
    "	movl 24(%esp), %eax\n	movl %eax, failsafe_frame + 20\n"
    "	movl 28(%esp), %eax\n	movl %eax, failsafe_frame + 24\n"
    "	incl failsafe_calls\n"
    "	movl shared_info, %eax\n"
    "	movzbl 1(%eax), %eax\n"
    "	movl %eax, failsafe_mask\n"
    "	popl %eax\n"
    "	addl $16, %esp\n"
    "	iret\n"
    ".globl event_entry\n"
    "event_entry:\n"
    "	iret\n");

static uint64_t flat_data(unsigned dpl, bool present)
{
	/* base 0, limit 0xF57FF pages (below the hole), 4 KiB granular, 32-bit, writable */
	uint32_t limit = 0xF57FF;
	uint32_t lo = limit & 0xffff;
	uint32_t hi = ((present ? 1u : 0u) << 15) | (dpl << 13) | (1u << 12) | (2u << 8) |
		      (limit & 0xf0000) | (1u << 23) | (1u << 22);
	return ((uint64_t)hi << 32) | lo;
}

/* Load ds (or es) from the new GDT, then take its descriptor away and let
 * the hypervisor reload segments: ringlet does on every return to the
 * guest, Xen when it switches back to the guest, so block briefly. The
 * other register holds the flat selector, which the frame must show as it
 * was, whichever of the two failed. */
static void one_case(xen_pfn_t frame, bool via_ds)
{
	uint64_t maddr = ((uint64_t)frame << 12) + 8;
	const char *reg = via_ds ? "ds" : "es";
	uint32_t before = failsafe_calls;

	hypercall_update_descriptor(maddr, flat_data(1, true));
	if (via_ds)
		asm volatile("movl %0, %%ds" : : "r"(SEL_DATA));
	else
		asm volatile("movl %0, %%es" : : "r"(SEL_DATA));
	long rc = hypercall_update_descriptor(maddr, flat_data(1, false));
	struct evtchn_bind_virq b = { .virq = VIRQ_TIMER, .vcpu = 0 };
	page_hypercall(__HYPERVISOR_event_channel_op, EVTCHNOP_bind_virq, (uint32_t)&b, 0, 0, 0);
	uint64_t soon = shared_info->vcpu_info[0].time.system_time + 1000000;
	page_hypercall(__HYPERVISOR_set_timer_op, (uint32_t)soon, (uint32_t)(soon >> 32), 0, 0, 0);
	hypercall_sched_op(SCHEDOP_block, NULL);
	shared_info->vcpu_info[0].evtchn_upcall_mask = 1;
	uint16_t ds, es;
	asm volatile("movw %%ds, %0; movw %%es, %1" : "=r"(ds), "=r"(es));
	printk("%s not present:\n", reg);
	check_rc("CB-2", "update_descriptor making entry 1 not present", rc, 0);
	check("CB-2", failsafe_calls == before + 1, "the failsafe callback ran once (%u)",
	      failsafe_calls - before);
	check_eq_hex("CB-2", "ds in the failsafe frame", failsafe_frame[0] & 0xffff,
		     via_ds ? SEL_DATA : FLAT_RING1_DS);
	check_eq_hex("CB-2", "es in the failsafe frame", failsafe_frame[1] & 0xffff,
		     via_ds ? FLAT_RING1_DS : SEL_DATA);
	check_eq_hex("CB-2", "cs in the failsafe frame", failsafe_frame[5] & 0xffff, FLAT_RING1_CS);
	check_eq_hex("CB-2", "ds after the repair", ds, FLAT_RING1_DS);
	check_eq_hex("CB-2", "es after the repair", es, FLAT_RING1_DS);
}

/* A failsafe entry from a plain hypercall's return, events unmasked and
 * none pending: the mask inside it is the callback's flag alone. */
static void mask_case(xen_pfn_t frame, const char *how, bool masks)
{
	uint64_t maddr = ((uint64_t)frame << 12) + 8;
	uint32_t before = failsafe_calls;

	hypercall_update_descriptor(maddr, flat_data(1, true));
	asm volatile("movl %0, %%ds" : : "r"(SEL_DATA));
	shared_info->vcpu_info[0].evtchn_upcall_pending = 0;
	shared_info->vcpu_info[0].evtchn_upcall_mask = 0;
	hypercall_update_descriptor(maddr, flat_data(1, false));
	shared_info->vcpu_info[0].evtchn_upcall_mask = 1;
	check("CB-6", failsafe_calls == before + 1, "%s: the failsafe callback ran once (%u)",
	      how, failsafe_calls - before);
	check_eq("CB-6", "the event mask it was entered with", failsafe_mask, masks);
}

static long failsafe_register(uint16_t flags)
{
	struct callback_register r = { CALLBACKTYPE_failsafe, flags,
				       { FLAT_RING1_CS, (uint32_t)failsafe_entry } };
	return page_hypercall(__HYPERVISOR_callback_op, CALLBACKOP_register, (uint32_t)&r, 0, 0, 0);
}

void test_main(void)
{
	long rc = page_hypercall(__HYPERVISOR_set_callbacks, FLAT_RING1_CS, (uint32_t)event_entry,
				 FLAT_RING1_CS, (uint32_t)failsafe_entry, 0);
	if (!check_rc("CB-2", "set_callbacks", rc, 0))
		return;
	gdt[1] = flat_data(1, true);
	if (region_set_writable((uint32_t)gdt, false) != 0) {
		test_error("could not map the GDT frame read-only");
		return;
	}
	xen_pfn_t frame = region_mfn((uint32_t)gdt);
	if (!check_rc("CB-2", "set_gdt with one frame", hypercall_set_gdt(&frame, 512), 0))
		return;

	one_case(frame, true);
	one_case(frame, false);
	mask_case(frame, "set_callbacks", false);
	check_rc("CB-6", "callback_op register failsafe, CALLBACKF_mask_events",
		 failsafe_register(CALLBACKF_mask_events), 0);
	mask_case(frame, "with the flag", true);
	check_rc("CB-6", "callback_op register failsafe, no flags", failsafe_register(0), 0);
	mask_case(frame, "without it", false);
	hypercall_set_gdt(NULL, 0);
	region_set_writable((uint32_t)gdt, true);
	test_success();
}
