/* HYPERVISOR_memory_op(cmd, arg): a domain's memory reservation and the
 * maps between its pseudo-physical and the machine's frames.
 *
 * arg is the guest address of the command's struct (or of a domid_t, or 0,
 * as noted). The reservation commands return how many extents they handled,
 * which MAY be fewer than asked; the rest return 0 or a negative error.
 * Unprivileged domains MUST name themselves (DOMID_SELF) as the domain. */
#ifndef PVABI_MEMORY_H
#define PVABI_MEMORY_H

/* struct xen_memory_reservation: */
#define XENMEM_increase_reservation     0  /* OUT: machine frames allocated */
#define XENMEM_decrease_reservation     1  /* IN: frames (gmfns) to give back */
#define XENMEM_populate_physmap         6  /* IN: pfns to back with memory;
					    * OUT: the frames now behind them
					    * (the m2p is updated) */
/* arg 0; returns the highest machine frame of RAM. */
#define XENMEM_maximum_ram_page         2
/* arg: domid_t; return the domain's current or maximum size, in pages. */
#define XENMEM_current_reservation      3
#define XENMEM_maximum_reservation      4
/* arg: struct xen_machphys_mfn_list. */
#define XENMEM_machphys_mfn_list        5
/* arg: struct xen_add_to_physmap. */
#define XENMEM_add_to_physmap           7
/* 8 retired (translate_gpfn_list). */
/* arg: struct xen_memory_map; the domain's own memory map (e820 entries). */
#define XENMEM_memory_map               9
/* arg: struct xen_memory_map; the machine's memory map (privileged). */
#define XENMEM_machine_memory_map      10
/* arg: struct xen_memory_exchange. */
#define XENMEM_exchange                11
/* arg: struct xen_machphys_mapping. */
#define XENMEM_machphys_mapping        12
/* arg: struct xen_foreign_memory_map (privileged). */
#define XENMEM_set_memory_map          13
/* arg: domid_t; returns the domain's highest pfn. */
#define XENMEM_maximum_gpfn            14
/* arg: struct xen_remove_from_physmap. */
#define XENMEM_remove_from_physmap     15
#define XENMEM_set_pod_target          16
#define XENMEM_get_pod_target          17
#define XENMEM_get_sharing_freed_pages 18
#define XENMEM_get_sharing_shared_pages 19
#define XENMEM_paging_op               20
#define XENMEM_access_op               21
#define XENMEM_sharing_op              22
#define XENMEM_add_to_physmap_batch    23
#define XENMEM_claim_pages             24
#define XENMEM_machphys_compat_mfn_list 25
#define XENMEM_get_vnumainfo           26
#define XENMEM_reserved_device_memory_map 27
#define XENMEM_acquire_resource        28

/* xen_memory_reservation.mem_flags */
#define XENMEMF_address_bits(x)      (x)    /* frames below 2^x; 0: any */
#define XENMEMF_get_address_bits(x)  ((x) & 0xff)
#define XENMEMF_node(n)              (((n) + 1) << 8)
#define XENMEMF_get_node(x)          ((((x) >> 8) - 1) & 0xff)
#define XENMEMF_populate_on_demand   (1 << 16)
#define XENMEMF_exact_node_request   (1 << 17)
#define XENMEMF_exact_node(n)        (XENMEMF_node(n) | XENMEMF_exact_node_request)
#define XENMEMF_vnode                (1 << 18)

/* xen_add_to_physmap.space */
#define XENMAPSPACE_shared_info   0  /* the shared_info page */
#define XENMAPSPACE_grant_table   1  /* a grant-table frame (idx) */
#define XENMAPSPACE_gmfn          2  /* one of the domain's own frames */
#define XENMAPSPACE_gmfn_range    3  /* size of them */
#define XENMAPSPACE_gmfn_foreign  4  /* batch only */
#define XENMAPSPACE_dev_mmio      5  /* Arm only */
#define XENMAPIDX_grant_table_status 0x80000000

/* e820 entry types (struct pv_e820_entry.type) */
#define PV_E820_RAM        1
#define PV_E820_RESERVED   2
#define PV_E820_ACPI       3
#define PV_E820_NVS        4
#define PV_E820_UNUSABLE   5

#ifndef __ASSEMBLER__

#include "types.h"

struct xen_memory_reservation {
	guest_ptr_t extent_start;  /* xen_pfn_t[nr_extents], IN/OUT as above */
	xen_ulong_t nr_extents;
	uint32_t extent_order;     /* each extent is 2^order pages */
	uint32_t mem_flags;        /* XENMEMF_* */
	domid_t domid;
};
typedef struct xen_memory_reservation xen_memory_reservation_t;
PV_CHECK_SIZE(struct xen_memory_reservation, 20);
PV_CHECK_OFFSET(struct xen_memory_reservation, nr_extents, 4);
PV_CHECK_OFFSET(struct xen_memory_reservation, extent_order, 8);
PV_CHECK_OFFSET(struct xen_memory_reservation, mem_flags, 12);
PV_CHECK_OFFSET(struct xen_memory_reservation, domid, 16);

/* Trade the frames of in for new ones, atomically: out describes what to
 * get (same domain and same number of pages), and out.extent_start receives
 * the new frames. nr_exchanged MUST be 0 on entry; on return it counts the
 * input extents exchanged. Returns 0 only if all were. */
struct xen_memory_exchange {
	struct xen_memory_reservation in;
	struct xen_memory_reservation out;
	xen_ulong_t nr_exchanged;
};
typedef struct xen_memory_exchange xen_memory_exchange_t;
PV_CHECK_SIZE(struct xen_memory_exchange, 44);
PV_CHECK_OFFSET(struct xen_memory_exchange, out, 20);
PV_CHECK_OFFSET(struct xen_memory_exchange, nr_exchanged, 40);

/* The machine frames holding the m2p table, one per 2 MiB of it. */
struct xen_machphys_mfn_list {
	uint32_t max_extents;      /* IN: room in extent_start */
	guest_ptr_t extent_start;  /* xen_pfn_t[max_extents] */
	uint32_t nr_extents;       /* OUT: entries written */
};
typedef struct xen_machphys_mfn_list xen_machphys_mfn_list_t;
PV_CHECK_SIZE(struct xen_machphys_mfn_list, 12);
PV_CHECK_OFFSET(struct xen_machphys_mfn_list, nr_extents, 8);

/* Where the read-only m2p table is mapped in the guest. */
struct xen_machphys_mapping {
	xen_ulong_t v_start, v_end; /* MACH2PHYS_VIRT_START / _END */
	xen_ulong_t max_mfn;        /* highest frame it can translate */
};
typedef struct xen_machphys_mapping xen_machphys_mapping_t;
PV_CHECK_SIZE(struct xen_machphys_mapping, 12);

struct xen_add_to_physmap {
	domid_t domid;
	uint16_t size;             /* pages, for XENMAPSPACE_gmfn_range */
	uint32_t space;            /* XENMAPSPACE_* */
	xen_ulong_t idx;           /* which page of the space */
	xen_pfn_t gpfn;            /* where it should appear */
};
typedef struct xen_add_to_physmap xen_add_to_physmap_t;
PV_CHECK_SIZE(struct xen_add_to_physmap, 16);
PV_CHECK_OFFSET(struct xen_add_to_physmap, space, 4);
PV_CHECK_OFFSET(struct xen_add_to_physmap, gpfn, 12);

struct xen_remove_from_physmap {
	domid_t domid;
	xen_pfn_t gpfn;
};
typedef struct xen_remove_from_physmap xen_remove_from_physmap_t;
PV_CHECK_SIZE(struct xen_remove_from_physmap, 8);

struct xen_memory_map {
	uint32_t nr_entries;       /* IN: room in buffer; OUT: entries written */
	guest_ptr_t buffer;        /* struct pv_e820_entry[nr_entries] */
};
typedef struct xen_memory_map xen_memory_map_t;
PV_CHECK_SIZE(struct xen_memory_map, 8);

struct xen_foreign_memory_map {
	domid_t domid;
	struct xen_memory_map map;
};
typedef struct xen_foreign_memory_map xen_foreign_memory_map_t;
PV_CHECK_SIZE(struct xen_foreign_memory_map, 12);
PV_CHECK_OFFSET(struct xen_foreign_memory_map, map, 4);

/* Map many pages of a space (not XENMAPSPACE_gmfn_range) at once; errs
 * gets each one's result. Like add_to_physmap, for translated guests. */
struct xen_add_to_physmap_batch {
	domid_t domid;
	uint16_t space;            /* XENMAPSPACE_* */
	uint16_t size;             /* entries in each list */
	domid_t foreign_domid;     /* XENMAPSPACE_gmfn_foreign; else 0 */
	guest_ptr_t idxs;          /* xen_ulong_t[size] */
	guest_ptr_t gpfns;         /* xen_pfn_t[size] */
	guest_ptr_t errs;          /* int[size], OUT */
};
typedef struct xen_add_to_physmap_batch xen_add_to_physmap_batch_t;
PV_CHECK_SIZE(struct xen_add_to_physmap_batch, 20);
PV_CHECK_OFFSET(struct xen_add_to_physmap_batch, idxs, 8);

/* Populate-on-demand target (HVM guests only). */
struct xen_pod_target {
	pv_u64 target_pages;       /* IN (set_pod_target) */
	pv_u64 tot_pages;          /* OUT */
	pv_u64 pod_cache_pages;    /* OUT */
	pv_u64 pod_entries;        /* OUT */
	domid_t domid;             /* IN */
};
typedef struct xen_pod_target xen_pod_target_t;
PV_CHECK_SIZE(struct xen_pod_target, 36);
PV_CHECK_OFFSET(struct xen_pod_target, domid, 32);

/* XENMEM_access_op (memory access permissions for a monitor of another,
 * HVM, domain): only the domain matters here. */
struct xen_mem_access_op {
	uint8_t op;
	uint8_t access;
	domid_t domid;
	uint32_t nr;
	pv_u64 pfn;
	pv_u64 pfn_list;           /* 64-bit handles */
	pv_u64 access_list;
	uint32_t altp2m_idx;
	uint32_t _pad;
};
typedef struct xen_mem_access_op xen_mem_access_op_t;
PV_CHECK_SIZE(struct xen_mem_access_op, 40);
PV_CHECK_OFFSET(struct xen_mem_access_op, domid, 2);

/* A domain's virtual NUMA layout; pad MUST be 0. Each array handle is in
 * a 64-bit slot. */
struct xen_vnuma_topology_info {
	domid_t domid;
	uint16_t pad;
	uint32_t nr_vnodes;        /* IN: room; OUT: how many */
	uint32_t nr_vcpus;
	uint32_t nr_vmemranges;
	pv_u64 vdistance;          /* handle in the low half */
	pv_u64 vcpu_to_vnode;
	pv_u64 vmemrange;
};
typedef struct xen_vnuma_topology_info xen_vnuma_topology_info_t;
PV_CHECK_SIZE(struct xen_vnuma_topology_info, 40);

/* Memory that devices behind an IOMMU must keep (RMRRs): flags bit 0 asks
 * for every device's, else the one PCI device named. */
#define XENMEM_RDM_ALL 1
struct xen_reserved_device_memory_map {
	uint32_t flags;
	uint32_t nr_entries;       /* IN: room; OUT: how many */
	guest_ptr_t buffer;        /* {xen_pfn_t start_pfn; uint32_t nr_pages;}[] */
	uint16_t seg;              /* dev.pci */
	uint8_t bus, devfn;
};
typedef struct xen_reserved_device_memory_map xen_reserved_device_memory_map_t;
PV_CHECK_SIZE(struct xen_reserved_device_memory_map, 16);
PV_CHECK_OFFSET(struct xen_reserved_device_memory_map, buffer, 8);
#define XEN_RESERVED_DEVICE_MEMORY_SIZE 8

/* Map frames of another domain's resource (its grant table, an ioreq
 * server, trace buffers); a NULL frame_list asks for the size. */
#define XENMEM_resource_ioreq_server  0
#define XENMEM_resource_grant_table   1
#define XENMEM_resource_vmtrace_buf   2
struct xen_mem_acquire_resource {
	domid_t domid;
	uint16_t type;             /* XENMEM_resource_* */
	uint32_t id;
	uint32_t nr_frames;        /* IN; OUT for a size query */
	uint32_t pad;              /* MUST be 0 */
	pv_u64 frame;              /* first frame of the resource */
	guest_ptr_t frame_list;    /* xen_pfn_t[nr_frames] */
};
typedef struct xen_mem_acquire_resource xen_mem_acquire_resource_t;
PV_CHECK_SIZE(struct xen_mem_acquire_resource, 28);
PV_CHECK_OFFSET(struct xen_mem_acquire_resource, pad, 12);

/* The most entries set_memory_map takes (Xen's E820MAX). */
#define XEN_E820_MAX 1024

/* One entry of a memory map, in the BIOS's E820 format: 20 bytes, packed. */
struct pv_e820_entry {
	pv_u64 addr;
	pv_u64 size;
	uint32_t type;             /* PV_E820_* */
};
PV_CHECK_SIZE(struct pv_e820_entry, 20);
PV_CHECK_OFFSET(struct pv_e820_entry, type, 16);

#endif /* !__ASSEMBLER__ */

#endif
