/* __HYPERVISOR_domctl (36): the control interface, for the privileged
 * domain only (everyone else gets -XEN_EPERM). ringlet offers one command
 * so far, XEN_DOMCTL_scheduler_op, to read and set a domain's scheduling
 * parameters. The wrapper is Xen's (struct xen_domctl with its interface
 * version); the scheduler ids and parameter layouts are ringlet's own,
 * since Xen dropped BVT and Atropos long ago. */
#ifndef PVABI_DOMCTL_H
#define PVABI_DOMCTL_H

#include "types.h"

#define XEN_DOMCTL_INTERFACE_VERSION 0x00000015   /* Xen 4.17's */

#define XEN_DOMCTL_scheduler_op      16

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

struct xen_domctl {
	uint32_t cmd;                      /* XEN_DOMCTL_* */
	uint32_t interface_version;        /* MUST be XEN_DOMCTL_INTERFACE_VERSION */
	domid_t domain;
	uint16_t _pad[3];
	union {
		struct xen_domctl_scheduler_op scheduler_op;
		uint8_t pad[128];
	} u;
};
PV_CHECK_SIZE(struct xen_domctl, 144);
PV_CHECK_OFFSET(struct xen_domctl, domain, 8);
PV_CHECK_OFFSET(struct xen_domctl, u, 16);

#endif /* !__ASSEMBLER__ */

#endif
