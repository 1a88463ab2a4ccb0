/* Threads, the run queue, sleeping and the idle loop (thread.h). */
#include "kernel/thread.h"

#include <stdlib.h>

#include "kernel/console.h"
#include "kernel/hypervisor.h"
#include "kernel/layout.h"
#include "kernel/shutdown.h"
#include "kernel/stack.h"
#include "kernel/time.h"

/* Enough for printk's buffer and a few frames. */
#define MIN_STACK_SIZE (8 * 1024)

extern char boot_stack[], boot_stack_top[];

void switch_stacks(uint32_t *save_esp, uint32_t new_esp);

static struct thread idle = { .name = "idle" };
static struct thread *current;
static struct thread *run_head, *run_tail;
static struct thread *all_threads;
static struct thread *dead;            /* to free once off their stacks */

struct thread *thread_current(void)
{
	return current;
}

bool thread_stack_contains(const struct thread *t, uint32_t addr, uint32_t len)
{
	return t && addr >= t->stack_lo && addr <= t->stack_hi && len <= t->stack_hi - addr;
}

static void enqueue(struct thread *t)
{
	t->next_run = 0;
	if (run_tail)
		run_tail->next_run = t;
	else
		run_head = t;
	run_tail = t;
}

static struct thread *dequeue(void)
{
	struct thread *t = run_head;

	if (t) {
		run_head = t->next_run;
		if (!run_head)
			run_tail = 0;
	}
	return t;
}

/* The timer's event only has to end the idle loop's block. */
static void timer_fired(evtchn_port_t port, void *data)
{
	(void)port;
	(void)data;
}

void threads_init(void)
{
	idle.stack_lo = (uint32_t)(uintptr_t)boot_stack;
	idle.stack_hi = (uint32_t)(uintptr_t)boot_stack_top;
	idle.state = THREAD_RUNNABLE;
	current = &idle;
	if (evtchn_bind_virq(VIRQ_TIMER, timer_fired, 0) < 0)
		printk("miniguest: cannot bind VIRQ_TIMER: sleeping threads will not wake\n");
}

static void reap(void)
{
	while (dead) {
		struct thread *t = dead;
		dead = t->next_run;
		stack_free(t->stack_lo, t->stack_hi - t->stack_lo);
		free(t);
	}
}

void thread_wake(struct thread *t)
{
	unsigned mask = events_mask_save();

	if (t->state == THREAD_BLOCKED) {
		t->state = THREAD_RUNNABLE;
		t->wake_at = 0;
		/* The current thread (woken inside schedule(), its deadline
		 * already past) is queued by schedule() itself, if at all. */
		if (t != &idle && t != current)
			enqueue(t);
	}
	events_restore(mask);
}

/* Wakes the sleepers whose deadline passed; returns the earliest deadline
 * still ahead (0: none). */
static uint64_t wake_expired(void)
{
	uint64_t now = time_now_ns(), next = 0;

	for (struct thread *t = all_threads; t; t = t->next_all) {
		if (t->state != THREAD_BLOCKED || !t->wake_at)
			continue;
		if (t->wake_at <= now)
			thread_wake(t);
		else if (!next || t->wake_at < next)
			next = t->wake_at;
	}
	return next;
}

/* Switches to the next runnable thread, or to idle; with events masked. */
static void schedule(void)
{
	struct thread *prev = current, *next;

	wake_expired();
	next = dequeue();
	if (!next) {
		if (prev->state == THREAD_RUNNABLE)
			return;         /* nobody else: carry on */
		next = &idle;
	}
	if (prev->state == THREAD_RUNNABLE && prev != &idle)
		enqueue(prev);
	if (next == prev)
		return;
	current = next;
	switch_stacks(&prev->esp, next->esp);
	reap();
}

void thread_yield(void)
{
	unsigned mask = events_mask_save();

	schedule();
	events_restore(mask);
}

void thread_sleep_until(uint64_t deadline)
{
	unsigned mask = events_mask_save();

	current->wake_at = deadline ? deadline : 1;
	current->state = THREAD_BLOCKED;
	schedule();
	events_restore(mask);
}

void thread_sleep_ns(uint64_t ns)
{
	thread_sleep_until(time_now_ns() + ns);
}

bool waitq_block_until(struct waitqueue *wq, uint64_t deadline)
{
	current->next_wait = wq->head;
	wq->head = current;
	current->wake_at = deadline;
	current->state = THREAD_BLOCKED;
	schedule();
	/* waitq_wake_all took the whole queue; still on it, something else
	 * (the deadline, a thread_wake) woke us, and the queue must not keep
	 * a thread that may block elsewhere next. */
	for (struct thread **p = &wq->head; *p; p = &(*p)->next_wait) {
		if (*p == current) {
			*p = current->next_wait;
			return false;
		}
	}
	return true;
}

void waitq_block(struct waitqueue *wq)
{
	waitq_block_until(wq, 0);
}

void waitq_wake_all(struct waitqueue *wq)
{
	unsigned mask = events_mask_save();
	struct thread *t = wq->head;

	wq->head = 0;
	while (t) {
		struct thread *next = t->next_wait;
		thread_wake(t);
		t = next;
	}
	events_restore(mask);
}

static void unlink_thread(struct thread *t)
{
	for (struct thread **p = &all_threads; *p; p = &(*p)->next_all) {
		if (*p == t) {
			*p = t->next_all;
			return;
		}
	}
}

void thread_exit(void)
{
	events_mask_save();
	current->state = THREAD_DEAD;
	unlink_thread(current);
	current->next_run = dead;
	dead = current;
	schedule();
	__builtin_unreachable();
}

static void thread_start(void)
{
	events_restore(0);      /* we arrive from schedule(), masked */
	current->fn(current->arg);
	thread_exit();
}

struct thread *thread_create(const char *name, void (*fn)(void *), void *arg,
			     uint32_t stack_size)
{
	struct thread *t = calloc(1, sizeof(*t));
	uint32_t lo;

	if (!t)
		return 0;
	if (stack_size < MIN_STACK_SIZE)
		stack_size = MIN_STACK_SIZE;
	stack_size = (stack_size + PAGE_SIZE - 1) & PAGE_MASK;
	lo = stack_alloc(stack_size);
	if (!lo) {
		free(t);
		return 0;
	}
	t->name = name;
	t->fn = fn;
	t->arg = arg;
	t->stack_lo = lo;
	t->stack_hi = lo + stack_size;
	/* As if it had called switch_stacks: edi, esi, ebx, ebp, the return
	 * address (thread_start), and thread_start's own return address, so
	 * that it starts with the stack aligned as after a call. */
	uint32_t *sp = (uint32_t *)(uintptr_t)t->stack_hi;
	*--sp = 0;
	*--sp = (uint32_t)(uintptr_t)thread_start;
	for (int i = 0; i < 4; i++)
		*--sp = 0;
	t->esp = (uint32_t)(uintptr_t)sp;

	unsigned mask = events_mask_save();
	t->next_all = all_threads;
	all_threads = t;
	t->state = THREAD_RUNNABLE;
	enqueue(t);
	events_restore(mask);
	return t;
}

void idle_loop(void)
{
	for (;;) {
		events_mask_save();
		uint64_t deadline = wake_expired();
		if (run_head) {
			idle.state = THREAD_BLOCKED;
			schedule();
			idle.state = THREAD_RUNNABLE;
			events_restore(0);
			continue;
		}
		if (!all_threads)
			mg_exit(0);     /* nothing left that could ever run */
		hypercall_set_timer_op(deadline);
		/* Unmasks events and sleeps until one is pending, in one step. */
		hypercall_sched_op(SCHEDOP_block, 0);
	}
}
