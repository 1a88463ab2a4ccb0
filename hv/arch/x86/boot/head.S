/* Entry from a Multiboot1 or Multiboot2 loader: 32-bit protected mode, paging
 * off, %eax = loader magic, %ebx = physical address of its info structure.
 *
 * This code runs at its load address. It maps the whole 4 GiB identically
 * with 2 MiB pages (so C can read the loader's structures wherever they lie)
 * plus the image at its link address in the hole, turns on PAE paging and NX,
 * and calls start_hv() on the high boot stack. The C side builds the final
 * page tables and drops the identity map. */
#include "arch/x86/layout.h"
#include "arch/x86/boot/multiboot.h"

#define PHYS(sym)        ((sym) - HV_VIRT_OFFSET)

#define PTE_P            0x001
#define PTE_RW           0x002
#define PTE_PS           0x080
#define CR0_PG           0x80000000
#define CR0_WP           0x00010000
#define CR4_PAE          0x00000020
#define MSR_EFER         0xC0000080
#define EFER_NXE         0x00000800

	.section .boot.header, "a"
	MULTIBOOT_HEADERS

	.section .boot.text, "ax"
	.code32
	.globl _start
_start:
	cli
	cld
	movl %eax, %esi                 /* loader magic */
	movl %ebx, %edi                 /* loader info */
	rdtsc
	movl %eax, PHYS(boot_tsc)
	movl %edx, PHYS(boot_tsc) + 4

	/* Clear .bss before anything in it is used. */
	movl %edi, %ebp
	movl $PHYS(__bss_start), %edi
	movl $PHYS(__bss_end), %ecx
	subl %edi, %ecx
	shrl $2, %ecx
	xorl %eax, %eax
	rep stosl
	movl %ebp, %edi

	/* PAE is not optional. */
	movl $1, %eax
	cpuid
	testl $(1 << 6), %edx
	jz no_pae

	/* Identity map of 4 GiB: 2048 large pages. */
	movl $boot_l2, %ebx
	xorl %ecx, %ecx
1:	movl %ecx, %eax
	shll $21, %eax
	orl $(PTE_P | PTE_RW | PTE_PS), %eax
	movl %eax, (%ebx, %ecx, 8)
	movl $0, 4(%ebx, %ecx, 8)
	incl %ecx
	cmpl $2048, %ecx
	jne 1b

	/* The hole's direct map: machine 0..12 MiB at HV_VIRT_OFFSET. */
	movl $(HV_VIRT_OFFSET >> 21), %ecx
	xorl %eax, %eax
2:	movl %eax, %edx
	orl $(PTE_P | PTE_RW | PTE_PS), %edx
	movl %edx, (%ebx, %ecx, 8)
	addl $(1 << 21), %eax
	incl %ecx
	cmpl $((HV_VIRT_OFFSET + DIRECTMAP_SIZE) >> 21), %ecx
	jne 2b

	/* Four PDPTEs; PAE allows only the present bit in them. */
	movl $boot_l3, %edx
	movl $boot_l2 + PTE_P, 0(%edx)
	movl $boot_l2 + 0x1000 + PTE_P, 8(%edx)
	movl $boot_l2 + 0x2000 + PTE_P, 16(%edx)
	movl $boot_l2 + 0x3000 + PTE_P, 24(%edx)

	movl %cr4, %eax
	orl $CR4_PAE, %eax
	movl %eax, %cr4
	movl %edx, %cr3

	/* NX where the CPU has it. */
	movl $0x80000000, %eax
	cpuid
	cmpl $0x80000001, %eax
	jb 3f
	movl $0x80000001, %eax
	cpuid
	testl $(1 << 20), %edx
	jz 3f
	movl $MSR_EFER, %ecx
	rdmsr
	orl $EFER_NXE, %eax
	wrmsr
3:
	movl %cr0, %eax
	orl $(CR0_PG | CR0_WP), %eax
	movl %eax, %cr0
	movl $high_entry, %eax
	jmp *%eax

/* No PAE: say so on COM1 and stop; nothing else can work. */
no_pae:
	movl $no_pae_msg, %ebx
4:	movb (%ebx), %al
	testb %al, %al
	jz 6f
	movw $0x3fd, %dx
5:	inb %dx, %al
	testb $0x20, %al
	jz 5b
	movb (%ebx), %al
	movw $0x3f8, %dx
	outb %al, %dx
	incl %ebx
	jmp 4b
6:	movb $0x11, %al
	outb %al, $0xf4
7:	hlt
	jmp 7b

no_pae_msg:
	.asciz "ringlet: this CPU has no PAE; ringlet needs a PAE-capable CPU (e.g. qemu -cpu max)\r\n"

	.section .boot.bss, "aw", @nobits
	.balign 4096
boot_l2:
	.skip 4 * 4096
boot_l3:
	.skip 32

	.text
high_entry:
	movl $boot_stack + BOOT_STACK_SIZE, %esp
	xorl %ebp, %ebp
	pushl %edi
	pushl %esi
	call start_hv
8:	cli
	hlt
	jmp 8b

	.bss
	.balign 16
	.globl boot_stack
boot_stack:
	.skip BOOT_STACK_SIZE

	.section .data
	.balign 8
	.globl boot_tsc
boot_tsc:
	.quad 0
