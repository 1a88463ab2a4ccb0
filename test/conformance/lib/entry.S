/* Exception entry stubs of a conformance guest (ring 1).
 *
 * The hypervisor enters a stub with [error code,] eip, cs, eflags on the
 * stack. Each stub evens the frame out (a 0 where the vector has no error
 * code), pushes its vector and joins trap_common, which saves the segment
 * and general registers into a struct trap_frame (lib/traps.h), calls
 * trap_dispatch(frame) and returns with iret; the handler may have changed
 * the frame's eip to resume elsewhere. */

#include "pvabi/arch_x86_32.h"

/* Vectors for which the CPU (and the hypervisor) pushes an error code. */
#define HAS_ERROR_CODE(v) \
	((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || (v) == 21 || \
	 (v) == 29 || (v) == 30)

	.text
	.code32

trap_common:
	push %ds
	push %es
	push %fs
	push %gs
	pushal
	mov $FLAT_RING1_DS, %eax
	mov %eax, %ds
	mov %eax, %es
	cld
	push %esp                       /* struct trap_frame * */
	call trap_dispatch
	add $4, %esp
	popal
	pop %gs
	pop %fs
	pop %es
	pop %ds
	add $8, %esp                    /* vector, error code */
	iret

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

/* trap_stubs[v]: the entry of vector v, for the trap table. */
	.irp v, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	trap_stub \v
	.endr

	.section .rodata
	.balign 4
	.globl trap_stubs
trap_stubs:
	.irp v, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	.long trap_stub_\v
	.endr
