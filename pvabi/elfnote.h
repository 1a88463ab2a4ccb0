/* ELF notes by which a guest image describes itself to the domain builder.
 *
 * Each note is a standard ELF note in a PT_NOTE segment (or, when no
 * segment holds a Xen note, a SHT_NOTE section): namesz = 4, descsz,
 * type = XEN_ELFNOTE_*, the name "Xen\0", then the descriptor, each padded
 * to 4 bytes. A string descriptor is NUL-terminated ASCII; a numeric one is
 * 4 or 8 bytes (little-endian), its size given by descsz. Addresses are
 * guest virtual addresses. Usable from assembly, where guests usually emit
 * their notes.
 *
 * A pv32pae image MUST carry XEN_VERSION "xen-3.0", LOADER "generic" and
 * PAE_MODE "yes" (Xen refuses images without them, except that a GUEST_OS
 * of "linux" stands in for the LOADER), and SHOULD carry
 * GUEST_OS, ENTRY (default: the ELF entry point), VIRT_BASE (default 0) and
 * HYPERCALL_PAGE. The builder MUST refuse an image whose PAE_MODE does not
 * allow PAE ("yes", "bimodal" or "yes,bimodal" do), and MUST ignore note
 * types it does not know. */
#ifndef PVABI_ELFNOTE_H
#define PVABI_ELFNOTE_H

#define PV_ELFNOTE_NAME     "Xen"
#define PV_ELFNOTE_NAMESZ   4        /* including the NUL */

#define XEN_ELFNOTE_INFO                 0  /* string: NAME=VALUE */
#define XEN_ELFNOTE_ENTRY                1  /* number: entry point */
#define XEN_ELFNOTE_HYPERCALL_PAGE       2  /* number: page the hypervisor
					     * fills with hypercall stubs */
#define XEN_ELFNOTE_VIRT_BASE            3  /* number: virtual address of
					     * pseudo-physical 0 (default 0) */
#define XEN_ELFNOTE_PADDR_OFFSET         4  /* number: subtract from ELF
					     * p_paddr to get the
					     * pseudo-physical address
					     * (default 0) */
#define XEN_ELFNOTE_XEN_VERSION          5  /* string: "xen-3.0" */
#define XEN_ELFNOTE_GUEST_OS             6  /* string: the guest's name */
#define XEN_ELFNOTE_GUEST_VERSION        7  /* string */
#define XEN_ELFNOTE_LOADER               8  /* string: "generic" */
#define XEN_ELFNOTE_PAE_MODE             9  /* string: "yes", "no",
					     * "bimodal" or "yes,bimodal" */
#define XEN_ELFNOTE_FEATURES            10  /* string: XENFEAT_ names without
					     * the prefix, '|'-separated; a
					     * leading '!' marks one required */
#define XEN_ELFNOTE_BSD_SYMTAB          11  /* string: "yes" to get the
					     * symbol table loaded */
#define XEN_ELFNOTE_HV_START_LOW        12  /* number: lowest start of the
					     * hypervisor hole the guest can
					     * live with */
#define XEN_ELFNOTE_L1_MFN_VALID        13  /* numbers: mask/value pairs that
					     * recognise non-present L1
					     * entries holding frames */
#define XEN_ELFNOTE_SUSPEND_CANCEL      14  /* number: 1 if the guest handles
					     * a cancelled suspend */
#define XEN_ELFNOTE_INIT_P2M            15  /* number: where to put the p2m
					     * instead (64-bit guests) */
#define XEN_ELFNOTE_MOD_START_PFN       16  /* number: 1 if the guest accepts
					     * an unmapped module given by pfn */
#define XEN_ELFNOTE_SUPPORTED_FEATURES  17  /* number: bitmap of XENFEAT_* */
#define XEN_ELFNOTE_PHYS32_ENTRY        18  /* number: PVH entry (ignored for
					     * PV) */
#define XEN_ELFNOTE_PHYS32_RELOC        19  /* numbers: PVH relocation */
#define XEN_ELFNOTE_MAX                 XEN_ELFNOTE_PHYS32_RELOC

#ifdef __ASSEMBLER__
/* Emitting notes from assembly, in a section of type @note:
 *     xen_note_str  XEN_ELFNOTE_LOADER, generic
 *     xen_note_long XEN_ELFNOTE_ENTRY, _start
 * Each is namesz, descsz, type, "Xen\0", the descriptor, padded to 4. */
.macro xen_note_begin type
	.balign 4
	.long 2f - 1f
	.long 4f - 3f
	.long \type
1:	.asciz "Xen"
2:	.balign 4
3:
.endm

.macro xen_note_end
4:	.balign 4
.endm

.macro xen_note_str type, str
	xen_note_begin \type
	.asciz "\str"
	xen_note_end
.endm

.macro xen_note_long type, value
	xen_note_begin \type
	.long \value
	xen_note_end
.endm

/* The notes of a pv32pae image linked at base, whose pseudo-physical 0 is
 * base too: what the builder MUST see, and the entry and hypercall page. */
.macro xen_pv32pae_notes guest_os, base, entry, hypercall_page
	xen_note_str  XEN_ELFNOTE_GUEST_OS,       \guest_os
	xen_note_str  XEN_ELFNOTE_GUEST_VERSION,  1
	xen_note_str  XEN_ELFNOTE_XEN_VERSION,    xen-3.0
	xen_note_str  XEN_ELFNOTE_LOADER,         generic
	xen_note_str  XEN_ELFNOTE_PAE_MODE,       yes
	xen_note_long XEN_ELFNOTE_VIRT_BASE,      \base
	xen_note_long XEN_ELFNOTE_PADDR_OFFSET,   \base
	xen_note_long XEN_ELFNOTE_ENTRY,          \entry
	xen_note_long XEN_ELFNOTE_HYPERCALL_PAGE, \hypercall_page
.endm
#endif /* __ASSEMBLER__ */

#endif
