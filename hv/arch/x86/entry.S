/* Trap entry: one 16-byte stub per vector pushes a dummy error code where the
 * CPU pushes none, then the vector, and joins trap_common, which saves the
 * rest of struct cpu_regs and calls trap_dispatch(). In long mode the CPU
 * always pushes ss:rsp and aligns the stack, so every frame has one shape. */
#include "arch/x86/selectors.h"
#include "arch/x86/layout.h"

#define CPU_REGS_SIZE 208        /* sizeof(struct cpu_regs) */
#define REGS_DS       120
#define REGS_ES       128
#define REGS_CS       176

	.text
	.balign 16
	.globl trap_stubs
trap_stubs:
	vec = 0
	.rept 256
	.balign 16
	.if vec == 8 || vec == 10 || vec == 11 || vec == 12 || vec == 13 || vec == 14 || vec == 17 || vec == 21 || vec == 29 || vec == 30
	.else
	pushq $0
	.endif
	pushq $vec
	jmp trap_common
	vec = vec + 1
	.endr

/* A guest's ds and es stay loaded while the hypervisor runs (64-bit code
 * does not use them); their slots record them. fs and gs are never touched
 * on this path: the context switch moves them. */
trap_common:
	cld                      /* a guest may leave DF set; C code assumes it clear */
	subq $32, %rsp           /* ds, es, fs, gs */
	pushq %rax
	pushq %rbp
	pushq %rdi
	pushq %rsi
	pushq %rdx
	pushq %rcx
	pushq %rbx
	pushq %r8
	pushq %r9
	pushq %r10
	pushq %r11
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
	movl %ds, %eax
	movq %rax, REGS_DS(%rsp)
	movl %es, %eax
	movq %rax, REGS_ES(%rsp)
	movq %rsp, %rdi
	call trap_dispatch

/* Pop a struct cpu_regs and return from the trap. A return to a guest loads
 * the ds and es its frame names where they differ from what the CPU holds,
 * or where a descriptor may have changed under them (segments_stale); that,
 * or the iretq itself, can fault when the guest left a bad selector or
 * frame: the fixups send that to bad_guest_return. */
	.globl trap_return
trap_return:
	testl $3, REGS_CS(%rsp)
	jz 6f
	/* The selectors a guest is to get, kept where a fault in iretq
	 * (whose own frame lands on these slots) cannot overwrite them. */
	movq REGS_DS(%rsp), %rax
	movq %rax, return_ds(%rip)
	movq REGS_ES(%rsp), %rdx
	movq %rdx, return_es(%rip)
	movl %ds, %ecx
	cmpl %eax, %ecx
	jne 1f
	cmpb $0, segments_stale(%rip)
	je 2f
1:	movl %eax, %ds
2:	movl %es, %ecx
	cmpl %edx, %ecx
	jne 3f
	cmpb $0, segments_stale(%rip)
	je 4f
3:	movl %edx, %es
4:	movb $0, segments_stale(%rip)
6:	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %r11
	popq %r10
	popq %r9
	popq %r8
	popq %rbx
	popq %rcx
	popq %rdx
	popq %rsi
	popq %rdi
	popq %rbp
	popq %rax
	addq $48, %rsp           /* ds, es, fs, gs, vector, error code */
5:	iretq
	.pushsection __ex_table, "a"
	.balign 8
	.quad 1b, bad_guest_segment, 3b, bad_guest_segment, 5b, bad_guest_return
	.popsection

	.data
	.globl segments_stale
segments_stale:
	.byte 0
	.balign 8
return_ds:
	.quad 0
return_es:
	.quad 0
	.text

/* The null trap (RINGLET_NULL_TRAP_VECTOR): the least a trap can cost. */
	.globl null_trap
null_trap:
	iretq

/* Start again from the frame at the top of the stack: the C side enters
 * the guest's failsafe callback, or destroys the guest and loads whichever
 * guest runs next into the frame. */
bad_guest_return:
	/* The fault's own frame overwrote the general registers' slots (they
	 * had been popped); the registers themselves still hold the guest's. */
	movabsq $(boot_stack + BOOT_STACK_SIZE - CPU_REGS_SIZE), %rsp
	movq %rbx, 64(%rsp)
	movq %rcx, 72(%rsp)
	movq %rdx, 80(%rsp)
	movq %rsi, 88(%rsp)
	movq %rdi, 96(%rsp)
	movq %rbp, 104(%rsp)
	movq %rax, 112(%rsp)
	movq return_ds(%rip), %rax
	movq %rax, REGS_DS(%rsp)
	movq return_es(%rip), %rax
	movq %rax, REGS_ES(%rsp)
	jmp 7f
/* A fault in loading ds or es, before anything was popped: the frame is
 * whole (the fault's own frame went below it). */
bad_guest_segment:
	movabsq $(boot_stack + BOOT_STACK_SIZE - CPU_REGS_SIZE), %rsp
7:	movq %rsp, %rdi
	call guest_return_failed
	jmp trap_return
