#include "sched/sched.h"
#include "arch/arch.h"
#include "console/input.h"
#include "console/log.h"
#include "domain/domain.h"
#include "time/clock.h"
#include "time/timer.h"

struct vcpu *current;
static struct vcpu *rq_head, *rq_tail;
static bool need_resched;
static struct timer slice_timer;

static void enqueue(struct vcpu *v)
{
	v->rq_next = NULL;
	if (rq_tail)
		rq_tail->rq_next = v;
	else
		rq_head = v;
	rq_tail = v;
	set_runstate(v, RUNSTATE_RUNNABLE);
}

static struct vcpu *dequeue(void)
{
	struct vcpu *v = rq_head;

	if (v) {
		rq_head = v->rq_next;
		if (!rq_head)
			rq_tail = NULL;
		v->rq_next = NULL;
	}
	return v;
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
	if (v->runstate == RUNSTATE_RUNNABLE || v->runstate == RUNSTATE_RUNNING)
		return;
	enqueue(v);
}

void sched_block(struct vcpu *v)
{
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
	for (struct vcpu **p = &rq_head; *p; p = &(*p)->rq_next) {
		if (*p == v) {
			*p = v->rq_next;
			if (rq_tail == v) {
				rq_tail = NULL;
				for (struct vcpu *q = rq_head; q; q = q->rq_next)
					rq_tail = q;
			}
			break;
		}
	}
	set_runstate(v, RUNSTATE_OFFLINE);
	if (current == v)
		current = NULL;
}

void sched_yield(void)
{
	need_resched = true;
}

/* Nothing can run: wait for an interrupt to make something runnable. */
static struct vcpu *wait_for_work(void)
{
	struct vcpu *next;

	while (!(next = dequeue())) {
		if (!domain_list)
			machine_stop(true);
		safe_halt();
		irq_disable();
	}
	return next;
}

void sched_exit_trap(struct cpu_regs *frame)
{
	struct vcpu *prev = current;

	if (prev && prev->runstate == RUNSTATE_RUNNING && !need_resched)
		return;
	need_resched = false;
	if (prev && prev->runstate == RUNSTATE_RUNNING) {
		if (!rq_head)
			return;                 /* alone: keep running */
		enqueue(prev);
	}
	struct vcpu *next = wait_for_work();
	set_runstate(next, RUNSTATE_RUNNING);
	if (next != prev)
		context_switch(prev && prev->runstate != RUNSTATE_OFFLINE ? prev : NULL, next, frame);
}

_Noreturn void sched_start(void)
{
	struct vcpu *first = wait_for_work();

	set_runstate(first, RUNSTATE_RUNNING);
	enter_guest(first);
}
