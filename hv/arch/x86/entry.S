/* Trap entry: one 16-byte stub per vector pushes a dummy error code where the
 * CPU pushes none, then the vector, and joins trap_common, which saves the
 * rest of struct cpu_regs and calls trap_dispatch(). */
#include "arch/x86/selectors.h"
#include "arch/x86/layout.h"

#define CPU_REGS_SIZE 72         /* sizeof(struct cpu_regs) */

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

/* fs and gs are never touched by the hypervisor: their slots in the frame
 * stay unused on the fast path and the context switch moves them. */
trap_common:
	cld                      /* a guest may leave DF set; C code assumes it clear */
	subl $8, %esp            /* fs, gs */
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

/* Pop a struct cpu_regs and return from the trap. Loading a guest's
 * segments or returning to it can fault when the guest left us a bad
 * selector: the fixups send that to bad_guest_return. */
	.globl trap_return
trap_return:
	/* The selectors a guest is to get, kept where a fault in loading
	 * them (whose own frame lands on these slots) cannot overwrite them.
	 * Returns within the hypervisor (a fixup) leave them alone. */
	testl $3, 56(%esp)
	jz 6f
	movl 28(%esp), %eax
	movl %eax, return_ds
	movl 32(%esp), %eax
	movl %eax, return_es
6:	popl %ebx
	popl %ecx
	popl %edx
	popl %esi
	popl %edi
	popl %ebp
	popl %eax
1:	popl %ds
2:	popl %es
	addl $16, %esp           /* fs, gs, vector, error code */
5:	iret
	.pushsection __ex_table, "a"
	.balign 4
	.long 1b, bad_guest_return, 2b, bad_guest_return, 5b, bad_guest_return
	.popsection

	.data
	.balign 4
return_ds:
	.long 0
return_es:
	.long 0
	.text

/* The null trap (RINGLET_NULL_TRAP_VECTOR): the least a trap can cost. */
	.globl null_trap
null_trap:
	iret

/* Start again from the frame at the top of the stack: the C side enters
 * the guest's failsafe callback, or destroys the guest and loads whichever
 * guest runs next into the frame. */
bad_guest_return:
	/* The fault's own frame overwrote the general registers' slots (they
	 * had been popped); the registers themselves still hold the guest's. */
	movl $(boot_stack + BOOT_STACK_SIZE - CPU_REGS_SIZE), %esp
	movl %ebx, 0(%esp)
	movl %ecx, 4(%esp)
	movl %edx, 8(%esp)
	movl %esi, 12(%esp)
	movl %edi, 16(%esp)
	movl %ebp, 20(%esp)
	movl %eax, 24(%esp)
	movl $HV_DS, %eax
	movl %eax, %ds
	movl %eax, %es
	movl return_ds, %eax
	movl %eax, 28(%esp)
	movl return_es, %eax
	movl %eax, 32(%esp)
	pushl %esp
	call guest_return_failed
	addl $4, %esp
	jmp trap_return
