/* A virtual CPU: what the scheduler runs. Its register state and the rest
 * of what a PV guest has told the hypervisor live in the arch part. */
#ifndef DOMAIN_VCPU_H
#define DOMAIN_VCPU_H

#include <stdbool.h>
#include <stdint.h>
#include "arch/x86/pv/vcpu_arch.h"
#include "sched/state.h"
#include "time/timer.h"
#include "pvabi/domctl.h"
#include "pvabi/event_channel.h"

struct domain;

/* Xen's runstate numbers. */
enum runstate {
	RUNSTATE_RUNNING = 0,
	RUNSTATE_RUNNABLE = 1,
	RUNSTATE_BLOCKED = 2,
	RUNSTATE_OFFLINE = 3,
};

struct vcpu {
	struct domain *d;
	unsigned id;
	enum runstate runstate;            /* change it with set_runstate() */
	uint64_t runstate_entry;           /* system time it began */
	uint64_t runstate_time[4];         /* ns spent in each state */
	struct vcpu *rq_next;              /* run queue link */
	union sched_state sched;           /* the policy's state and parameters */
	uint64_t run_start;                /* when it last got the CPU (or was charged) */
	uint64_t served_seen[RINGLET_ACCOUNT_PEERS];   /* its peers' served_ns charged so far */
	struct timer timer;                /* set_timer_op: raises VIRQ_TIMER */
	struct timer poll_timer;           /* SCHEDOP_poll's timeout */
	bool polling;                      /* blocked in SCHEDOP_poll on poll_ports */
	uint32_t poll_ports[NR_EVENT_CHANNELS / 32];
	struct timer periodic_timer;       /* VCPUOP_set_periodic_timer */
	uint64_t period_ns;
	struct arch_vcpu arch;
};

/* Account the time spent in the old state and enter the new one. */
void set_runstate(struct vcpu *v, enum runstate s);

/* The time spent in state s so far, the current stint included. */
uint64_t runstate_ns(const struct vcpu *v, enum runstate s);

#endif
