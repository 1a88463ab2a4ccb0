/* Each policy's per-vCPU state, kept in the vCPU. */
#ifndef SCHED_STATE_H
#define SCHED_STATE_H

#include <stdbool.h>
#include <stdint.h>
#include "sched/bvt.h"

/* Atropos: slice ns of CPU in every period ns, earliest deadline first; a
 * vCPU that wakes is due within latency; with extra it may also run in
 * time nobody's slice claims. */
struct atropos_state {
	uint64_t period, slice, latency;
	bool extra;
	uint64_t deadline;         /* end of the current period */
	uint64_t remaining;        /* of this period's slice */
	uint64_t overrun;          /* run past the slice (a late timer): the
				    * next period's slice pays it back */
	uint64_t wake_deadline;    /* now + latency at wake-up; 0 once it ran */
};

struct rr_state {
	uint64_t quantum_ns;
};

union sched_state {
	struct bvt bvt;
	struct atropos_state atropos;
	struct rr_state rr;
};

#endif
