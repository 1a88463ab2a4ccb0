/* HYPERVISOR_xen_version(cmd, arg): who the hypervisor says it is, and which
 * optional features (XENFEAT_*) it offers this guest.
 *
 * Every command returns 0 on success except XENVER_version and
 * XENVER_pagesize, which return their answer, and the *2 commands and
 * XENVER_build_id, which return a byte count. arg is the guest address of the
 * command's buffer, or 0 where a command takes none. Strings come back
 * NUL-terminated (truncated if need be), except from the *2 commands. */
#ifndef PVABI_VERSION_H
#define PVABI_VERSION_H

/* arg 0; returns major << 16 | minor. */
#define XENVER_version             0
/* arg: xen_extraversion_t, e.g. ".5". */
#define XENVER_extraversion        1
/* arg: struct xen_compile_info. */
#define XENVER_compile_info        2
/* arg: xen_capabilities_info_t, space-separated guest types; a host able to
 * run this ABI lists "xen-3.0-x86_32p". */
#define XENVER_capabilities        3
/* arg: xen_changeset_info_t. */
#define XENVER_changeset           4
/* arg: struct xen_platform_parameters. */
#define XENVER_platform_parameters 5
/* arg: struct xen_feature_info. */
#define XENVER_get_features        6
/* arg 0; returns the page size (4096). */
#define XENVER_pagesize            7
/* arg: xen_domain_handle_t, the domain's 16-byte handle (a UUID). */
#define XENVER_guest_handle        8
/* arg: xen_commandline_t, the hypervisor's command line (privileged). */
#define XENVER_commandline         9
/* arg: struct xen_varbuf (length-prefixed, not NUL-terminated); arg 0 asks
 * for the size needed. build_id and commandline2 are privileged. */
#define XENVER_build_id           10
#define XENVER_extraversion2      11
#define XENVER_capabilities2      12
#define XENVER_changeset2         13
#define XENVER_commandline2       14

/* Features, by bit number in the submap XENVER_get_features returns. */
#define XENFEAT_writable_page_tables        0
#define XENFEAT_writable_descriptor_tables  1
#define XENFEAT_auto_translated_physmap     2
#define XENFEAT_supervisor_mode_kernel      3
#define XENFEAT_pae_pgdir_above_4gb         4
#define XENFEAT_mmu_pt_update_preserve_ad   5
#define XENFEAT_highmem_assist              6
#define XENFEAT_gnttab_map_avail_bits       7
#define XENFEAT_hvm_callback_vector         8
#define XENFEAT_hvm_safe_pvclock            9
#define XENFEAT_hvm_pirqs                  10
#define XENFEAT_dom0                       11
/* 12 retired (grant_map_identity). */
#define XENFEAT_memory_op_vnode_supported  13
#define XENFEAT_ARM_SMCCC_supported        14
#define XENFEAT_linux_rsdp_unrestricted    15
#define XENFEAT_not_direct_mapped          16
#define XENFEAT_direct_mapped              17
#define XENFEAT_runstate_phys_area         18
#define XENFEAT_vcpu_time_phys_area        19
#define XENFEAT_dm_msix_all_writes         20

/* Number of 32-bit submaps (submap_idx runs below this). */
#define XENFEAT_NR_SUBMAPS  1

#ifndef __ASSEMBLER__

#include "types.h"

typedef char xen_extraversion_t[16];
typedef char xen_capabilities_info_t[1024];
typedef char xen_changeset_info_t[64];
typedef char xen_commandline_t[1024];
typedef uint8_t xen_domain_handle_t[16];

#define XEN_EXTRAVERSION_LEN       (sizeof(xen_extraversion_t))
#define XEN_CAPABILITIES_INFO_LEN  (sizeof(xen_capabilities_info_t))
#define XEN_CHANGESET_INFO_LEN     (sizeof(xen_changeset_info_t))

struct xen_compile_info {
	char compiler[64];
	char compile_by[16];
	char compile_domain[32];
	char compile_date[32];
};
typedef struct xen_compile_info xen_compile_info_t;
PV_CHECK_SIZE(struct xen_compile_info, 144);
PV_CHECK_OFFSET(struct xen_compile_info, compile_date, 112);

struct xen_platform_parameters {
	/* Lowest address of the hypervisor's hole: HYPERVISOR_VIRT_START. */
	xen_ulong_t virt_start;
};
typedef struct xen_platform_parameters xen_platform_parameters_t;
PV_CHECK_SIZE(struct xen_platform_parameters, 4);

struct xen_feature_info {
	uint32_t submap_idx;       /* IN: which 32 features (0: 0-31) */
	uint32_t submap;           /* OUT: bit n = feature submap_idx * 32 + n */
};
typedef struct xen_feature_info xen_feature_info_t;
PV_CHECK_SIZE(struct xen_feature_info, 8);
PV_CHECK_OFFSET(struct xen_feature_info, submap, 4);

/* Header of the buffer the *2 commands and XENVER_build_id fill. */
struct xen_varbuf {
	uint32_t len;              /* IN: bytes of buf; the call returns the
				    * number it wrote */
	unsigned char buf[];
};
typedef struct xen_varbuf xen_varbuf_t;
PV_CHECK_SIZE(struct xen_varbuf, 4);

#endif /* !__ASSEMBLER__ */

#endif
