/* start_info: what the domain builder tells a guest at its first instruction.
 *
 * Start of day (x86_32 PAE). The builder maps one contiguous virtual region,
 * starting at the image's XEN_ELFNOTE_VIRT_BASE and ending on a 4 MiB
 * boundary, that holds, in this order and each page-aligned:
 *   1. the kernel image, as its ELF program headers place it;
 *   2. the module (initrd), if any               [mod_start, mod_len];
 *   3. the p2m list, one xen_pfn_t per guest page [mfn_list, nr_pages];
 *   4. this start_info page                       [%esi];
 *   5. the xenstore ring page, then the console ring page (not for dom0);
 *   6. the bootstrap page tables, an L3 first     [pt_base, nr_pt_frames];
 *   7. the bootstrap stack                        [%esp points at its top].
 * After the last element the region leaves at least 512 KiB unused, growing
 * by another 4 MiB if needed. The region maps the first pseudo-physical
 * frames 1:1 (virtual = VIRT_BASE + pfn * 4096). Everything is mapped
 * writable except the page tables, which are mapped read-only and already
 * pinned; %cr3 holds the L3. The guest enters at XEN_ELFNOTE_ENTRY in ring 1,
 * with the FLAT_RING1 selectors loaded, events masked
 * (evtchn_upcall_mask = 1) and %esi = the virtual address of start_info.
 * The guest MUST treat every other register as undefined.
 *
 * The fields from pt_base on are only meaningful at first boot; after a
 * resume (save/restore) only the fields above them are refreshed. */
#ifndef PVABI_START_INFO_H
#define PVABI_START_INFO_H

/* start_info.magic for a 32-bit PAE guest ("xen-<version>-<platform>"). */
#define START_INFO_MAGIC_X86_32P  "xen-3.0-x86_32p"

#define MAX_GUEST_CMDLINE  1024

/* start_info.flags */
#define SIF_PRIVILEGED       (1 << 0)  /* may use privileged hypercalls */
#define SIF_INITDOMAIN       (1 << 1)  /* the initial control domain (dom0) */
#define SIF_MULTIBOOT_MOD    (1 << 2)  /* the module is a multiboot package
					* (struct xen_multiboot_mod_list) */
#define SIF_MOD_START_PFN    (1 << 3)  /* mod_start is a pfn, not an address */
#define SIF_VIRT_P2M_4TOOLS  (1 << 4)  /* tools understand a linear p2m */
#define SIF_PM_MASK          (0xff << 8) /* reserved for power management */

#ifndef __ASSEMBLER__

#include "types.h"

struct start_info {
	/* Refreshed on every boot and resume. */
	char magic[32];            /* NUL-terminated; START_INFO_MAGIC_* */
	uint32_t nr_pages;         /* pages the domain owns */
	uint32_t shared_info;      /* MACHINE address of the shared_info page;
				    * the guest maps it itself */
	uint32_t flags;            /* SIF_* */
	xen_pfn_t store_mfn;       /* machine frame of the xenstore ring */
	uint32_t store_evtchn;     /* its event channel */
	union {
		struct {
			xen_pfn_t mfn;     /* machine frame of the console ring */
			uint32_t evtchn;   /* its event channel */
		} domU;
		struct {
			uint32_t info_off; /* offset, in this page, of the
					    * dom0 console information */
			uint32_t info_size;
		} dom0;                    /* when SIF_INITDOMAIN is set */
	} console;
	/* First boot only. Addresses are guest virtual addresses. */
	uint32_t pt_base;          /* the bootstrap L3 */
	uint32_t nr_pt_frames;     /* bootstrap page-table frames */
	uint32_t mfn_list;         /* the p2m list: mfn_list[pfn] = mfn */
	uint32_t mod_start;        /* the module, or its first pfn with
				    * SIF_MOD_START_PFN; 0 if none */
	uint32_t mod_len;          /* its size in bytes */
	char cmd_line[MAX_GUEST_CMDLINE]; /* NUL-terminated */
	/* Frames (pfns) of the initial p2m and its page tables, when placed
	 * outside the region above (XEN_ELFNOTE_INIT_P2M); 0 otherwise. */
	uint32_t first_p2m_pfn;
	uint32_t nr_p2m_frames;
};
typedef struct start_info start_info_t;

PV_CHECK_SIZE(struct start_info, 1112);
PV_CHECK_OFFSET(struct start_info, nr_pages, 32);
PV_CHECK_OFFSET(struct start_info, shared_info, 36);
PV_CHECK_OFFSET(struct start_info, flags, 40);
PV_CHECK_OFFSET(struct start_info, store_mfn, 44);
PV_CHECK_OFFSET(struct start_info, store_evtchn, 48);
PV_CHECK_OFFSET(struct start_info, console.domU.mfn, 52);
PV_CHECK_OFFSET(struct start_info, console.domU.evtchn, 56);
PV_CHECK_OFFSET(struct start_info, console.dom0.info_size, 56);
PV_CHECK_OFFSET(struct start_info, pt_base, 60);
PV_CHECK_OFFSET(struct start_info, nr_pt_frames, 64);
PV_CHECK_OFFSET(struct start_info, mfn_list, 68);
PV_CHECK_OFFSET(struct start_info, mod_start, 72);
PV_CHECK_OFFSET(struct start_info, mod_len, 76);
PV_CHECK_OFFSET(struct start_info, cmd_line, 80);
PV_CHECK_OFFSET(struct start_info, first_p2m_pfn, 1104);
PV_CHECK_OFFSET(struct start_info, nr_p2m_frames, 1108);

/* With SIF_MULTIBOOT_MOD the module starts with an array of these, ended by
 * an entry whose mod_start is 0. Addresses are offsets from the start of the
 * module. */
struct xen_multiboot_mod_list {
	uint32_t mod_start;        /* first byte */
	uint32_t mod_end;          /* last byte (inclusive) */
	uint32_t cmdline;          /* NUL-terminated command line */
	uint32_t pad;              /* MUST be 0 */
};
PV_CHECK_SIZE(struct xen_multiboot_mod_list, 16);

#endif /* !__ASSEMBLER__ */

#endif
