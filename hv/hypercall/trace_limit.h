/* How many hypercall log lines may go out: a bucket of TRACE_BURST lines
 * that refills at TRACE_PER_SECOND, machine-wide, so that no guest, and no
 * number of guests, can keep the hypervisor writing to its console. */
#ifndef HYPERCALL_TRACE_LIMIT_H
#define HYPERCALL_TRACE_LIMIT_H

#include <stdbool.h>
#include <stdint.h>

#define TRACE_BURST      64u
#define TRACE_PER_SECOND 64u

struct trace_limit {
	uint64_t tokens_ns;          /* stored credit, in ns of refill time */
	uint64_t last_ns;            /* clock when it was last topped up */
	uint32_t dropped;            /* lines refused since the last one allowed */
	bool started;
};

/* May a line go out at now_ns? On yes, *dropped is how many were refused
 * just before it (to say so), and the count starts again. */
bool trace_limit_take(struct trace_limit *t, uint64_t now_ns, uint32_t *dropped);

#endif
