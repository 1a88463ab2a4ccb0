/* The Multiboot1 and Multiboot2 headers a loader looks for in the first
 * 8 KiB of the image, for assembly files: QEMU's -kernel reads the first,
 * GRUB's multiboot2 command the second. Both ask for page-aligned modules;
 * the Multiboot1 header also asks for the memory map. ELF images need no
 * address fields. */
#ifndef ARCH_X86_BOOT_MULTIBOOT_H
#define ARCH_X86_BOOT_MULTIBOOT_H

#define MB1_HEADER_MAGIC   0x1BADB002
#define MB1_HEADER_FLAGS   0x00000003      /* page-aligned modules, memory info */
#define MB2_HEADER_MAGIC   0xE85250D6
#define MB2_ARCH_I386      0
#define MB2_TAG_END        0
#define MB2_TAG_MODALIGN   6

.macro MULTIBOOT_HEADERS
	.balign 4
mb1_header:
	.long MB1_HEADER_MAGIC
	.long MB1_HEADER_FLAGS
	.long -(MB1_HEADER_MAGIC + MB1_HEADER_FLAGS)

	.balign 8
mb2_header:
	.long MB2_HEADER_MAGIC
	.long MB2_ARCH_I386
	.long mb2_header_end - mb2_header
	.long -(MB2_HEADER_MAGIC + MB2_ARCH_I386 + (mb2_header_end - mb2_header))
	.short MB2_TAG_MODALIGN, 0
	.long 8
	.short MB2_TAG_END, 0
	.long 8
mb2_header_end:
.endm

#endif
