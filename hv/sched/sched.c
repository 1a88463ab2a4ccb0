#include "sched/sched.h"
#include "sched/policy.h"
#include "arch/arch.h"
#include "console/input.h"
#include "console/log.h"
#include "domain/domain.h"
#include "time/clock.h"
#include "time/timer.h"

struct vcpu *current;
static struct vcpu *runnable, *runnable_tail;   /* waiting for the CPU, oldest first */
bool need_resched;
static bool yielded, slice_over;
static struct timer tick, decision;

/* Ties go to whoever waited longest: the queue is FIFO. */
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

static void charge(struct vcpu *v, uint64_t now)
{
	uint64_t ran = now - v->run_start;

	if (sched_charge_served)
		ran = sched_charge_peers(v, ran, now);
	sched->charge(v, ran, now);
	v->run_start = now;
}

/* v gets the CPU now; the policy says when to decide again. */
static void start_running(struct vcpu *v)
{
	uint64_t now = clock_ns();

	set_runstate(v, RUNSTATE_RUNNING);
	v->run_start = now;
	timer_set(&decision, now + sched->slice(v, now));
}

static void decide(struct timer *t)
{
	(void)t;
	need_resched = true;
	slice_over = true;
}

/* The console is polled on a steady tick, whatever the policy. */
static void tick_elapsed(struct timer *t)
{
	console_input_poll();
	timer_set(t, clock_ns() + SCHED_TICK_NS);
}

void set_runstate(struct vcpu *v, enum runstate s)
{
	uint64_t now = clock_ns();

	account_settle(v, now);
	v->runstate_time[v->runstate] += now - v->runstate_entry;
	v->runstate_entry = now;
	v->runstate = s;
}

uint64_t runstate_ns(const struct vcpu *v, enum runstate s)
{
	return v->runstate_time[s] + (v->runstate == s ? clock_ns() - v->runstate_entry : 0);
}

void sched_init(void)
{
	tick.fn = tick_elapsed;
	decision.fn = decide;
	log_info("scheduler: %s%s", sched->name, sched_charge_served ?
		 "; a backend's time serving a domain is charged to that domain" : "");
	timer_set(&tick, clock_ns() + SCHED_TICK_NS);
}

void sched_wake(struct vcpu *v)
{
	uint64_t now = clock_ns();

	if (v->runstate == RUNSTATE_RUNNABLE || v->runstate == RUNSTATE_RUNNING)
		return;
	/* Paused or shut down (and kept for domain 0): not until unpaused. */
	if (v->d->pause_count || v->d->state != DOMAIN_RUNNING)
		return;
	const struct vcpu *running = current && current->runstate == RUNSTATE_RUNNING ? current : NULL;
	if (running)
		charge(current, now);
	sched->wake(v, runnable, running, now);
	enqueue(v);
	/* A woken domain the policy puts first preempts at once. */
	if (running && sched->preempts(v, running, now, false))
		need_resched = true;
}

void sched_block(struct vcpu *v)
{
	sched->block(v, clock_ns());
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

	while (!(next = sched->pick(runnable, clock_ns()))) {
		if (!domain_list)
			machine_stop(true);
		/* Runnable but not pickable (an Atropos slice spent): wake for
		 * the policy's next event. */
		if (runnable)
			timer_set(&decision, sched->next_event(runnable, clock_ns()));
		safe_halt();
		irq_disable();
	}
	unlink_runnable(next);
	return next;
}

void sched_exit_trap(struct cpu_regs *frame)
{
	struct vcpu *prev = current;

	/* The common case, on every trap: nothing to decide. */
	if (prev && prev->runstate == RUNSTATE_RUNNING && !need_resched)
		return;
	uint64_t now = clock_ns();
	if (prev && prev->runstate == RUNSTATE_RUNNING) {
		need_resched = false;
		charge(prev, now);
		struct vcpu *best = sched->pick(runnable, now);
		bool gives_way = yielded && best, over = slice_over;
		yielded = slice_over = false;
		/* Alone, it keeps the CPU only while the policy would pick it (an
		 * Atropos slice without extra time runs out even then). */
		prev->rq_next = NULL;
		bool may_run = best || sched->pick(prev, now);
		if (may_run && (!best || (!gives_way && !sched->preempts(best, prev, now, over)))) {
			timer_set(&decision, now + sched->slice(prev, now));
			return;                 /* it stays first: keep running */
		}
		enqueue(prev);
		/* A yield hands the CPU to someone else even if the yielder is
		 * still first. */
		if (gives_way) {
			unlink_runnable(best);
			start_running(best);
			context_switch(prev, best, frame);
			return;
		}
	} else {
		need_resched = false;
		yielded = slice_over = false;
		if (prev && prev->runstate != RUNSTATE_OFFLINE)
			charge(prev, now);
	}
	struct vcpu *next = wait_for_work();
	start_running(next);
	if (next != prev)
		context_switch(prev && prev->runstate != RUNSTATE_OFFLINE ? prev : NULL, next, frame);
}

_Noreturn void sched_start(void)
{
	struct vcpu *first = wait_for_work();

	start_running(first);
	enter_guest(first);
}
