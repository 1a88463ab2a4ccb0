/* The floor of the boot benchmark: the least a Multiboot kernel can do.
 *
 * It carries both a Multiboot1 header (for QEMU's -kernel) and a Multiboot2
 * header (for GRUB), prints "empty: ready" on COM1 and leaves QEMU through
 * isa-debug-exit with the hypervisor's success value. Whatever the hypervisor
 * takes beyond this is its own boot cost. */

#include "arch/x86/boot/multiboot.h"

#define COM1          0x3f8
#define COM1_LSR      (COM1 + 5)
#define LSR_THRE      0x20              /* transmit holding register empty */

#define DEBUG_EXIT    0xf4
#define EXIT_SUCCESS  0x10              /* QEMU exits with (0x10 << 1) | 1 = 33 */

	.section .multiboot, "a"
	MULTIBOOT_HEADERS

	.section .rodata, "a"
ready:
	.ascii "empty: ready\n"
ready_end:

	.text
	.code32
	.globl _start
_start:
	cli
	mov $ready, %esi
	mov $(ready_end - ready), %ecx
1:	mov $COM1_LSR, %dx
2:	inb %dx, %al
	test $LSR_THRE, %al
	jz 2b
	mov $COM1, %dx
	lodsb
	outb %al, %dx
	loop 1b

	mov $EXIT_SUCCESS, %al
	outb %al, $DEBUG_EXIT

	/* Only reached without isa-debug-exit: stop here. */
3:	hlt
	jmp 3b
