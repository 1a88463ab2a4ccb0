#include "sched/sched.h"
#include "arch/arch.h"
#include "console/input.h"
#include "console/log.h"
#include "domain/domain.h"
#include "time/clock.h"
#include "time/timer.h"

struct vcpu *current;
static struct vcpu *runnable, *runnable_tail;   /* waiting for the CPU, oldest first */
static bool need_resched, yielded;
static struct timer slice_timer;

/* Ties in virtual time go to whoever waited longest: the queue is FIFO. */
static void enqueue(struct vcpu *v)
{
	v->rq_next = NULL;
	if (runnable_tail)
		runnable_tail->rq_next = v;
	else
		runnable = v;
	runnable_tail = v;
	set_runstate(v, RUNSTATE_RUNNABLE);
}

static void unlink_runnable(struct vcpu *v)
{
	struct vcpu *before = NULL;

	for (struct vcpu **p = &runnable; *p; before = *p, p = &(*p)->rq_next) {
		if (*p == v) {
			*p = v->rq_next;
			if (runnable_tail == v)
				runnable_tail = before;
			v->rq_next = NULL;
			return;
		}
	}
}

/* The runnable vCPU with the lowest effective virtual time, other than
 * skip. */
static struct vcpu *lowest_evt(const struct vcpu *skip)
{
	struct vcpu *best = NULL;

	for (struct vcpu *v = runnable; v; v = v->rq_next)
		if (v != skip && (!best || bvt_evt(&v->bvt) < bvt_evt(&best->bvt)))
			best = v;
	return best;
}

/* Scheduler virtual time: the lowest AVT of everyone runnable or running. */
static uint64_t svt(void)
{
	uint64_t t = current && current->runstate == RUNSTATE_RUNNING ? current->bvt.avt : UINT64_MAX;

	for (struct vcpu *v = runnable; v; v = v->rq_next)
		if (v->bvt.avt < t)
			t = v->bvt.avt;
	return t == UINT64_MAX ? 0 : t;
}

static void charge(struct vcpu *v, uint64_t now)
{
	bvt_charge(&v->bvt, now - v->run_start, now);
	v->run_start = now;
}

static void slice_expired(struct timer *t)
{
	need_resched = true;
	console_input_poll();
	timer_set(t, clock_ns() + SCHED_SLICE_NS);
}

void set_runstate(struct vcpu *v, enum runstate s)
{
	uint64_t now = clock_ns();

	v->runstate_time[v->runstate] += now - v->runstate_entry;
	v->runstate_entry = now;
	v->runstate = s;
}

void sched_init(void)
{
	slice_timer.fn = slice_expired;
	timer_set(&slice_timer, clock_ns() + SCHED_SLICE_NS);
}

void sched_wake(struct vcpu *v)
{
	uint64_t now = clock_ns();

	if (v->runstate == RUNSTATE_RUNNABLE || v->runstate == RUNSTATE_RUNNING)
		return;
	bvt_wake(&v->bvt, svt(), now);
	enqueue(v);
	/* A woken domain far enough behind (or warped) preempts at once. */
	if (current && current->runstate == RUNSTATE_RUNNING) {
		charge(current, now);
		if (bvt_preempts(bvt_evt(&v->bvt), bvt_evt(&current->bvt)))
			need_resched = true;
	}
}

void sched_block(struct vcpu *v)
{
	bvt_sleep(&v->bvt, clock_ns());
	set_runstate(v, RUNSTATE_BLOCKED);
}

void vcpu_kick(struct vcpu *v, uint32_t port)
{
	if (v->runstate != RUNSTATE_BLOCKED)
		return;
	if (v->polling) {
		if (!(v->poll_ports[port / 32] & (1u << (port % 32))))
			return;
		v->polling = false;
		timer_cancel(&v->poll_timer);
	}
	sched_wake(v);
}

void sched_remove(struct vcpu *v)
{
	unlink_runnable(v);
	set_runstate(v, RUNSTATE_OFFLINE);
	if (current == v)
		current = NULL;
}

void sched_yield(void)
{
	need_resched = true;
	yielded = true;
}

/* The next to run; when nothing can run, wait for an interrupt to make
 * something runnable. */
static struct vcpu *wait_for_work(void)
{
	struct vcpu *next;

	while (!(next = lowest_evt(NULL))) {
		if (!domain_list)
			machine_stop(true);
		safe_halt();
		irq_disable();
	}
	unlink_runnable(next);
	return next;
}

void sched_exit_trap(struct cpu_regs *frame)
{
	struct vcpu *prev = current;
	uint64_t now = clock_ns();

	if (prev && prev->runstate == RUNSTATE_RUNNING) {
		if (!need_resched)
			return;
		need_resched = false;
		charge(prev, now);
		struct vcpu *best = lowest_evt(NULL);
		bool gives_way = yielded && best;
		yielded = false;
		if (!best || (!gives_way && !bvt_preempts(bvt_evt(&best->bvt), bvt_evt(&prev->bvt))))
			return;                 /* it stays ahead: keep running */
		enqueue(prev);
		/* A yield hands the CPU to someone else even if the yielder is
		 * still the furthest behind. */
		if (gives_way) {
			unlink_runnable(best);
			set_runstate(best, RUNSTATE_RUNNING);
			best->run_start = clock_ns();
			context_switch(prev, best, frame);
			return;
		}
	} else {
		need_resched = false;
		yielded = false;
		if (prev && prev->runstate != RUNSTATE_OFFLINE)
			charge(prev, now);
	}
	struct vcpu *next = wait_for_work();
	set_runstate(next, RUNSTATE_RUNNING);
	next->run_start = clock_ns();
	if (next != prev)
		context_switch(prev && prev->runstate != RUNSTATE_OFFLINE ? prev : NULL, next, frame);
}

_Noreturn void sched_start(void)
{
	struct vcpu *first = wait_for_work();

	set_runstate(first, RUNSTATE_RUNNING);
	first->run_start = clock_ns();
	enter_guest(first);
}
