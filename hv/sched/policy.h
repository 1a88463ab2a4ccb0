/* One interface, three policies (BVT, Atropos, round robin), chosen with
 * sched= on the hypervisor's command line. The generic part (sched.c)
 * keeps the run queue (FIFO: oldest first), charges running time and asks
 * the policy what to run and for how long. Each policy keeps its own state
 * in the vCPU's sched union. */
#ifndef SCHED_POLICY_H
#define SCHED_POLICY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct vcpu;

/* Every policy's parameters; each reads the ones it has. */
struct sched_params {
	uint32_t weight;                             /* BVT */
	uint64_t warp_ns, warp_limit_ns, unwarp_req_ns;
	uint64_t period_ns, slice_ns, latency_ns;    /* Atropos */
	bool extra;                                  /* ... may run in slack time */
	uint64_t quantum_ns;                         /* round robin */
};

struct sched_policy {
	const char *name;
	/* Fresh state with the policy's defaults. */
	void (*init)(struct vcpu *v);
	/* 0, or -1 with err saying which parameter is wrong. */
	int (*set_params)(struct vcpu *v, const struct sched_params *p, char *err, size_t errlen);
	void (*get_params)(const struct vcpu *v, struct sched_params *p);
	/* v becomes runnable; runnable is the queue, running the vCPU on the
	 * CPU (or NULL). */
	void (*wake)(struct vcpu *v, struct vcpu *runnable, const struct vcpu *running,
		     uint64_t now);
	void (*block)(struct vcpu *v, uint64_t now);
	/* v ran ran_ns, up to now. */
	void (*charge)(struct vcpu *v, uint64_t ran_ns, uint64_t now);
	/* The runnable vCPU to run next (NULL: none may run now). */
	struct vcpu *(*pick)(struct vcpu *runnable, uint64_t now);
	/* Should cand take the CPU from running now? slice_over: the slice the
	 * policy gave running has run out. */
	bool (*preempts)(const struct vcpu *cand, const struct vcpu *running, uint64_t now,
			 bool slice_over);
	/* How long v may run from now before the policy decides again. */
	uint64_t (*slice)(const struct vcpu *v, uint64_t now);
	/* When, with nothing picked, something might become pickable. */
	uint64_t (*next_event)(struct vcpu *runnable, uint64_t now);
};

extern const struct sched_policy sched_bvt, sched_atropos, sched_rrobin;
extern const struct sched_policy *sched;

/* sched_charge=served (charge_served.c): a backend's time marked as
 * serving a domain is charged to that domain's share. */
extern bool sched_charge_served;
/* Charge v's peers what it served them out of ran (up to now): the rest,
 * v's own. */
uint64_t sched_charge_peers(struct vcpu *v, uint64_t ran, uint64_t now);

/* sched=NAME: 0, or -1 for an unknown name. */
int sched_select(const char *name, size_t len);

#define SCHED_TICK_NS 10000000ull    /* the longest any policy runs undecided */

#endif
