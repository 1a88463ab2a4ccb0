/* Page tables under the hypervisor's eye: mmu_update, mmuext_op,
 * update_va_mapping and vm_assist, and the PAE entry format they carry.
 *
 * A guest's page tables hold MACHINE frame numbers and are mapped read-only
 * in the guest; it changes them only through these hypercalls, which check
 * every entry. A frame in use as a page table (L1, L2 or L3) can never be
 * mapped writable, and a frame mapped writable can never become a page table;
 * the hypervisor MUST refuse (with a negative error) any update that would
 * break this, and any entry that maps a frame the guest does not own
 * (foreigndom, below, lets a privileged caller name another owner).
 *
 * The top level of a guest's address space is an L3 of 4 entries; the L2
 * reached through its last entry (0xC0000000 up) also maps the hypervisor's
 * hole, whose slots the guest cannot change; that L2 MUST NOT be shared with
 * another L3.
 *
 *  HYPERVISOR_mmu_update(reqs, count, done, foreigndom)
 *    Applies count struct mmu_update requests in order, stopping at the
 *    first that fails. If done is not null, the number of requests applied
 *    is stored there. foreigndom bits 0-15 name the domain whose frames new
 *    L1 entries may map (DOMID_SELF: the caller); bits 16-31, if not 0, are
 *    1 + the id of the domain owning the page tables being changed.
 *
 *  HYPERVISOR_mmuext_op(ops, count, done, foreigndom)
 *    The same for count struct mmuext_op.
 *
 *  HYPERVISOR_update_va_mapping(va, pte_lo, pte_hi, flags)
 *    Writes the L1 entry that maps va in the current address space, with the
 *    same checks as MMU_NORMAL_PT_UPDATE, then flushes as flags (UVMF_*)
 *    say. va MUST be below HYPERVISOR_VIRT_START and covered by an L2 entry.
 *
 *  HYPERVISOR_vm_assist(cmd, type)
 *    Turns on (VMASST_CMD_enable) or off an optional behaviour. The
 *    hypervisor MAY refuse a type it does not provide with -XEN_EINVAL. */
#ifndef PVABI_MMU_H
#define PVABI_MMU_H

/* The low two bits of mmu_update.ptr say what to do. */
#define MMU_NORMAL_PT_UPDATE       0 /* ptr: machine address of a page-table
				      * entry; checked *ptr = val */
#define MMU_MACHPHYS_UPDATE        1 /* ptr: machine address in a frame;
				      * m2p[ptr >> 12] = val */
#define MMU_PT_UPDATE_PRESERVE_AD  2 /* as NORMAL, keeping the entry's current
				      * accessed and dirty bits */
#define MMU_PT_UPDATE_NO_TRANSLATE 3 /* as NORMAL, val never translated */

/* mmuext_op.cmd */
#define MMUEXT_PIN_L1_TABLE        0  /* arg1.mfn: validate as an L1, pin */
#define MMUEXT_PIN_L2_TABLE        1
#define MMUEXT_PIN_L3_TABLE        2
#define MMUEXT_PIN_L4_TABLE        3  /* 64-bit guests only */
#define MMUEXT_UNPIN_TABLE         4  /* arg1.mfn */
#define MMUEXT_NEW_BASEPTR         5  /* arg1.mfn: an L3 to switch to */
#define MMUEXT_TLB_FLUSH_LOCAL     6
#define MMUEXT_INVLPG_LOCAL        7  /* arg1.linear_addr */
#define MMUEXT_TLB_FLUSH_MULTI     8  /* arg2.vcpumask */
#define MMUEXT_INVLPG_MULTI        9  /* arg1.linear_addr, arg2.vcpumask */
#define MMUEXT_TLB_FLUSH_ALL      10
#define MMUEXT_INVLPG_ALL         11  /* arg1.linear_addr */
#define MMUEXT_FLUSH_CACHE        12
#define MMUEXT_SET_LDT            13  /* arg1.linear_addr (page-aligned),
				       * arg2.nr_ents */
#define MMUEXT_NEW_USER_BASEPTR   15  /* 64-bit guests only */
#define MMUEXT_CLEAR_PAGE         16  /* arg1.mfn: zero the frame */
#define MMUEXT_COPY_PAGE          17  /* arg1.mfn <- arg2.src_mfn */
#define MMUEXT_FLUSH_CACHE_GLOBAL 18
#define MMUEXT_MARK_SUPER         19  /* arg1.mfn */
#define MMUEXT_UNMARK_SUPER       20  /* arg1.mfn */

/* update_va_mapping flags: a flush type, ORed with a scope. With
 * UVMF_MULTI, the flags word also carries the guest address of a vCPU
 * bitmap (4-byte aligned, so its low bits are free); UVMF_LOCAL is
 * UVMF_MULTI with no bitmap. */
#define UVMF_NONE                  0  /* no flush */
#define UVMF_TLB_FLUSH             1  /* flush whole TLBs */
#define UVMF_INVLPG                2  /* flush the one entry */
#define UVMF_FLUSHTYPE_MASK        3
#define UVMF_MULTI                 0  /* the vCPUs in the bitmap */
#define UVMF_LOCAL                 0  /* the calling vCPU */
#define UVMF_ALL                   4  /* every vCPU of the domain */

/* vm_assist */
#define VMASST_CMD_enable                 0
#define VMASST_CMD_disable                1
#define VMASST_TYPE_4gb_segments          0  /* emulate 4 GiB segment limits */
#define VMASST_TYPE_4gb_segments_notify   1  /* ... and raise #15 when used */
#define VMASST_TYPE_writable_pagetables   2  /* emulate writes to L1s */
#define VMASST_TYPE_pae_extended_cr3      3  /* L3 frames may be above 4 GiB */
#define VMASST_TYPE_architectural_iopl    4  /* iret/bounce frames carry IOPL */
#define VMASST_TYPE_runstate_update_flag  5  /* see XEN_RUNSTATE_UPDATE */
#define VMASST_TYPE_m2p_strict           32  /* 64-bit guests only */

/* PAE paging: 512 8-byte entries per L1 and L2 table, 4 in the L3. */
#define PV_PAGE_SHIFT       12
#define PV_PAGE_SIZE        4096
#define PV_L1_SHIFT         12
#define PV_L2_SHIFT         21
#define PV_L3_SHIFT         30
#define PV_L1_ENTRIES       512
#define PV_L2_ENTRIES       512
#define PV_L3_ENTRIES       4

/* Bits of a PAE entry, as the guest writes them. In an L2 entry bit 7 (PSE)
 * MUST be clear: a PV guest gets no large pages. In an L1 entry the cache
 * bits (PWT, PCD, PAT) are meant for domains with I/O privilege; the
 * hypervisor MAY refuse them from others. In an L3 entry a guest SHOULD set
 * nothing but PV_PTE_PRESENT and the frame (the CPU reserves most other bits
 * of a PAE L3 entry); the hypervisor MAY refuse or clear the rest. */
#define PV_PTE_PRESENT      (1 << 0)
#define PV_PTE_RW           (1 << 1)
#define PV_PTE_USER         (1 << 2)
#define PV_PTE_PWT          (1 << 3)
#define PV_PTE_PCD          (1 << 4)
#define PV_PTE_ACCESSED     (1 << 5)
#define PV_PTE_DIRTY        (1 << 6)
#define PV_PTE_PAT          (1 << 7)  /* in L1 entries */
#define PV_PTE_PSE          (1 << 7)  /* in L2 entries */
#define PV_PTE_GLOBAL       (1 << 8)
#define PV_PTE_AVAIL        (7 << 9)  /* free for the guest */
#ifndef __ASSEMBLER__
#define PV_PTE_NX           (1ull << 63)
#define PV_PTE_ADDR_MASK    0x000ffffffffff000ull   /* bits 12-51 */
#endif

#ifndef __ASSEMBLER__

#include "types.h"

struct mmu_update {
	pv_u64 ptr;                /* machine address | MMU_* command */
	pv_u64 val;                /* new entry (machine frame and bits) */
};
typedef struct mmu_update mmu_update_t;
PV_CHECK_SIZE(struct mmu_update, 16);
PV_CHECK_OFFSET(struct mmu_update, val, 8);

struct mmuext_op {
	uint32_t cmd;              /* MMUEXT_* */
	union {
		xen_pfn_t mfn;
		uint32_t linear_addr;
	} arg1;
	union {
		uint32_t nr_ents;
		guest_ptr_t vcpumask;  /* bitmap of vCPUs, bit n = vCPU n */
		xen_pfn_t src_mfn;
	} arg2;
};
typedef struct mmuext_op mmuext_op_t;
PV_CHECK_SIZE(struct mmuext_op, 12);
PV_CHECK_OFFSET(struct mmuext_op, arg1, 4);
PV_CHECK_OFFSET(struct mmuext_op, arg2, 8);

#endif /* !__ASSEMBLER__ */

#endif
