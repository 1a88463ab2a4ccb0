/* Round robin: whoever waited longest runs next, for a fixed quantum. */
#include "sched/policy.h"
#include "domain/vcpu.h"
#include "lib/format.h"

#define QUANTUM_DEFAULT_NS 10000000ull
#define QUANTUM_MIN_NS     100000ull        /* 0.1 ms */
#define QUANTUM_MAX_NS     1000000000ull    /* 1 s */

static void init(struct vcpu *v)
{
	v->sched.rr.quantum_ns = QUANTUM_DEFAULT_NS;
}

static int set_params(struct vcpu *v, const struct sched_params *p, char *err, size_t errlen)
{
	if (p->quantum_ns < QUANTUM_MIN_NS || p->quantum_ns > QUANTUM_MAX_NS) {
		format(err, errlen, "quantum %llu us: must be from 100 us to 1 s",
		       (unsigned long long)(p->quantum_ns / 1000));
		return -1;
	}
	v->sched.rr.quantum_ns = p->quantum_ns;
	return 0;
}

static void get_params(const struct vcpu *v, struct sched_params *p)
{
	p->quantum_ns = v->sched.rr.quantum_ns;
}

static void wake(struct vcpu *v, struct vcpu *runnable, const struct vcpu *running, uint64_t now)
{
	(void)v;
	(void)runnable;
	(void)running;
	(void)now;
}

static void block(struct vcpu *v, uint64_t now)
{
	(void)v;
	(void)now;
}

static void charge(struct vcpu *v, uint64_t ran, uint64_t now)
{
	(void)v;
	(void)ran;
	(void)now;
}

static struct vcpu *pick(struct vcpu *runnable, uint64_t now)
{
	(void)now;
	return runnable;                       /* the queue is oldest first */
}

static bool preempts(const struct vcpu *cand, const struct vcpu *running, uint64_t now,
		     bool slice_over)
{
	(void)cand;
	(void)running;
	(void)now;
	return slice_over;                     /* only at the end of a quantum */
}

static uint64_t slice(const struct vcpu *v, uint64_t now)
{
	(void)now;
	return v->sched.rr.quantum_ns;
}

static uint64_t next_event(struct vcpu *runnable, uint64_t now)
{
	(void)runnable;
	return now + SCHED_TICK_NS;
}

const struct sched_policy sched_rrobin = {
	.name = "rrobin", .init = init, .set_params = set_params, .get_params = get_params,
	.wake = wake, .block = block, .charge = charge, .pick = pick, .preempts = preempts,
	.slice = slice, .next_event = next_event,
};
