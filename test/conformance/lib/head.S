/* Start of day of a conformance guest: the ELF notes of the PV boot
 * protocol, the entry point, the hypercall page and the guest's own stack.
 *
 * Memory layout (see guest.ld): the image is linked at 0x00400000 and that
 * is also its VIRT_BASE, so the builder's initial region starts at 4 MiB and
 * virtual 0-4 MiB stays unmapped: a NULL (or small) pointer faults, in the
 * guest and in a hypercall alike (-XEN_EFAULT). Program headers carry
 * p_paddr == p_vaddr, and the PADDR_OFFSET note says so: Xen's loader puts
 * a segment at p_paddr - PADDR_OFFSET + VIRT_BASE, and without the note it
 * would take PADDR_OFFSET as 0 and load the image 4 MiB too high.
 *
 * Entry (Xen's PV ABI): ring 1, flat FLAT_RING1 selectors, %esi = the
 * virtual address of start_info, %esp at the top of the builder's bootstrap
 * stack page. Events are masked. We switch to a stack in .bss at once and
 * hand start_info, and the %esp we came in with, to guest_start(). */

#include "pvabi/elfnote.h"
#include "pvabi/hypercall.h"
#include "pvabi/arch_x86_32.h"

#define GUEST_STACK_SIZE  (16 * 1024)

	.section .note.Xen, "a", @note
	xen_pv32pae_notes ringlet-conformance, __image_start, _start, hypercall_page

	.section .text.head, "ax"
	.code32
	.globl _start
_start:
	cld
	mov %esp, %eax                  /* the bootstrap stack, for the record */
	mov $guest_stack_top, %esp
	xor %ebp, %ebp                  /* ends the frame-pointer chain */
	push %eax                       /* guest_start(start_info, entry_esp) */
	push %esi
	call guest_start
	/* guest_start never returns; if it did, stop here rather than run on. */
	ud2

	define_hypercall_page

	.bss
	.balign 4096
	.globl guest_stack, guest_stack_top
guest_stack:
	.skip GUEST_STACK_SIZE
guest_stack_top:
