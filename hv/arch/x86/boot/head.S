/* Entry from a Multiboot1 or Multiboot2 loader: 32-bit protected mode, paging
 * off, %eax = loader magic, %ebx = physical address of its info structure.
 *
 * This code runs at its load address. It checks for long mode, maps the
 * first 4 GiB three times with 2 MiB pages (identically, so C can read the
 * loader's structures wherever they lie; at the direct map; and the first
 * GiB at the image's link address), enters 64-bit mode and calls
 * start_hv() on the high boot stack. The C side builds the final page
 * tables and drops the identity map. */
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
#define EFER_LME         0x00000100
#define EFER_NXE         0x00000800
#define BOOT_CS          0x08
#define BOOT_DS          0x10

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

	/* Long mode is not optional: only in it is the hypervisor out of a
	 * guest's reach on every CPU and emulator. */
	movl $0x80000000, %eax
	cpuid
	cmpl $0x80000001, %eax
	jb no_long_mode
	movl $0x80000001, %eax
	cpuid
	testl $(1 << 29), %edx
	jz no_long_mode
	movl %edx, %ebp                 /* bit 20: NX */

	/* Clear .bss before anything in it is used. */
	pushl %edi
	movl $PHYS(__bss_start), %edi
	movl $PHYS(__bss_end), %ecx
	subl %edi, %ecx
	shrl $2, %ecx
	xorl %eax, %eax
	rep stosl
	popl %edi

	/* The loader need not clear what the image does not carry. */
	pushl %edi
	movl $boot_l3, %edi
	movl $(3 * 4096 / 4), %ecx
	xorl %eax, %eax
	rep stosl
	popl %edi

	/* 4 GiB in 2048 large pages. */
	movl $boot_l2, %ebx
	xorl %ecx, %ecx
1:	movl %ecx, %eax
	shll $21, %eax
	orl $(PTE_P | PTE_RW | PTE_PS), %eax
	movl %eax, (%ebx, %ecx, 8)
	incl %ecx
	cmpl $2048, %ecx
	jne 1b

	movl $boot_l3, %edx
	movl $boot_l2 + (PTE_P | PTE_RW), 0(%edx)
	movl $boot_l2 + 0x1000 + (PTE_P | PTE_RW), 8(%edx)
	movl $boot_l2 + 0x2000 + (PTE_P | PTE_RW), 16(%edx)
	movl $boot_l2 + 0x3000 + (PTE_P | PTE_RW), 24(%edx)
	movl $boot_l3_high, %edx
	movl $boot_l2 + (PTE_P | PTE_RW), 510 * 8(%edx)
	movl $boot_l4, %edx
	movl $boot_l3 + (PTE_P | PTE_RW), 0(%edx)
	movl $boot_l3 + (PTE_P | PTE_RW), ((DIRECTMAP_START >> 39) & 511) * 8(%edx)
	movl $boot_l3_high + (PTE_P | PTE_RW), 511 * 8(%edx)

	movl %cr4, %eax
	orl $CR4_PAE, %eax
	movl %eax, %cr4
	movl %edx, %cr3

	movl $MSR_EFER, %ecx
	rdmsr
	orl $EFER_LME, %eax
	testl $(1 << 20), %ebp
	jz 2f
	orl $EFER_NXE, %eax
2:	wrmsr

	movl %cr0, %eax
	orl $(CR0_PG | CR0_WP), %eax
	movl %eax, %cr0
	lgdt boot_gdtr
	ljmp $BOOT_CS, $long_entry

/* No long mode: say so on COM1 and stop; nothing else can work. */
no_long_mode:
	movl $no_lm_msg, %ebx
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

no_lm_msg:
	.asciz "ringlet: this CPU has no long mode; ringlet needs a 64-bit x86 CPU (e.g. qemu-system-x86_64 -cpu max)\r\n"

	.balign 8
boot_gdt:
	.quad 0
	.quad 0x00af9a000000ffff        /* 64-bit code */
	.quad 0x00cf92000000ffff        /* flat data */
boot_gdtr:
	.short boot_gdtr - boot_gdt - 1
	.long boot_gdt

	.code64
long_entry:
	movl $BOOT_DS, %eax
	movl %eax, %ds
	movl %eax, %es
	movl %eax, %ss
	movabsq $high_entry, %rax
	jmp *%rax

	.section .boot.bss, "aw", @nobits
	.balign 4096
boot_l2:
	.skip 4 * 4096
boot_l3:
	.skip 4096
boot_l3_high:
	.skip 4096
boot_l4:
	.skip 4096

	.text
high_entry:
	/* The top of the stack is where traps from guests leave their frame
	 * (struct cpu_regs): the first guest's is written there. */
	movabsq $boot_stack + BOOT_STACK_SIZE - 208, %rsp
	xorl %ebp, %ebp
	xchgl %esi, %edi                /* start_hv(magic, info) */
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
