/* Atropos (the Nemesis scheduler Xen 2 offered): each domain is promised a
 * slice of CPU time in every period; among domains with slice left, the
 * earliest deadline (end of period) runs. A domain that wakes from blocking
 * is treated as due within its latency hint, so it runs soon even beside
 * CPU hogs. A domain whose slice is spent waits for its next period, unless
 * it has the extra-time flag: then it shares the time nobody's slice
 * claims, round robin. */
#include "sched/policy.h"
#include "domain/vcpu.h"
#include "lib/format.h"

#define MS 1000000ull

/* The state as it stands at now: a new period may have begun. */
static uint64_t deadline_at(const struct atropos_state *a, uint64_t now)
{
	if (now < a->deadline)
		return a->deadline;
	return a->deadline + ((now - a->deadline) / a->period + 1) * a->period;
}

/* A new period's slice, less what the domain overran the last one by. */
static uint64_t fresh_slice(const struct atropos_state *a)
{
	return a->slice > a->overrun ? a->slice - a->overrun : 0;
}

static uint64_t remaining_at(const struct atropos_state *a, uint64_t now)
{
	return now < a->deadline ? a->remaining : fresh_slice(a);
}

static uint64_t due_at(const struct atropos_state *a, uint64_t now)
{
	uint64_t d = deadline_at(a, now);
	return a->wake_deadline && a->wake_deadline < d ? a->wake_deadline : d;
}

static void refresh(struct atropos_state *a, uint64_t now)
{
	if (now >= a->deadline) {
		a->deadline = deadline_at(a, now);
		a->remaining = fresh_slice(a);
		a->overrun = a->overrun > a->slice ? a->overrun - a->slice : 0;
	}
}

static void init(struct vcpu *v)
{
	v->sched.atropos = (struct atropos_state){
		.period = 100 * MS, .slice = 10 * MS, .latency = 50 * MS, .extra = true,
	};
}

static int set_params(struct vcpu *v, const struct sched_params *p, char *err, size_t errlen)
{
	if (p->period_ns == 0) {
		format(err, errlen, "Atropos needs a period above zero");
		return -1;
	}
	if (p->slice_ns == 0 || p->slice_ns > p->period_ns) {
		format(err, errlen, "slice %llu us: must be above zero and at most the period (%llu us)",
		       (unsigned long long)(p->slice_ns / 1000),
		       (unsigned long long)(p->period_ns / 1000));
		return -1;
	}
	struct atropos_state *a = &v->sched.atropos;
	a->period = p->period_ns;
	a->slice = p->slice_ns;
	a->latency = p->latency_ns ? p->latency_ns : p->period_ns;
	a->extra = p->extra;
	a->deadline = 0;
	a->overrun = 0;
	return 0;
}

static void get_params(const struct vcpu *v, struct sched_params *p)
{
	const struct atropos_state *a = &v->sched.atropos;
	p->period_ns = a->period;
	p->slice_ns = a->slice;
	p->latency_ns = a->latency;
	p->extra = a->extra;
}

static void wake(struct vcpu *v, struct vcpu *runnable, const struct vcpu *running, uint64_t now)
{
	(void)runnable;
	(void)running;
	refresh(&v->sched.atropos, now);
	v->sched.atropos.wake_deadline = now + v->sched.atropos.latency;
}

static void block(struct vcpu *v, uint64_t now)
{
	(void)v;
	(void)now;
}

static void charge(struct vcpu *v, uint64_t ran, uint64_t now)
{
	struct atropos_state *a = &v->sched.atropos;

	/* The timer that ends a slice fires late at times (under emulation by
	 * most of a millisecond): left uncharged, that lateness would add up to
	 * more than the domain's share. Time on extra time (no slice left) is
	 * not an overrun. */
	if (a->remaining && ran > a->remaining)
		a->overrun += ran - a->remaining;
	a->remaining -= ran < a->remaining ? ran : a->remaining;
	if (ran)
		a->wake_deadline = 0;
	refresh(a, now);
}

static struct vcpu *pick(struct vcpu *runnable, uint64_t now)
{
	struct vcpu *best = NULL, *extra = NULL;

	for (struct vcpu *v = runnable; v; v = v->rq_next) {
		struct atropos_state *a = &v->sched.atropos;
		refresh(a, now);
		if (a->remaining && (!best || due_at(a, now) < due_at(&best->sched.atropos, now)))
			best = v;
		if (!a->remaining && a->extra && !extra)
			extra = v;               /* the queue is oldest first */
	}
	return best ? best : extra;
}

static bool preempts(const struct vcpu *cand, const struct vcpu *running, uint64_t now,
		     bool slice_over)
{
	(void)slice_over;
	const struct atropos_state *c = &cand->sched.atropos, *r = &running->sched.atropos;

	if (!remaining_at(c, now))
		return false;
	return !remaining_at(r, now) || due_at(c, now) < due_at(r, now);
}

static uint64_t slice(const struct vcpu *v, uint64_t now)
{
	const struct atropos_state *a = &v->sched.atropos;
	uint64_t to_deadline = deadline_at(a, now) - now, left = remaining_at(a, now);

	if (left)
		return left < to_deadline ? left : to_deadline;
	return to_deadline < SCHED_TICK_NS ? to_deadline : SCHED_TICK_NS;
}

/* With nothing pickable, the next period to begin gives someone a slice. */
static uint64_t next_event(struct vcpu *runnable, uint64_t now)
{
	uint64_t next = now + SCHED_TICK_NS;

	for (struct vcpu *v = runnable; v; v = v->rq_next)
		if (deadline_at(&v->sched.atropos, now) < next)
			next = deadline_at(&v->sched.atropos, now);
	return next;
}

const struct sched_policy sched_atropos = {
	.name = "atropos", .init = init, .set_params = set_params, .get_params = get_params,
	.wake = wake, .block = block, .charge = charge, .pick = pick, .preempts = preempts,
	.slice = slice, .next_event = next_event,
};
