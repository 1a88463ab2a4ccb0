/* x86_32 PAE facts of the paravirtual ABI that both sides rely on: where the
 * hypervisor's hole begins and which flat segment selectors a guest uses.
 * The numbers are those of Xen's x86_32 PV ABI, so guests built for Xen's
 * pv32pae run here unchanged.
 *
 * A guest MUST keep its mappings below HYPERVISOR_VIRT_START; the flat
 * selectors' limits end there. A guest MAY load the FLAT_* selectors at any
 * time; they are always present in the GDT's reserved pages.
 *
 * The constants are usable from assembly; the structs below them from C. */
#ifndef PVABI_ARCH_X86_32_H
#define PVABI_ARCH_X86_32_H

#define HYPERVISOR_VIRT_START  0xF5800000
#define MACH2PHYS_VIRT_START   0xF5800000  /* read-only machine-to-phys table */
#define MACH2PHYS_VIRT_END     0xF6800000
/* One 32-bit pseudo-physical frame number per machine frame. */
#define MACH2PHYS_NR_ENTRIES   ((MACH2PHYS_VIRT_END - MACH2PHYS_VIRT_START) >> 2)

/* The first of the two GDT pages the hypervisor keeps for itself. A guest's
 * own descriptors MUST stay below FIRST_RESERVED_GDT_ENTRY. */
#define FIRST_RESERVED_GDT_PAGE   14
#define FIRST_RESERVED_GDT_BYTE   (FIRST_RESERVED_GDT_PAGE * 4096)
#define FIRST_RESERVED_GDT_ENTRY  (FIRST_RESERVED_GDT_BYTE / 8)

#define FLAT_RING1_CS  0xe019    /* GDT index 0x1c03, RPL 1 */
#define FLAT_RING1_DS  0xe021    /* GDT index 0x1c04, RPL 1 */
#define FLAT_RING1_SS  0xe021
#define FLAT_RING3_CS  0xe02b    /* GDT index 0x1c05, RPL 3 */
#define FLAT_RING3_DS  0xe033    /* GDT index 0x1c06, RPL 3 */
#define FLAT_RING3_SS  0xe033

#define FLAT_KERNEL_CS FLAT_RING1_CS
#define FLAT_KERNEL_DS FLAT_RING1_DS
#define FLAT_KERNEL_SS FLAT_RING1_SS
#define FLAT_USER_CS   FLAT_RING3_CS
#define FLAT_USER_DS   FLAT_RING3_DS
#define FLAT_USER_SS   FLAT_RING3_SS

/* A ringlet extension, for benchmarks: "int $0x83" from ring 1 traps into the
 * hypervisor and returns at once, touching nothing -- the floor a hypercall's
 * cost is measured against. On Xen the same instruction raises #GP. */
#define RINGLET_NULL_TRAP_VECTOR 0x83

/* vcpu_info slots in shared_info (vCPUs beyond these register their own). */
#define XEN_LEGACY_MAX_VCPUS  32

#ifndef __ASSEMBLER__

#include "types.h"

/* A PAE page-directory-pointer table may sit above 4 GiB (with
 * VMASST_TYPE_pae_extended_cr3), so wherever the ABI carries a "cr3" (the
 * p2m_cr3 field below, vCPU contexts) the frame number is rotated left by 12
 * bits inside 32: its low 20 bits go to bits 12-31, its high 12 bits to 0-11.
 * Both sides MUST use these two macros to pack and unpack such values. */
#define xen_pfn_to_cr3(pfn) \
	((((uint32_t)(pfn)) << 12) | (((uint32_t)(pfn)) >> 20))
#define xen_cr3_to_pfn(cr3) \
	((((uint32_t)(cr3)) >> 12) | (((uint32_t)(cr3)) << 20))

/* Flags of struct trap_info: bits 0-1 say from which rings a software
 * interrupt ("int $n") may raise the vector (0: none, 1 or 2: the guest
 * kernel, 3: user code too); bit 2 set masks event delivery on entry, as an
 * interrupt gate clears EFLAGS.IF. */
#define TI_GET_DPL(ti)         ((ti)->flags & 3)
#define TI_GET_IF(ti)          ((ti)->flags & 4)
#define TI_SET_DPL(ti, dpl)    ((ti)->flags |= (uint8_t)((dpl) & 3))
#define TI_SET_IF(ti, mask)    ((ti)->flags |= (uint8_t)((mask) ? 4 : 0))

/* A guest reads the machine-to-phys table directly, at its fixed address. */
#ifdef PVABI_GUEST
#define machine_to_phys_mapping ((const volatile uint32_t *)MACH2PHYS_VIRT_START)
#endif

/* One entry of the guest's virtual IDT, as passed (as an array) to
 * HYPERVISOR_set_trap_table. The array ends at the first entry whose address
 * is 0. */
struct trap_info {
	uint8_t  vector;         /* 0-255 */
	uint8_t  flags;          /* TI_* above */
	uint16_t cs;             /* code selector; the hypervisor MAY raise an
				  * RPL of 0 to 1 */
	uint32_t address;        /* entry point */
};
PV_CHECK_SIZE(struct trap_info, 8);
PV_CHECK_OFFSET(struct trap_info, cs, 2);
PV_CHECK_OFFSET(struct trap_info, address, 4);

/* A guest's register file as the hypervisor saves it and as hypervisor-built
 * frames expose it. error_code and entry_vector belong to the hypervisor; a
 * guest MUST NOT rely on their contents. */
struct cpu_user_regs {
	uint32_t ebx;
	uint32_t ecx;
	uint32_t edx;
	uint32_t esi;
	uint32_t edi;
	uint32_t ebp;
	uint32_t eax;
	uint16_t error_code;
	uint16_t entry_vector;
	uint32_t eip;
	uint16_t cs;
	uint8_t  saved_upcall_mask;
	uint8_t  _pad0;
	uint32_t eflags;         /* IF here is the inverse of saved_upcall_mask */
	uint32_t esp;
	uint16_t ss, _pad1;
	uint16_t es, _pad2;
	uint16_t ds, _pad3;
	uint16_t fs, _pad4;
	uint16_t gs, _pad5;
};
PV_CHECK_SIZE(struct cpu_user_regs, 68);
PV_CHECK_OFFSET(struct cpu_user_regs, eax, 24);
PV_CHECK_OFFSET(struct cpu_user_regs, error_code, 28);
PV_CHECK_OFFSET(struct cpu_user_regs, eip, 32);
PV_CHECK_OFFSET(struct cpu_user_regs, cs, 36);
PV_CHECK_OFFSET(struct cpu_user_regs, saved_upcall_mask, 38);
PV_CHECK_OFFSET(struct cpu_user_regs, eflags, 40);
PV_CHECK_OFFSET(struct cpu_user_regs, esp, 44);
PV_CHECK_OFFSET(struct cpu_user_regs, ss, 48);
PV_CHECK_OFFSET(struct cpu_user_regs, gs, 64);

/* The architecture's part of struct vcpu_info. */
struct arch_vcpu_info {
	uint32_t cr2;            /* faulting address of the last page fault
				  * delivered to this vCPU */
	uint32_t pad[5];         /* keeps vcpu_info at 64 bytes */
};
PV_CHECK_SIZE(struct arch_vcpu_info, 24);

/* The architecture's part of struct shared_info. The p2m fields are the
 * guest's to write, for the benefit of tools that inspect the domain; the
 * hypervisor MUST NOT depend on them. */
struct arch_shared_info {
	uint32_t max_pfn;        /* entries in the guest's p2m */
	/* Frame of the top of the three-level list of p2m frames; 0: not set
	 * up, ~0: invalid, use p2m_vaddr instead. */
	xen_pfn_t pfn_to_mfn_frame_list_list;
	uint32_t nmi_reason;     /* written by the hypervisor (dom0 only) */
	/* Where the guest's linear p2m list is mapped: the address space (a cr3
	 * packed by xen_pfn_to_cr3; 0 when unused) and the virtual address. The
	 * guest bumps p2m_generation before and after each change (odd: busy). */
	uint32_t p2m_cr3;
	uint32_t p2m_vaddr;
	uint32_t p2m_generation;
	uint32_t wc_sec_hi;      /* high 32 bits of shared_info.wc_sec */
};
PV_CHECK_SIZE(struct arch_shared_info, 28);
PV_CHECK_OFFSET(struct arch_shared_info, nmi_reason, 8);
PV_CHECK_OFFSET(struct arch_shared_info, p2m_cr3, 12);
PV_CHECK_OFFSET(struct arch_shared_info, wc_sec_hi, 24);

/* A callback entry point (event or failsafe upcall, see callback.h). */
struct xen_callback {
	uint32_t cs;
	uint32_t eip;
};
typedef struct xen_callback xen_callback_t;
PV_CHECK_SIZE(struct xen_callback, 8);

#endif /* !__ASSEMBLER__ */

#endif
