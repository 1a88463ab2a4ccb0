/* Event and failsafe callbacks (lib/callbacks.h). */
#include "callbacks.h"

#include "hypercall.h"
#include "pvabi/arch_x86_32.h"
#include "pvabi/shared_info.h"
#include "pvabi/version.h"
#include <stddef.h>
#include "test.h"
#include "traps.h"

volatile uint32_t upcall_count;
volatile uint32_t upcall_frame[3];
volatile uint32_t upcall_cs, upcall_esp, upcall_mask;

void failsafe_report(const uint32_t *frame);

/* %ds may be anything the interrupted code had; the flat ring-1 selector
 * is loaded before memory is touched. vcpu_info[0] starts shared_info:
 * evtchn_upcall_pending is its byte 0. */
asm(".text\n"
    ".globl event_callback_entry\n"
    "event_callback_entry:\n\t"
    "push %ds\n\t"
    "push %eax\n\t"
    "mov $0xe021, %eax\n\t"
    "mov %eax, %ds\n\t"
    "incl upcall_count\n\t"
    "mov 8(%esp), %eax\n\t"
    "mov %eax, upcall_frame\n\t"
    "mov 12(%esp), %eax\n\t"
    "mov %eax, upcall_frame + 4\n\t"
    "mov 16(%esp), %eax\n\t"
    "mov %eax, upcall_frame + 8\n\t"
    "mov %cs, %eax\n\t"
    "mov %eax, upcall_cs\n\t"
    "lea 8(%esp), %eax\n\t"
    "mov %eax, upcall_esp\n\t"
    "mov shared_info, %eax\n\t"
    "test %eax, %eax\n\t"
    "jz 1f\n\t"
    "movb $0, (%eax)\n\t"
    "movzbl 1(%eax), %eax\n\t"
    "mov %eax, upcall_mask\n"
    "1:\tpop %eax\n\t"
    "pop %ds\n\t"
    "iret\n"
    ".globl failsafe_callback_entry\n"
    "failsafe_callback_entry:\n\t"
    "mov $0xe021, %eax\n\t"
    "mov %eax, %ds\n\t"
    "mov %eax, %es\n\t"
    "push %esp\n\t"
    "call failsafe_report\n\t"
    "ud2\n");
_Static_assert(FLAT_RING1_DS == 0xe021, "the asm above spells FLAT_RING1_DS out");

void failsafe_report(const uint32_t *frame)
{
	panic("failsafe callback: the hypervisor could not return to the guest "
	      "(ds %#x es %#x fs %#x gs %#x eip %#x cs %#x eflags %#x)",
	      frame[0], frame[1], frame[2], frame[3], frame[4], frame[5], frame[6]);
}

long callbacks_init(void)
{
	return hypercall_set_callbacks((uint32_t)(uintptr_t)event_callback_entry,
				       (uint32_t)(uintptr_t)failsafe_callback_entry);
}

volatile uint32_t other_count;

asm(".text\n"
    ".globl other_callback\n"
    "other_callback:\n\t"
    "incl other_count\n\t"
    "pushl %eax\n\t"
    "movl shared_info, %eax\n\t"
    "movb $0, (%eax)\n\t"              /* evtchn_upcall_pending */
    "popl %eax\n\t"
    "iret\n");

void callbacks_raise_upcall(void)
{
	volatile struct vcpu_info *vi = &shared_info->vcpu_info[0];

	vi->evtchn_upcall_mask = 1;
	vi->evtchn_upcall_pending = 1;
	vi->evtchn_upcall_mask = 0;
	hypercall_xen_version(XENVER_version, NULL);
	vi->evtchn_upcall_mask = 1;
	vi->evtchn_upcall_pending = 0;
}
