/* Cooperative threads: a thread runs until it blocks, sleeps, yields or
 * exits. Event handlers never switch threads; they wake them. When no
 * thread can run, the domain blocks in the hypervisor until the next event
 * or the earliest sleeper's deadline. */
#ifndef MG_THREAD_H
#define MG_THREAD_H

#include <stdbool.h>
#include <stdint.h>

#include "kernel/events.h"

enum thread_state { THREAD_RUNNABLE, THREAD_BLOCKED, THREAD_DEAD };

struct thread {
	const char *name;
	uint32_t esp;                   /* saved while switched out */
	uint32_t stack_lo, stack_hi;    /* [lo, hi) */
	enum thread_state state;
	uint64_t wake_at;               /* system time (ns); 0: no deadline */
	void (*fn)(void *);
	void *arg;
	struct thread *next_run;        /* the run queue */
	struct thread *next_wait;       /* a wait queue */
	struct thread *next_all;        /* every thread */
	void *posix;                    /* libc's pthread data (pthread_self) */
};

struct waitqueue {
	struct thread *head;
};

/* Turns the start-of-day context into the idle thread. */
void threads_init(void);

/* A new runnable thread with a stack of stack_size bytes (at least 8 KiB,
 * rounded up to pages, with an unmapped guard page below); NULL when out of
 * memory. */
struct thread *thread_create(const char *name, void (*fn)(void *), void *arg,
			     uint32_t stack_size);
__attribute__((noreturn)) void thread_exit(void);
struct thread *thread_current(void);
bool thread_stack_contains(const struct thread *t, uint32_t addr, uint32_t len);

void thread_yield(void);
void thread_wake(struct thread *t);
/* Sleeps until system time deadline (ns) or a thread_wake. */
void thread_sleep_until(uint64_t deadline);
void thread_sleep_ns(uint64_t ns);

/* Runs the idle loop forever on the start-of-day stack. */
__attribute__((noreturn)) void idle_loop(void);

/* Blocks the current thread on wq; call with events masked (events.h). */
void waitq_block(struct waitqueue *wq);
/* The same with a deadline (system time, ns; 0: none); false when it was
 * not waitq_wake_all that ended the wait (the deadline passed). */
bool waitq_block_until(struct waitqueue *wq, uint64_t deadline);
void waitq_wake_all(struct waitqueue *wq);

/* Waits on wq until cond holds; cond is checked with events masked, so a
 * wake-up between the check and the sleep is never lost. */
#define wait_until(wq, cond)                                               \
	do {                                                               \
		for (;;) {                                                 \
			unsigned mask_ = events_mask_save();               \
			if (cond) {                                        \
				events_restore(mask_);                     \
				break;                                     \
			}                                                  \
			waitq_block(wq);                                   \
			events_restore(mask_);                             \
		}                                                          \
	} while (0)

#endif
