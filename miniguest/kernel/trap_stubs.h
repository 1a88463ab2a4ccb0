/* Exception entry stubs for a PV guest kernel, in assembly (shared with the
 * conformance guests' runtime).
 *
 *     exception_stubs COMMON
 *
 * emits one stub per vector 0-31 and the table trap_stubs[32] of their
 * addresses (for set_trap_table). The hypervisor enters a stub with [error
 * code,] eip, cs, eflags on the stack; the stub evens the frame out (a 0
 * where the vector has no error code), pushes its vector and jumps to
 * COMMON, which saves the rest with save_trap_frame. */
#ifndef MG_TRAP_STUBS_H
#define MG_TRAP_STUBS_H

#include "pvabi/arch_x86_32.h"

/* Vectors for which the CPU (and the hypervisor) pushes an error code. */
#define HAS_ERROR_CODE(v) \
	((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || (v) == 21 || \
	 (v) == 29 || (v) == 30)

/* Saves what the stub's frame lacks (segments, then pushal), giving a
 * struct trap_frame from %esp up, and loads the flat data segments. */
.macro save_trap_frame
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

/* Undoes save_trap_frame and drops the stub's vector and error code,
 * leaving eip, cs, eflags on top for the return. */
.macro restore_trap_frame
	popal
	pop %gs
	pop %fs
	pop %es
	pop %ds
	add $8, %esp
.endm

.macro trap_stub vec, common
	.balign 8
trap_stub_\vec:
	.if HAS_ERROR_CODE(\vec)
	.else
	push $0
	.endif
	push $\vec
	jmp \common
.endm

.macro exception_stubs common
	.irp v, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	trap_stub \v, \common
	.endr
	.pushsection .rodata
	.balign 4
	.globl trap_stubs
trap_stubs:
	.irp v, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	.long trap_stub_\v
	.endr
	.popsection
.endm

#endif
