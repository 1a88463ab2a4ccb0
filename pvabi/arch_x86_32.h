/* x86_32 PAE facts of the paravirtual ABI that both sides rely on: where the
 * hypervisor's hole begins and which flat segment selectors a guest uses.
 * The numbers are those of Xen's x86_32 PV ABI, so guests built for Xen's
 * pv32pae run here unchanged.
 *
 * A guest MUST keep its mappings below HYPERVISOR_VIRT_START; the flat
 * selectors' limits end there. A guest MAY load the FLAT_* selectors at any
 * time; they are always present in the GDT's reserved pages. */
#ifndef PVABI_ARCH_X86_32_H
#define PVABI_ARCH_X86_32_H

#define HYPERVISOR_VIRT_START  0xF5800000u
#define MACH2PHYS_VIRT_START   0xF5800000u    /* read-only machine-to-phys table */
#define MACH2PHYS_VIRT_END     0xF6800000u

/* The first of the two GDT pages the hypervisor keeps for itself. */
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
#define FLAT_USER_CS   FLAT_RING3_CS
#define FLAT_USER_DS   FLAT_RING3_DS

#endif
