/* A token bucket counted in nanoseconds: a line costs 1 s / TRACE_PER_SECOND
 * of credit, credit accrues with time up to TRACE_BURST lines' worth. The
 * clock may stand still or (across calibration) seem to; never backwards
 * here, so a smaller now_ns adds nothing. */
#include "hypercall/trace_limit.h"

#define LINE_NS (1000000000ull / TRACE_PER_SECOND)

bool trace_limit_take(struct trace_limit *t, uint64_t now_ns, uint32_t *dropped)
{
	if (!t->started) {
		t->started = true;
		t->tokens_ns = TRACE_BURST * LINE_NS;
		t->last_ns = now_ns;
	}
	if (now_ns > t->last_ns) {
		uint64_t gained = now_ns - t->last_ns;
		uint64_t room = TRACE_BURST * LINE_NS - t->tokens_ns;
		t->tokens_ns += gained < room ? gained : room;
		t->last_ns = now_ns;
	}
	if (t->tokens_ns < LINE_NS) {
		if (t->dropped < UINT32_MAX)
			t->dropped++;
		return false;
	}
	t->tokens_ns -= LINE_NS;
	*dropped = t->dropped;
	t->dropped = 0;
	return true;
}
