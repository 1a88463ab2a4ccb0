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

/* int $0x80 (a DPL-3 gate), a guest's system call: straight on to its
 * handler when it came from ring 3, the handler takes it from there with
 * events as they are (int80_fast has it; pv/int80.c), and nothing else is
 * due (no scheduling decision, no event upcall first). The frame that goes
 * on the guest's kernel stack is TRAP-1's: eip, cs with the event mask
 * above it, eflags with IF as events are, esp, ss. Anything else, a fault
 * writing the frame included, goes the long way, as vector 0x80. */
#define F_RIP   24                /* the CPU's frame, past rax, rcx, rdx */
#define F_CS    32
#define F_FLAGS 40
#define F_RSP   48
#define F_SS    56
	.globl int80_entry
int80_entry:
	pushq %rax
	pushq %rcx
	pushq %rdx
	movl F_CS(%rsp), %eax
	andl $3, %eax
	cmpl $3, %eax
	jne int80_slow
	cmpb $0, need_resched(%rip)
	jne int80_slow
	cmpl $0, int80_fast(%rip)
	je int80_slow
	movq int80_fast+16(%rip), %rcx
	movzbl 1(%rcx), %edx              /* evtchn_upcall_mask */
	testl %edx, %edx
	jnz 1f
	cmpb $0, (%rcx)                   /* evtchn_upcall_pending: the upcall first */
	jne int80_slow
1:	movl int80_fast+12(%rip), %ecx
	subl $20, %ecx                    /* five words below the kernel stack's top */
	movl F_SS(%rsp), %eax
2:	movl %eax, 16(%rcx)
	movl F_RSP(%rsp), %eax
3:	movl %eax, 12(%rcx)
	movl F_FLAGS(%rsp), %eax
	andl $~0x200, %eax
	testl %edx, %edx
	jnz 4f
	orl $0x200, %eax
4:
5:	movl %eax, 8(%rcx)
	movzwl F_CS(%rsp), %eax
	shll $16, %edx
	orl %edx, %eax
6:	movl %eax, 4(%rcx)
	movl F_RIP(%rsp), %eax
7:	movl %eax, (%rcx)
	movq %rcx, F_RSP(%rsp)
	movl int80_fast+8(%rip), %eax
	movq %rax, F_SS(%rsp)
	movl int80_fast+4(%rip), %eax
	movq %rax, F_CS(%rsp)
	movl int80_fast(%rip), %eax
	movq %rax, F_RIP(%rsp)
	andq $~0x34100, F_FLAGS(%rsp)     /* TF, NT, RF, VM */
	movq int80_fast+24(%rip), %rax
	movb $0, (%rax)                   /* in_failsafe: a trap came */
	popq %rdx
	popq %rcx
	popq %rax
	iretq
	.pushsection __ex_table, "a"
	.balign 8
	.quad 2b, int80_slow, 3b, int80_slow, 5b, int80_slow, 6b, int80_slow, 7b, int80_slow
	.popsection
int80_slow:
	popq %rdx
	popq %rcx
	popq %rax
	pushq $0
	pushq $0x80
	jmp trap_common

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
