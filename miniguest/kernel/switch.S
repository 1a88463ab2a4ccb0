/* switch_stacks(uint32_t *save_esp, uint32_t new_esp): saves the callee-
 * saved registers on this stack and its pointer in *save_esp, then resumes
 * the thread whose stack pointer is new_esp. A new thread's stack is laid
 * out as if it had called switch_stacks (thread.c). */
	.text
	.code32
	.globl switch_stacks
switch_stacks:
	mov 4(%esp), %eax
	mov 8(%esp), %edx
	push %ebp
	push %ebx
	push %esi
	push %edi
	mov %esp, (%eax)
	mov %edx, %esp
	pop %edi
	pop %esi
	pop %ebx
	pop %ebp
	ret
