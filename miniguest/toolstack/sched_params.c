/* A domain's scheduling parameters under whichever policy runs: the one
 * whose id getinfo takes is the one running (pvabi/domctl.h). */
#include <stdio.h>
#include <string.h>

#include "toolstack/sched_params.h"
#include "toolstack/toolstack.h"

static const uint32_t policies[] = { RINGLET_SCHEDULER_BVT, RINGLET_SCHEDULER_ATROPOS,
				     RINGLET_SCHEDULER_RROBIN };

int sched_get(uint16_t dom, struct xen_domctl_scheduler_op *op)
{
	struct xen_domctl dc;
	int rc = -XEN_EINVAL;

	for (unsigned i = 0; i < 3 && rc == -XEN_EINVAL; i++) {
		memset(&dc, 0, sizeof(dc));
		dc.u.scheduler_op.sched_id = policies[i];
		dc.u.scheduler_op.cmd = XEN_DOMCTL_SCHEDOP_getinfo;
		rc = ctl(XEN_DOMCTL_scheduler_op, dom, &dc);
	}
	if (rc == 0)
		*op = dc.u.scheduler_op;
	return rc;
}

int sched_put(uint16_t dom, const struct xen_domctl_scheduler_op *op)
{
	struct xen_domctl dc;

	memset(&dc, 0, sizeof(dc));
	dc.u.scheduler_op = *op;
	dc.u.scheduler_op.cmd = XEN_DOMCTL_SCHEDOP_putinfo;
	return ctl(XEN_DOMCTL_scheduler_op, dom, &dc);
}

/* Each policy's parameters by name, where they lie in the union. */
static const struct key {
	uint32_t policy;
	const char *name;
	size_t offset;
} keys[] = {
	{ RINGLET_SCHEDULER_BVT, "weight", offsetof(struct xen_domctl_scheduler_op, u.bvt.weight) },
	{ RINGLET_SCHEDULER_BVT, "warp", offsetof(struct xen_domctl_scheduler_op, u.bvt.warp_us) },
	{ RINGLET_SCHEDULER_BVT, "warpl", offsetof(struct xen_domctl_scheduler_op, u.bvt.warp_limit_us) },
	{ RINGLET_SCHEDULER_BVT, "warpu", offsetof(struct xen_domctl_scheduler_op, u.bvt.unwarp_req_us) },
	{ RINGLET_SCHEDULER_ATROPOS, "period", offsetof(struct xen_domctl_scheduler_op, u.atropos.period_us) },
	{ RINGLET_SCHEDULER_ATROPOS, "slice", offsetof(struct xen_domctl_scheduler_op, u.atropos.slice_us) },
	{ RINGLET_SCHEDULER_ATROPOS, "latency", offsetof(struct xen_domctl_scheduler_op, u.atropos.latency_us) },
	{ RINGLET_SCHEDULER_ATROPOS, "extra", offsetof(struct xen_domctl_scheduler_op, u.atropos.extra) },
	{ RINGLET_SCHEDULER_RROBIN, "quantum", offsetof(struct xen_domctl_scheduler_op, u.rrobin.quantum_us) },
};
#define NKEYS (sizeof(keys) / sizeof(keys[0]))

const char *sched_policy_name(uint32_t id)
{
	return id == RINGLET_SCHEDULER_BVT ? "bvt" : id == RINGLET_SCHEDULER_ATROPOS ? "atropos"
									   : "rrobin";
}

static uint32_t *field(struct xen_domctl_scheduler_op *op, const struct key *k)
{
	return (uint32_t *)((char *)op + k->offset);
}

int sched_format(const struct xen_domctl_scheduler_op *op, bool json, char *out, size_t max)
{
	struct xen_domctl_scheduler_op copy = *op;
	int n = snprintf(out, max, json ? "{\"policy\":\"%s\"" : "%s", sched_policy_name(op->sched_id));

	for (unsigned i = 0; i < NKEYS && n >= 0 && (size_t)n < max; i++)
		if (keys[i].policy == op->sched_id)
			n += snprintf(out + n, max - (size_t)n, json ? ",\"%s\":%u" : " %s=%u",
				      keys[i].name, *field(&copy, &keys[i]));
	if (json && n >= 0 && (size_t)n < max)
		n += snprintf(out + n, max - (size_t)n, "}");
	return n;
}

int sched_set_key(struct xen_domctl_scheduler_op *op, const char *name, uint32_t value)
{
	for (unsigned i = 0; i < NKEYS; i++) {
		if (keys[i].policy == op->sched_id && strcmp(keys[i].name, name) == 0) {
			*field(op, &keys[i]) = value;
			return 0;
		}
	}
	return -1;
}
