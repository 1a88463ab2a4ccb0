/* A virtual CPU: what the scheduler runs. Its register state and the rest
 * of what a PV guest has told the hypervisor live in the arch part. */
#ifndef DOMAIN_VCPU_H
#define DOMAIN_VCPU_H

#include <stdbool.h>
#include <stdint.h>
#include "arch/x86/pv/vcpu_arch.h"

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
	enum runstate runstate;
	struct vcpu *rq_next;              /* run queue link */
	struct arch_vcpu arch;
};

#endif
