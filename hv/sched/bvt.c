#include "sched/bvt.h"

void bvt_init(struct bvt *b)
{
	*b = (struct bvt){ .p = { .weight = BVT_WEIGHT_DEFAULT } };
}

int bvt_set_params(struct bvt *b, const struct bvt_params *p)
{
	if (p->weight == 0 || p->weight > BVT_WEIGHT_MAX)
		return -1;
	b->p = *p;
	if (!p->warp_ns)
		b->warping = false;
	return 0;
}

uint64_t bvt_evt(const struct bvt *b)
{
	if (!b->warping)
		return b->avt;
	return b->avt > b->p.warp_ns ? b->avt - b->p.warp_ns : 0;
}

void bvt_charge(struct bvt *b, uint64_t ran_ns, uint64_t now)
{
	b->avt += ran_ns / b->p.weight;
	if (!b->warping)
		return;
	b->warped_ran += ran_ns;
	if (b->warped_ran >= b->p.warp_limit_ns) {
		b->warping = false;
		b->unwarped_at = now;
	}
}

void bvt_wake(struct bvt *b, uint64_t svt, uint64_t now)
{
	if (b->avt < svt)
		b->avt = svt;
	if (b->p.warp_ns && now - b->unwarped_at >= b->p.unwarp_req_ns) {
		b->warping = true;
		b->warped_ran = 0;
	}
}

void bvt_sleep(struct bvt *b, uint64_t now)
{
	if (b->warping) {
		b->warping = false;
		b->unwarped_at = now;
	}
}

bool bvt_preempts(uint64_t other_evt, uint64_t running_evt)
{
	return other_evt + BVT_ALLOWANCE_NS < running_evt;
}
