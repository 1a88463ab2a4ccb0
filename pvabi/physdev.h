/* HYPERVISOR_physdev_op(cmd, arg) (33), and the older physdev_op_compat
 * (19) whose one argument is a struct physdev_op: the command first, its
 * argument after it. What a domain may do with real devices: I/O privilege
 * for its vCPU, and physical interrupts (pirqs) for a driver domain.
 *
 * I/O privilege. A vCPU has a virtual IOPL (0-3, set_iopl) and may name an
 * I/O bitmap of its own (set_iobitmap: a guest virtual address and how many
 * ports it covers; a set bit refuses the port, as in a TSS). An in, out,
 * ins or outs from the guest kernel is allowed when the virtual IOPL is at
 * least 1 (0 with VMASST_TYPE_architectural_iopl, which makes the kernel
 * count as ring 0 and takes the IOPL from the eflags the guest returns
 * with by iret), from ring 3 when it is 3, or when the bitmap clears every
 * port of the access; otherwise it is a #GP(0). An allowed access to a
 * port the domain holds reaches the device; to one it does not hold, a
 * read gives all ones and a write goes nowhere.
 *
 * Physical interrupts. A domain maps the IOAPIC line (GSI) of a PCI device
 * it holds to a pirq of its own (map_pirq, MAP_PIRQ_TYPE_GSI, index = the
 * GSI; pirq -1 lets the hypervisor choose), binds the pirq to an event
 * channel (EVTCHNOP_bind_pirq), and answers each event with PHYSDEVOP_eoi:
 * the line stays masked from the interrupt until every domain it was given
 * to has EOIed. unmap_pirq, closing the port or the domain's death let go. */
#ifndef PVABI_PHYSDEV_H
#define PVABI_PHYSDEV_H

#include "types.h"

#define PHYSDEVOP_irq_status_query   5   /* struct physdev_irq_status_query */
#define PHYSDEVOP_set_iopl           6   /* struct physdev_set_iopl */
#define PHYSDEVOP_set_iobitmap       7   /* struct physdev_set_iobitmap */
#define PHYSDEVOP_apic_read          8   /* struct physdev_apic */
#define PHYSDEVOP_apic_write         9
#define PHYSDEVOP_alloc_irq_vector  10   /* struct physdev_irq */
#define PHYSDEVOP_free_irq_vector   11
#define PHYSDEVOP_eoi               12   /* struct physdev_eoi */
#define PHYSDEVOP_map_pirq          13
#define PHYSDEVOP_unmap_pirq        14
#define PHYSDEVOP_manage_pci_add    15
#define PHYSDEVOP_manage_pci_remove 16
#define PHYSDEVOP_pirq_eoi_gmfn_v1  17
#define PHYSDEVOP_restore_msi       19
#define PHYSDEVOP_manage_pci_add_ext 20
#define PHYSDEVOP_setup_gsi         21
#define PHYSDEVOP_get_free_pirq     23
#define PHYSDEVOP_pci_mmcfg_reserved 24
#define PHYSDEVOP_pci_device_add    25
#define PHYSDEVOP_pci_device_remove 26
#define PHYSDEVOP_restore_msi_ext   27
#define PHYSDEVOP_pirq_eoi_gmfn_v2  28
#define PHYSDEVOP_dbgp_op           29
#define PHYSDEVOP_prepare_msix      30
#define PHYSDEVOP_release_msix      31
#define PHYSDEVOP_pci_device_reset  32

/* physdev_map_pirq.type */
#define MAP_PIRQ_TYPE_MSI           0
#define MAP_PIRQ_TYPE_GSI           1   /* the one ringlet serves */
#define MAP_PIRQ_TYPE_UNKNOWN       2
#define MAP_PIRQ_TYPE_MSI_SEG       3
#define MAP_PIRQ_TYPE_MULTI_MSI     4

/* physdev_irq_status_query.flags */
#define XENIRQSTAT_needs_eoi  (1u << 0)
#define XENIRQSTAT_shared     (1u << 1)

#ifndef __ASSEMBLER__

struct physdev_eoi {
	uint32_t irq;
};
PV_CHECK_SIZE(struct physdev_eoi, 4);

struct physdev_map_pirq {
	domid_t domid;               /* IN: DOMID_SELF, or (privileged) another */
	int32_t type;                /* IN: MAP_PIRQ_TYPE_* */
	int32_t index;               /* IN: the GSI */
	int32_t pirq;                /* IN: wanted, or -1 for any; OUT: mapped */
	int32_t bus, devfn, entry_nr;  /* IN: MSI only */
	pv_u64 table_base;           /* IN: MSI-X only */
};
PV_CHECK_SIZE(struct physdev_map_pirq, 36);
PV_CHECK_OFFSET(struct physdev_map_pirq, pirq, 12);

struct physdev_unmap_pirq {
	domid_t domid;               /* IN */
	int32_t pirq;                /* IN */
};
PV_CHECK_SIZE(struct physdev_unmap_pirq, 8);

struct physdev_irq_status_query {
	uint32_t irq;                /* IN */
	uint32_t flags;              /* OUT: XENIRQSTAT_* */
};
PV_CHECK_SIZE(struct physdev_irq_status_query, 8);

struct physdev_set_iopl {
	uint32_t iopl;               /* 0-3 */
};
PV_CHECK_SIZE(struct physdev_set_iopl, 4);

struct physdev_set_iobitmap {
	guest_ptr_t bitmap;          /* one bit a port, set: refused */
	uint32_t nr_ports;           /* ports it covers, from 0; at most 65536 */
};
PV_CHECK_SIZE(struct physdev_set_iobitmap, 8);

struct physdev_apic {
	uint32_t apic_physbase;
	uint32_t reg;
	uint32_t value;              /* IN or OUT */
};
PV_CHECK_SIZE(struct physdev_apic, 12);

struct physdev_irq {
	uint32_t irq;                /* IN */
	uint32_t vector;             /* OUT */
};
PV_CHECK_SIZE(struct physdev_irq, 8);

/* physdev_op_compat's argument. */
struct physdev_op {
	uint32_t cmd;
	union {
		struct physdev_irq_status_query irq_status_query;
		struct physdev_set_iopl set_iopl;
		struct physdev_set_iobitmap set_iobitmap;
		struct physdev_apic apic_op;
		struct physdev_irq irq_op;
	} u;
};
PV_CHECK_SIZE(struct physdev_op, 16);

#endif
#endif
