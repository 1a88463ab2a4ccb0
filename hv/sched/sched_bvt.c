/* Borrowed Virtual Time behind the policy interface (the arithmetic is
 * bvt.c's). */
#include "sched/policy.h"
#include "domain/vcpu.h"
#include "lib/format.h"

static void init(struct vcpu *v)
{
	bvt_init(&v->sched.bvt);
}

static int set_params(struct vcpu *v, const struct sched_params *p, char *err, size_t errlen)
{
	struct bvt_params b = { .weight = p->weight, .warp_ns = p->warp_ns,
				.warp_limit_ns = p->warp_limit_ns, .unwarp_req_ns = p->unwarp_req_ns };
	if (bvt_set_params(&v->sched.bvt, &b) < 0) {
		format(err, errlen, "weight %u: BVT weights go from 1 to %u", p->weight, BVT_WEIGHT_MAX);
		return -1;
	}
	return 0;
}

static void get_params(const struct vcpu *v, struct sched_params *p)
{
	const struct bvt_params *b = &v->sched.bvt.p;
	p->weight = b->weight;
	p->warp_ns = b->warp_ns;
	p->warp_limit_ns = b->warp_limit_ns;
	p->unwarp_req_ns = b->unwarp_req_ns;
}

/* Scheduler virtual time: the lowest AVT of everyone runnable or running. */
static void wake(struct vcpu *v, struct vcpu *runnable, const struct vcpu *running, uint64_t now)
{
	uint64_t svt = running ? running->sched.bvt.avt : UINT64_MAX;

	for (struct vcpu *q = runnable; q; q = q->rq_next)
		if (q->sched.bvt.avt < svt)
			svt = q->sched.bvt.avt;
	bvt_wake(&v->sched.bvt, svt == UINT64_MAX ? 0 : svt, now);
}

static void block(struct vcpu *v, uint64_t now)
{
	bvt_sleep(&v->sched.bvt, now);
}

static void charge(struct vcpu *v, uint64_t ran, uint64_t now)
{
	bvt_charge(&v->sched.bvt, ran, now);
}

static struct vcpu *pick(struct vcpu *runnable, uint64_t now)
{
	struct vcpu *best = NULL;

	(void)now;
	for (struct vcpu *v = runnable; v; v = v->rq_next)
		if (!best || bvt_evt(&v->sched.bvt) < bvt_evt(&best->sched.bvt))
			best = v;
	return best;
}

static bool preempts(const struct vcpu *cand, const struct vcpu *running, uint64_t now,
		     bool slice_over)
{
	(void)slice_over;
	(void)now;
	return bvt_preempts(bvt_evt(&cand->sched.bvt), bvt_evt(&running->sched.bvt));
}

static uint64_t slice(const struct vcpu *v, uint64_t now)
{
	(void)v;
	(void)now;
	return SCHED_TICK_NS;
}

static uint64_t next_event(struct vcpu *runnable, uint64_t now)
{
	(void)runnable;
	return now + SCHED_TICK_NS;
}

const struct sched_policy sched_bvt = {
	.name = "bvt", .init = init, .set_params = set_params, .get_params = get_params,
	.wake = wake, .block = block, .charge = charge, .pick = pick, .preempts = preempts,
	.slice = slice, .next_event = next_event,
};
