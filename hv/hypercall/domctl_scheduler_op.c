/* XEN_DOMCTL_scheduler_op: read and set a domain's scheduling parameters
 * under the running policy, in ringlet's layouts (pvabi/domctl.h). */
#include "hypercall/domctl.h"
#include "domain/domain.h"
#include "lib/string.h"
#include "sched/policy.h"
#include "sched/sched.h"

static uint32_t policy_id(void)
{
	if (sched == &sched_atropos)
		return RINGLET_SCHEDULER_ATROPOS;
	if (sched == &sched_rrobin)
		return RINGLET_SCHEDULER_RROBIN;
	return RINGLET_SCHEDULER_BVT;
}

static void to_abi(const struct sched_params *p, struct xen_domctl_scheduler_op *op)
{
	memset(&op->u, 0, sizeof(op->u));
	switch (op->sched_id) {
	case RINGLET_SCHEDULER_BVT:
		op->u.bvt.weight = p->weight;
		op->u.bvt.warp_us = (uint32_t)(p->warp_ns / 1000);
		op->u.bvt.warp_limit_us = (uint32_t)(p->warp_limit_ns / 1000);
		op->u.bvt.unwarp_req_us = (uint32_t)(p->unwarp_req_ns / 1000);
		break;
	case RINGLET_SCHEDULER_ATROPOS:
		op->u.atropos.period_us = (uint32_t)(p->period_ns / 1000);
		op->u.atropos.slice_us = (uint32_t)(p->slice_ns / 1000);
		op->u.atropos.latency_us = (uint32_t)(p->latency_ns / 1000);
		op->u.atropos.extra = p->extra;
		break;
	default:
		op->u.rrobin.quantum_us = (uint32_t)(p->quantum_ns / 1000);
	}
}

static int from_abi(const struct xen_domctl_scheduler_op *op, struct sched_params *p)
{
	switch (op->sched_id) {
	case RINGLET_SCHEDULER_BVT:
		p->weight = op->u.bvt.weight;
		p->warp_ns = op->u.bvt.warp_us * 1000ull;
		p->warp_limit_ns = op->u.bvt.warp_limit_us * 1000ull;
		p->unwarp_req_ns = op->u.bvt.unwarp_req_us * 1000ull;
		return 0;
	case RINGLET_SCHEDULER_ATROPOS:
		if (op->u.atropos.extra > 1)
			return -1;
		p->period_ns = op->u.atropos.period_us * 1000ull;
		p->slice_ns = op->u.atropos.slice_us * 1000ull;
		p->latency_ns = op->u.atropos.latency_us * 1000ull;
		p->extra = op->u.atropos.extra;
		return 0;
	default:
		p->quantum_ns = op->u.rrobin.quantum_us * 1000ull;
		return 0;
	}
}

int domctl_scheduler_op(struct domain *d, struct xen_domctl_scheduler_op *op)
{
	struct sched_params p = { 0 };
	char err[120];

	if (op->sched_id != policy_id())
		return -XEN_EINVAL;
	sched->get_params(&d->vcpu, &p);
	switch (op->cmd) {
	case XEN_DOMCTL_SCHEDOP_getinfo:
		to_abi(&p, op);
		return 0;
	case XEN_DOMCTL_SCHEDOP_putinfo:
		if (from_abi(op, &p) < 0 || sched->set_params(&d->vcpu, &p, err, sizeof(err)) < 0)
			return -XEN_EINVAL;
		return 0;
	default:
		return -XEN_EINVAL;
	}
}
