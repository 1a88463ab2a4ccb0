/* Entries from the hypervisor: exceptions and the event upcall.
 *
 * An exception stub evens the frame out (a 0 where the vector pushes no
 * error code), pushes its vector and joins trap_common, which saves the
 * registers as a struct trap_frame (traps.h) and calls trap_dispatch. The
 * event upcall saves the same way and calls do_upcall. Both return through
 * HYPERVISOR_iret, which restores the event mask the frame's EFLAGS.IF
 * records in the same step as the return: a plain iret would leave events
 * masked, and unmasking before it opens a window for a nested upcall. */

#include "kernel/trap_stubs.h"
#include "pvabi/arch_x86_32.h"
#include "pvabi/hypercall.h"

	.text
	.code32

.macro restore_regs_and_return
	restore_trap_frame
	jmp hypercall_page + __HYPERVISOR_iret * 32
.endm

trap_common:
	save_trap_frame
	push %esp                       /* struct trap_frame * */
	call trap_dispatch
	add $4, %esp
	restore_regs_and_return

	exception_stubs trap_common

	.globl event_callback_entry
event_callback_entry:
	push $0                         /* the frame of trap_common, vector ~0 */
	push $-1
	save_trap_frame
	call do_upcall
	restore_regs_and_return

/* The hypervisor could not load the segments of a frame it returned to:
 * ds, es, fs, gs, eip, cs, eflags are on the stack. Nothing sensible can
 * continue; report and crash the domain. */
	.globl failsafe_callback_entry
failsafe_callback_entry:
	mov $FLAT_RING1_DS, %eax
	mov %eax, %ds
	mov %eax, %es
	push %esp
	call failsafe_report
	ud2
