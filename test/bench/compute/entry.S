/* The bare compute kernel's entry: QEMU's -kernel loads it through
 * Multiboot1 into 32-bit protected mode with paging off; it clears its bss,
 * takes a stack of its own and calls bare_main(magic, info), which never
 * returns. */

#include "arch/x86/boot/multiboot.h"

	.section .multiboot, "a"
	MULTIBOOT_HEADERS

	.section .bss
	.balign 16
stack:
	.skip 16384
stack_top:

	.text
	.code32
	.globl _start
_start:
	cli
	cld
	mov %eax, %esi                  /* the loader's magic ... */
	mov %ebx, %edx                  /* ... and its information */
	mov $__bss_start, %edi
	mov $__bss_end, %ecx
	sub %edi, %ecx
	xor %eax, %eax
	rep stosb
	mov $stack_top, %esp
	push %edx
	push %esi
	call bare_main
1:	hlt
	jmp 1b
