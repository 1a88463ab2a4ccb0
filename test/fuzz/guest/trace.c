/* Tracing rounds, for narrowing a failure down to its round: a call with
 * its arguments, the entries of a multicall as far as they lie in the
 * arena, and what a poll or a single-shot timer will read. */
#include "fuzz.h"
#include "systime.h"
#include "pvabi/vcpu.h"

/* size bytes at p lie in the arena, where a trace may read them. */
static bool in_arena(const void *p, uint32_t size)
{
	return ptr_arg(p) >= L.arena && (uint64_t)ptr_arg(p) + size <= L.arena_end;
}

/* What a poll or a timer call will read: times relative to now. */
static void trace_times(uint32_t nr, const uint32_t *args, unsigned depth)
{
	int64_t now = (int64_t)system_time_ns(NULL);

	if (nr == __HYPERVISOR_sched_op && args[0] == SCHEDOP_poll &&
	    in_arena((const void *)(uintptr_t)args[1], sizeof(struct sched_poll))) {
		const struct sched_poll *p = (const void *)(uintptr_t)args[1];
		const uint32_t *ports = guest_ptr_get(p->ports);
		bool readable = in_arena(ports, 8);
		printk("%*s  poll: %u ports at %#x (%d %d ...), timeout now%+d us\n",
		       (int)depth * 4, "", p->nr_ports, ptr_arg(ports), readable ? (int)ports[0] : -1,
		       readable ? (int)ports[1] : -1, (int)(((int64_t)p->timeout - now) / 1000));
	}
	if (nr == __HYPERVISOR_vcpu_op && args[0] == VCPUOP_set_singleshot_timer &&
	    in_arena((const void *)(uintptr_t)args[2], 12)) {
		const uint32_t *w = (const void *)(uintptr_t)args[2];
		uint64_t t = (uint64_t)w[1] << 32 | w[0];
		printk("%*s  singleshot: %#llx (now%+lld us), flags %#x\n", (int)depth * 4, "",
		       (unsigned long long)t, (long long)(((int64_t)t - now) / 1000), w[2]);
	}
}

/* A call, and the entries of a multicall (nested ones indented), as far
 * as they lie whole in the arena. */
static void trace_call(uint32_t round, uint32_t nr, const uint32_t *args, unsigned depth)
{
	printk("%*scall %u: nr %#x args %#x %#x %#x %#x %#x %#x\n", (int)depth * 4, "", round,
	       nr, args[0], args[1], args[2], args[3], args[4], args[5]);
	if (show_waits)
		trace_times(nr, args, depth);
	if (nr != __HYPERVISOR_multicall || depth > 3)
		return;
	const struct multicall_entry *e = (const void *)(uintptr_t)args[0];
	for (uint32_t i = 0; i < args[1] && i < 16; i++, e++) {
		if (!in_arena(e, sizeof(*e)))
			return;
		trace_call(round, e->op, e->args, depth + 1);
	}
}

/* The call, or an entry of it, waits (poll may, nested). */
bool any_wait(uint32_t nr, const uint32_t *args, unsigned depth)
{
	if (nr == __HYPERVISOR_sched_op && (args[0] == SCHEDOP_block || args[0] == SCHEDOP_poll))
		return true;
	if (nr != __HYPERVISOR_multicall || depth > 3)
		return nr == __HYPERVISOR_sched_op_compat && args[0] == SCHEDOP_block;
	const struct multicall_entry *e = (const void *)(uintptr_t)args[0];
	for (uint32_t i = 0; i < args[1] && i < 16; i++, e++)
		if (in_arena(e, sizeof(*e)) && any_wait(e->op, e->args, depth + 1))
			return true;
	return false;
}

void trace(uint32_t round, const struct call *c)
{
	trace_call(round, c->nr, c->arg, 0);
}
