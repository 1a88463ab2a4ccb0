/* Trap entry: one 16-byte stub per vector pushes a dummy error code where the
 * CPU pushes none, then the vector, and joins trap_common, which saves the
 * rest of struct cpu_regs and calls trap_dispatch(). */
#include "arch/x86/selectors.h"

	.text
	.balign 16
	.globl trap_stubs
trap_stubs:
	vec = 0
	.rept 256
	.balign 16
	.if vec == 8 || vec == 10 || vec == 11 || vec == 12 || vec == 13 || vec == 14 || vec == 17 || vec == 21 || vec == 29 || vec == 30
	.else
	pushl $0
	.endif
	pushl $vec
	jmp trap_common
	vec = vec + 1
	.endr

trap_common:
	pushl %gs
	pushl %fs
	pushl %es
	pushl %ds
	pushl %eax
	pushl %ebp
	pushl %edi
	pushl %esi
	pushl %edx
	pushl %ecx
	pushl %ebx
	movl $HV_DS, %eax
	movl %eax, %ds
	movl %eax, %es
	movl %esp, %eax
	pushl %eax
	call trap_dispatch
	addl $4, %esp
	popl %ebx
	popl %ecx
	popl %edx
	popl %esi
	popl %edi
	popl %ebp
	popl %eax
	popl %ds
	popl %es
	popl %fs
	popl %gs
	addl $8, %esp            /* vector, error code */
	iret
