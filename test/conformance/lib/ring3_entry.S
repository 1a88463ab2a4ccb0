/* Into ring 3 and back (lib/ring3.h).
 *
 * ring3_enter(fn, way) saves the callee-saved registers and %esp in
 * ring3_saved_esp, loads FLAT_RING3_DS into %ds and %es and builds an
 * inter-privilege return frame: ss, esp (the top of ring3_user_stack),
 * eflags (ring3_eflags, or the current ones when it is 0), cs, eip
 * (ring3_trampoline). way 0 returns
 * with the iret instruction, way 1 through HYPERVISOR_iret's stub of the
 * hypercall page, which pushes %eax on top and traps.
 *
 * The trampoline, in ring 3, calls fn (passed in %ebx, which the return
 * leaves alone) and raises RING3_EXIT_VECTOR. ring3_exit_entry, in ring 1
 * on the stack_switch stack, copies the hypervisor's frame to ring3_exit,
 * goes back to the saved %esp and returns from ring3_enter. */

#include "pvabi/arch_x86_32.h"
#include "pvabi/hypercall.h"

#define RING3_EXIT_VECTOR 0xf1

	.text
	.code32

	.globl ring3_enter
ring3_enter:
	push %ebp
	push %ebx
	push %esi
	push %edi
	mov %esp, ring3_saved_esp
	mov 20(%esp), %ebx              /* fn */
	mov 24(%esp), %ecx              /* way */
	mov $FLAT_RING3_DS, %eax
	mov %eax, %ds
	mov %eax, %es
	pushl $FLAT_RING3_SS
	pushl $ring3_user_stack_top
	pushf
	mov ring3_eflags, %eax          /* 0: the current eflags */
	test %eax, %eax
	jz 2f
	mov %eax, (%esp)
2:	pushl $FLAT_RING3_CS
	pushl $ring3_trampoline
	test %ecx, %ecx
	jnz 1f
	iret
1:	mov $0x3e3e3e3e, %eax           /* what the stub pushes; ring 3 sees it */
	jmp hypercall_page + __HYPERVISOR_iret * 32

	.globl ring3_trampoline
ring3_trampoline:
	mov %eax, ring3_entry_eax
	call *%ebx
	int $RING3_EXIT_VECTOR
	ud2                             /* not reached */

	.globl ring3_exit_entry
ring3_exit_entry:
	mov $FLAT_RING1_DS, %eax
	mov %eax, %ds
	mov %eax, %es
	mov %esp, ring3_exit_esp
	cld
	mov %esp, %esi
	mov $ring3_exit, %edi
	mov $5, %ecx
	rep movsl
	mov ring3_saved_esp, %esp
	pop %edi
	pop %esi
	pop %ebx
	pop %ebp
	ret

	.data
	.balign 4
ring3_saved_esp:
	.long 0
	.globl ring3_entry_eax
ring3_entry_eax:
	.long 0
	.globl ring3_eflags
ring3_eflags:
	.long 0
