/* __HYPERVISOR_domctl (36): the control interface, for the privileged
 * domain only (everyone else gets -XEN_EPERM). The wrapper is Xen's (struct
 * xen_domctl with its interface version) and so are the numbers of the
 * commands Xen has too; getdomaininfo, destroydomain, pausedomain,
 * unpausedomain and max_mem have Xen's layouts. createdomain has ringlet's
 * own (the hypervisor builds the domain from an image the caller staged
 * with RINGLET_DOMCTL_load_image, where Xen's toolstack builds it), and so
 * have the scheduler ids and parameters, since Xen dropped BVT and Atropos
 * long ago. */
#ifndef PVABI_DOMCTL_H
#define PVABI_DOMCTL_H

#include "types.h"

#define XEN_DOMCTL_INTERFACE_VERSION 0x00000015   /* Xen 4.17's */

#define XEN_DOMCTL_createdomain       1
#define XEN_DOMCTL_destroydomain      2
#define XEN_DOMCTL_pausedomain        3
#define XEN_DOMCTL_unpausedomain      4
#define XEN_DOMCTL_getdomaininfo      5
#define XEN_DOMCTL_max_mem           11
#define XEN_DOMCTL_scheduler_op      16
/* ringlet's own, far above Xen's (which end below 100). */
#define RINGLET_DOMCTL_load_image    0x1000
#define RINGLET_DOMCTL_getaccount    0x1001

/* The staged image (ELF and initrd together) is at most this big, and one
 * load_image call copies at most a chunk of it. */
#define RINGLET_IMAGE_MAX            (32u << 20)
#define RINGLET_LOAD_CHUNK           (64u << 10)
/* A toolstack's pause count stops here (-XEN_EOVERFLOW), as Xen's does. */
#define RINGLET_PAUSE_MAX            255

/* xen_domctl_getdomaininfo.flags */
#define XEN_DOMINF_dying             (1u << 0)
#define XEN_DOMINF_hvm_guest         (1u << 1)
#define XEN_DOMINF_shutdown          (1u << 2)   /* the code in bits 16-23 */
#define XEN_DOMINF_paused            (1u << 3)
#define XEN_DOMINF_blocked           (1u << 4)
#define XEN_DOMINF_running           (1u << 5)
#define XEN_DOMINF_debugged          (1u << 6)
#define XEN_DOMINF_xs_domain         (1u << 7)
#define XEN_DOMINF_hap               (1u << 8)
#define XEN_DOMINF_shutdownshift     16
#define XEN_DOMINF_shutdownmask      255

/* xen_domctl_scheduler_op.cmd */
#define XEN_DOMCTL_SCHEDOP_putinfo   0
#define XEN_DOMCTL_SCHEDOP_getinfo   1

/* ringlet's schedulers (Xen's own ids run from 5 to 9). */
#define RINGLET_SCHEDULER_BVT        100
#define RINGLET_SCHEDULER_ATROPOS    101
#define RINGLET_SCHEDULER_RROBIN     102

#ifndef __ASSEMBLER__

struct xen_domctl_scheduler_op {
	uint32_t sched_id;         /* RINGLET_SCHEDULER_*: MUST be the one running */
	uint32_t cmd;              /* XEN_DOMCTL_SCHEDOP_* */
	union {
		struct {
			uint32_t weight;           /* 1-10000 */
			uint32_t warp_us, warp_limit_us, unwarp_req_us;
		} bvt;
		struct {
			uint32_t period_us;        /* > 0 */
			uint32_t slice_us;         /* 1 .. period_us */
			uint32_t latency_us;       /* 0: the period */
			uint32_t extra;            /* 0 or 1 */
		} atropos;
		struct {
			uint32_t quantum_us;       /* 100 .. 1000000 */
		} rrobin;
	} u;
};
PV_CHECK_SIZE(struct xen_domctl_scheduler_op, 24);

/* XEN_DOMCTL_getdomaininfo: the domain named in xen_domctl.domain, or if
 * there is none the next one up; -XEN_ESRCH when there is none above
 * either, -XEN_EINVAL for a reserved id (DOMID_FIRST_RESERVED and up). The hypervisor MUST write the id it answers for into both
 * xen_domctl.domain and .domain below, so that a caller walks every domain
 * by asking for the id after the last answer. Fields ringlet has no use for
 * (outstanding, shared and paged pages, the ssidref, handle and cpupool)
 * read 0. */
struct xen_domctl_getdomaininfo {
	domid_t domain;
	uint16_t _pad1;
	uint32_t flags;                    /* XEN_DOMINF_* */
	pv_u64_aligned tot_pages;          /* pages it has */
	pv_u64_aligned max_pages;          /* pages it may have */
	pv_u64_aligned outstanding_pages;
	pv_u64_aligned shr_pages;
	pv_u64_aligned paged_pages;
	pv_u64_aligned shared_info_frame;  /* its machine frame (PV) */
	pv_u64_aligned cpu_time;           /* ns its vCPUs have run */
	uint32_t nr_online_vcpus;
	uint32_t max_vcpu_id;
	uint32_t ssidref;
	uint8_t handle[16];
	uint32_t cpupool;
	uint8_t gpaddr_bits;               /* guest physical address width */
	uint8_t _pad2[7];
	struct {
		uint32_t emulation_flags;
		uint32_t misc_flags;
	} arch_config;
};
PV_CHECK_SIZE(struct xen_domctl_getdomaininfo, 112);
PV_CHECK_OFFSET(struct xen_domctl_getdomaininfo, flags, 4);
PV_CHECK_OFFSET(struct xen_domctl_getdomaininfo, tot_pages, 8);
PV_CHECK_OFFSET(struct xen_domctl_getdomaininfo, shared_info_frame, 48);
PV_CHECK_OFFSET(struct xen_domctl_getdomaininfo, cpu_time, 56);
PV_CHECK_OFFSET(struct xen_domctl_getdomaininfo, nr_online_vcpus, 64);
PV_CHECK_OFFSET(struct xen_domctl_getdomaininfo, max_vcpu_id, 68);
PV_CHECK_OFFSET(struct xen_domctl_getdomaininfo, handle, 76);
PV_CHECK_OFFSET(struct xen_domctl_getdomaininfo, cpupool, 92);
PV_CHECK_OFFSET(struct xen_domctl_getdomaininfo, gpaddr_bits, 96);
PV_CHECK_OFFSET(struct xen_domctl_getdomaininfo, arch_config, 104);

/* XEN_DOMCTL_max_mem: the pages the domain may have, in KiB. */
struct xen_domctl_max_mem {
	pv_u64_aligned max_memkb;
};
PV_CHECK_SIZE(struct xen_domctl_max_mem, 8);

/* RINGLET_DOMCTL_load_image: len bytes (1 .. RINGLET_LOAD_CHUNK) from the
 * caller's buf go to offset in the image the hypervisor stages for the
 * next createdomain. offset 0 starts a new image of total bytes (at most
 * RINGLET_IMAGE_MAX); each later chunk MUST follow the one before
 * (offset = the bytes loaded so far) and name the same total.
 * xen_domctl.domain MUST be the caller's own id. */
struct ringlet_domctl_load_image {
	pv_u64_aligned buf;                /* a guest address */
	uint32_t offset;
	uint32_t len;
	uint32_t total;
	uint32_t _pad;
};
PV_CHECK_SIZE(struct ringlet_domctl_load_image, 24);

/* XEN_DOMCTL_createdomain, ringlet's layout: a domain built from the
 * staged image, whose first elf_len bytes are a pv32pae ELF kernel and the
 * next initrd_len its initrd (0: none); the two MUST fill the image.
 * xen_domctl.domain MUST be 0 (the hypervisor picks the id, written back
 * there). The domain is created paused once, as on Xen: unpause it to
 * start it. The staged image is used up whatever the outcome. */
struct ringlet_domctl_createdomain {
	pv_u64_aligned name;               /* guest address of name_len bytes */
	pv_u64_aligned cmdline;            /* guest address of cmdline_len bytes */
	uint32_t name_len;                 /* 1..RINGLET_NAME_MAX of [A-Za-z0-9_.-] */
	uint32_t cmdline_len;              /* below MAX_GUEST_CMDLINE */
	uint32_t elf_len;
	uint32_t initrd_len;
	pv_u64_aligned mem_kb;             /* its memory: 1 MiB to 3 GiB */
	uint32_t max_grant_frames;         /* 0: the default; else 1..64 */
	uint32_t flags;                    /* MUST be 0 */
};
PV_CHECK_SIZE(struct ringlet_domctl_createdomain, 48);
#define RINGLET_NAME_MAX 64

/* RINGLET_DOMCTL_getaccount: what the domain named in xen_domctl.domain
 * did since it was made. Counts by peer domain go to the caller's array
 * at peers, room for nr_peers entries (0..RINGLET_ACCOUNT_PEERS; 0
 * writes none); nr_peers comes back as the entries written. A domain
 * keeps RINGLET_ACCOUNT_PEERS entries, the first peers it dealt with; the
 * last entry (domid RINGLET_ACCOUNT_OTHERS) counts every later one. */
#define RINGLET_ACCOUNT_PEERS        8
#define RINGLET_ACCOUNT_OTHERS       0x7ff4u   /* DOMID_INVALID */

struct ringlet_account_peer {
	domid_t domid;
	uint16_t _pad[3];
	pv_u64_aligned events_sent;        /* events it sent the peer */
	pv_u64_aligned grant_maps;         /* the peer's grants it mapped */
	pv_u64_aligned grant_copies;       /* GNTTABOP_copy ops to or from the peer */
	pv_u64_aligned flips;              /* pages it gave the peer (GNTTABOP_transfer) */
	pv_u64_aligned served_ns;          /* time it ran marked as serving the peer */
};
PV_CHECK_SIZE(struct ringlet_account_peer, 48);

struct ringlet_domctl_getaccount {
	pv_u64_aligned peers;              /* a guest address */
	uint32_t nr_peers;
	domid_t serving;                   /* whom it serves now; DOMID_SELF: nobody */
	uint16_t _pad;                     /* MUST be 0 */
	pv_u64_aligned runstate_ns[4];     /* time by runstate (RUNSTATE_*) */
	pv_u64_aligned hypercalls;         /* hypercalls made (a continued one once) */
	pv_u64_aligned events_sent;        /* on interdomain channels */
	pv_u64_aligned events_received;    /* the same, sent to it */
};
PV_CHECK_SIZE(struct ringlet_domctl_getaccount, 72);

struct xen_domctl {
	uint32_t cmd;                      /* XEN_DOMCTL_* */
	uint32_t interface_version;        /* MUST be XEN_DOMCTL_INTERFACE_VERSION */
	domid_t domain;
	uint16_t _pad[3];
	union {
		struct xen_domctl_getdomaininfo getdomaininfo;
		struct xen_domctl_scheduler_op scheduler_op;
		struct xen_domctl_max_mem max_mem;
		struct ringlet_domctl_load_image load_image;
		struct ringlet_domctl_createdomain createdomain;
		struct ringlet_domctl_getaccount getaccount;
		uint8_t pad[128];
	} u;
};
PV_CHECK_SIZE(struct xen_domctl, 144);
PV_CHECK_OFFSET(struct xen_domctl, domain, 8);
PV_CHECK_OFFSET(struct xen_domctl, u, 16);

#endif /* !__ASSEMBLER__ */

#endif
