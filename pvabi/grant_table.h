/* HYPERVISOR_grant_table_op(cmd, uops, count): grant tables, version 1.
 *
 * A domain shares its frames by writing entries in its grant table, pages
 * the hypervisor owns and lends it (setup_table gives their frame numbers;
 * the guest maps them writable). An entry names the domain it grants to,
 * a frame and what is allowed: mapping or copying it (GTF_permit_access),
 * or receiving a frame in exchange (GTF_accept_transfer). The other domain
 * names the entry by (domain, ref) in map_grant_ref, copy or transfer; the
 * hypervisor writes GTF_reading/GTF_writing into the entry while it is
 * mapped, so the granter knows when it may take the grant back.
 *
 * uops is an array of count structs of the command's type; each carries
 * its own status (GNTST_*), and the call returns 0 unless the array itself
 * cannot be read or written (-EFAULT) or the call is malformed. */
#ifndef PVABI_GRANT_TABLE_H
#define PVABI_GRANT_TABLE_H

#include "types.h"

typedef uint32_t grant_ref_t;
typedef uint32_t grant_handle_t;

/* A version-1 entry; a table page holds 512 of them. */
struct grant_entry_v1 {
	uint16_t flags;          /* GTF_*: type and flags */
	domid_t domid;           /* the domain granted to */
	uint32_t frame;          /* permit_access: the frame (an mfn for PV);
				  * accept_transfer: the pfn to fill, then the
				  * mfn that came */
};
PV_CHECK_SIZE(struct grant_entry_v1, 8);
#define GRANT_ENTRIES_PER_FRAME 512

/* The entry's type. */
#define GTF_invalid          0x0000u
#define GTF_permit_access    0x0001u
#define GTF_accept_transfer  0x0002u
#define GTF_transitive       0x0003u   /* version 2 only */
#define GTF_type_mask        0x0003u
/* permit_access flags. */
#define GTF_readonly         0x0004u   /* [guest] read-only mappings and copies only */
#define GTF_reading          0x0008u   /* [hypervisor] mapped */
#define GTF_writing          0x0010u   /* [hypervisor] mapped writable */
#define GTF_PWT              0x0020u
#define GTF_PCD              0x0040u
#define GTF_PAT              0x0080u
#define GTF_sub_page         0x0100u   /* version 2 only */
/* accept_transfer flags, written by the hypervisor. */
#define GTF_transfer_committed 0x0004u
#define GTF_transfer_completed 0x0008u

/* Entries 0-7 are the toolstack's (console, store). */
#define GNTTAB_NR_RESERVED_ENTRIES 8
#define GNTTAB_RESERVED_CONSOLE    0
#define GNTTAB_RESERVED_XENSTORE   1

/* Commands. */
#define GNTTABOP_map_grant_ref      0
#define GNTTABOP_unmap_grant_ref    1
#define GNTTABOP_setup_table        2
#define GNTTABOP_dump_table         3
#define GNTTABOP_transfer           4
#define GNTTABOP_copy               5
#define GNTTABOP_query_size         6
#define GNTTABOP_unmap_and_replace  7
#define GNTTABOP_set_version        8
#define GNTTABOP_get_status_frames  9
#define GNTTABOP_get_version       10
#define GNTTABOP_swap_grant_ref    11
#define GNTTABOP_cache_flush       12
/* Bits 12 and up of cmd are the hypervisor's own continuation state. */
#define GNTTABOP_CMD_MASK          0xfffu

/* map_grant_ref flags. */
#define GNTMAP_device_map       0x01u   /* for DMA: dev_bus_addr */
#define GNTMAP_host_map         0x02u   /* a PTE for the CPU */
#define GNTMAP_readonly         0x04u
#define GNTMAP_application_map  0x08u   /* the PTE is user-accessible */
#define GNTMAP_contains_pte     0x10u   /* host_addr is the PTE's machine address */
#define GNTMAP_can_fail         0x20u

/* Statuses. */
#define GNTST_okay               0
#define GNTST_general_error     (-1)
#define GNTST_bad_domain        (-2)
#define GNTST_bad_gntref        (-3)
#define GNTST_bad_handle        (-4)
#define GNTST_bad_virt_addr     (-5)
#define GNTST_bad_dev_addr      (-6)
#define GNTST_no_device_space   (-7)
#define GNTST_permission_denied (-8)
#define GNTST_bad_page          (-9)
#define GNTST_bad_copy_arg     (-10)
#define GNTST_address_too_big  (-11)
#define GNTST_eagain           (-12)

struct gnttab_map_grant_ref {
	pv_u64 host_addr;        /* IN: a virtual address, or a PTE's machine address */
	uint32_t flags;          /* IN: GNTMAP_* */
	grant_ref_t ref;         /* IN */
	domid_t dom;             /* IN: the granting domain */
	int16_t status;          /* OUT */
	grant_handle_t handle;   /* OUT */
	pv_u64 dev_bus_addr;     /* OUT: the frame's machine address */
};
PV_CHECK_SIZE(struct gnttab_map_grant_ref, 32);
PV_CHECK_OFFSET(struct gnttab_map_grant_ref, status, 18);
PV_CHECK_OFFSET(struct gnttab_map_grant_ref, handle, 20);
PV_CHECK_OFFSET(struct gnttab_map_grant_ref, dev_bus_addr, 24);

struct gnttab_unmap_grant_ref {
	pv_u64 host_addr;        /* IN: 0 leaves the host mapping alone */
	pv_u64 dev_bus_addr;     /* IN: 0 leaves the device mapping alone */
	grant_handle_t handle;   /* IN */
	int16_t status;          /* OUT */
};
PV_CHECK_SIZE(struct gnttab_unmap_grant_ref, 24);
PV_CHECK_OFFSET(struct gnttab_unmap_grant_ref, status, 20);

struct gnttab_setup_table {
	domid_t dom;             /* IN */
	uint32_t nr_frames;      /* IN */
	int16_t status;          /* OUT */
	guest_ptr_t frame_list;  /* IN: where nr_frames frame numbers go */
};
PV_CHECK_SIZE(struct gnttab_setup_table, 16);
PV_CHECK_OFFSET(struct gnttab_setup_table, nr_frames, 4);
PV_CHECK_OFFSET(struct gnttab_setup_table, status, 8);
PV_CHECK_OFFSET(struct gnttab_setup_table, frame_list, 12);

struct gnttab_transfer {
	xen_pfn_t mfn;           /* IN: the caller's frame to give */
	domid_t domid;           /* IN: to this domain */
	grant_ref_t ref;         /* IN: its accept_transfer entry */
	int16_t status;          /* OUT */
};
PV_CHECK_SIZE(struct gnttab_transfer, 16);
PV_CHECK_OFFSET(struct gnttab_transfer, ref, 8);
PV_CHECK_OFFSET(struct gnttab_transfer, status, 12);

#define GNTCOPY_source_gref 0x1u
#define GNTCOPY_dest_gref   0x2u
#define GNTCOPY_can_fail    0x4u

struct gnttab_copy_ptr {
	uint32_t ref_or_gmfn;    /* a grant ref (GNTCOPY_*_gref) or the caller's frame */
	domid_t domid;
	uint16_t offset;
};
struct gnttab_copy {
	struct gnttab_copy_ptr source, dest;   /* IN */
	uint16_t len;            /* IN */
	uint16_t flags;          /* IN: GNTCOPY_* */
	int16_t status;          /* OUT */
};
PV_CHECK_SIZE(struct gnttab_copy, 24);
PV_CHECK_OFFSET(struct gnttab_copy, dest, 8);
PV_CHECK_OFFSET(struct gnttab_copy, len, 16);
PV_CHECK_OFFSET(struct gnttab_copy, status, 20);

struct gnttab_query_size {
	domid_t dom;             /* IN */
	uint32_t nr_frames;      /* OUT */
	uint32_t max_nr_frames;  /* OUT */
	int16_t status;          /* OUT */
};
PV_CHECK_SIZE(struct gnttab_query_size, 16);

struct gnttab_unmap_and_replace {
	pv_u64 host_addr;        /* IN: the grant mapping's address */
	pv_u64 new_addr;         /* IN: whose mapping moves there (0: none) */
	grant_handle_t handle;   /* IN */
	int16_t status;          /* OUT */
};
PV_CHECK_SIZE(struct gnttab_unmap_and_replace, 24);

struct gnttab_set_version {
	uint32_t version;        /* IN; OUT: the version in force */
};
PV_CHECK_SIZE(struct gnttab_set_version, 4);

struct gnttab_get_version {
	domid_t dom;             /* IN */
	uint16_t pad;
	uint32_t version;        /* OUT */
};
PV_CHECK_SIZE(struct gnttab_get_version, 8);

#endif
