/* Entries from the hypervisor: exceptions and the event upcall.
 *
 * An exception stub evens the frame out (a 0 where the vector pushes no
 * error code), pushes its vector and joins trap_common, which saves the
 * registers as a struct trap_frame (traps.h) and calls trap_dispatch. The
 * event upcall saves the same way and calls do_upcall. Both return through
 * HYPERVISOR_iret, which restores the event mask the frame's EFLAGS.IF
 * records in the same step as the return: a plain iret would leave events
 * masked, and unmasking before it opens a window for a nested upcall. */

#include "pvabi/arch_x86_32.h"
#include "pvabi/hypercall.h"

#define HAS_ERROR_CODE(v) \
	((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || (v) == 21 || \
	 (v) == 29 || (v) == 30)

	.text
	.code32

.macro save_regs
	push %ds
	push %es
	push %fs
	push %gs
	pushal
	mov $FLAT_RING1_DS, %eax
	mov %eax, %ds
	mov %eax, %es
	cld
.endm

.macro restore_regs_and_return
	popal
	pop %gs
	pop %fs
	pop %es
	pop %ds
	add $8, %esp                    /* vector, error code */
	jmp hypercall_page + __HYPERVISOR_iret * 32
.endm

trap_common:
	save_regs
	push %esp                       /* struct trap_frame * */
	call trap_dispatch
	add $4, %esp
	restore_regs_and_return

.macro trap_stub vec
	.balign 8
trap_stub_\vec:
	.if HAS_ERROR_CODE(\vec)
	.else
	push $0
	.endif
	push $\vec
	jmp trap_common
.endm

	.irp v, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	trap_stub \v
	.endr

	.globl event_callback_entry
event_callback_entry:
	push $0                         /* the frame of trap_common, vector ~0 */
	push $-1
	save_regs
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

	.section .rodata
	.balign 4
	.globl trap_stubs
trap_stubs:
	.irp v, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	.long trap_stub_\v
	.endr
