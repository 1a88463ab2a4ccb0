/* Start of day: the ELF notes of Xen's PV boot protocol, the entry point,
 * the hypercall page and the boot stack.
 *
 * The image is linked at MG_VIRT_BASE, its VIRT_BASE and PADDR_OFFSET too,
 * so the builder maps it from pseudo-physical frame 0 on and virtual 0-4 MiB
 * stays unmapped. On entry (ring 1, flat selectors, events masked) %esi
 * holds start_info's virtual address and %esp the builder's bootstrap
 * stack, the last page of the initial region: mg_start() needs both. */

#include "pvabi/elfnote.h"
#include "pvabi/hypercall.h"
#include "kernel/layout.h"

	.section .note.Xen, "a", @note
	xen_pv32pae_notes miniguest, MG_VIRT_BASE, _start, hypercall_page

	.section .text.head, "ax"
	.code32
	.globl _start
_start:
	cld
	mov %esp, %eax
	mov $boot_stack_top, %esp
	xor %ebp, %ebp                  /* ends the frame-pointer chain */
	push %eax                       /* mg_start(start_info, boot_esp) */
	push %esi
	call mg_start
	ud2                             /* mg_start never returns */

	define_hypercall_page

	.bss
	.balign 4096
	.globl boot_stack, boot_stack_top
boot_stack:
	.skip MG_BOOT_STACK_SIZE
boot_stack_top:
