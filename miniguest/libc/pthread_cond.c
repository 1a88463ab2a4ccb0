/* Condition variables: wait, timedwait, signal, broadcast. Waiters queue
 * in order; signal hands its wake-up to the oldest, which then needs the
 * mutex back like any other thread. */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>

#include "kernel/time.h"
#include "pthread_internal.h"

#define COND_MAGIC 0x636f6e64u

struct cond_waiter {
	bool signalled;
	struct cond_waiter *next;
};

struct cond {
	uint32_t magic;
	clockid_t clock;                /* of timedwait's deadline */
	struct cond_waiter *first, *last;
	struct waitqueue waiters;
};

static struct cond *make(clockid_t clock)
{
	struct cond *c = calloc(1, sizeof(*c));

	if (c) {
		c->magic = COND_MAGIC;
		c->clock = clock;
	}
	return c;
}

static int get(pthread_cond_t *cv, struct cond **out)
{
	struct cond *c;

	if (*cv == _PTHREAD_COND_INITIALIZER) {
		c = make(CLOCK_REALTIME);
		if (!c)
			return ENOMEM;
		*cv = (pthread_cond_t)(uintptr_t)c;
	}
	c = (struct cond *)(uintptr_t)*cv;
	if (!c || c->magic != COND_MAGIC)
		return EINVAL;
	*out = c;
	return 0;
}

int pthread_condattr_init(pthread_condattr_t *a)
{
	*a = (pthread_condattr_t){ .is_initialized = 1, .clock = CLOCK_REALTIME };
	return 0;
}

int pthread_condattr_destroy(pthread_condattr_t *a)
{
	a->is_initialized = 0;
	return 0;
}

int pthread_condattr_setclock(pthread_condattr_t *a, clockid_t clock)
{
	if (!a->is_initialized || (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC))
		return EINVAL;
	a->clock = clock;
	return 0;
}

int pthread_condattr_getclock(const pthread_condattr_t *a, clockid_t *clock)
{
	if (!a->is_initialized)
		return EINVAL;
	*clock = a->clock;
	return 0;
}

int pthread_cond_init(pthread_cond_t *cv, const pthread_condattr_t *a)
{
	struct cond *c;

	if (a && !a->is_initialized)
		return EINVAL;
	c = make(a ? a->clock : CLOCK_REALTIME);
	if (!c)
		return ENOMEM;
	*cv = (pthread_cond_t)(uintptr_t)c;
	return 0;
}

int pthread_cond_destroy(pthread_cond_t *cv)
{
	struct cond *c;
	int rc;

	if (*cv == _PTHREAD_COND_INITIALIZER) {
		*cv = 0;
		return 0;
	}
	rc = get(cv, &c);
	if (rc)
		return rc;
	if (c->first)
		return EBUSY;
	c->magic = 0;
	free(c);
	*cv = 0;
	return 0;
}

static void unqueue(struct cond *c, struct cond_waiter *w)
{
	struct cond_waiter *prev = 0;

	for (struct cond_waiter *p = c->first; p; prev = p, p = p->next) {
		if (p != w)
			continue;
		if (prev)
			prev->next = w->next;
		else
			c->first = w->next;
		if (c->last == w)
			c->last = prev;
		return;
	}
}

/* deadline: system time in ns, 0 for none. */
static int wait(pthread_cond_t *cv, pthread_mutex_t *m, uint64_t deadline)
{
	struct cond_waiter w = { 0 };
	struct cond *c;
	unsigned depth;
	int rc = get(cv, &c), timed_out = 0;

	if (rc)
		return rc;
	rc = posix_mutex_release(m, &depth);
	if (rc)
		return rc;
	if (c->last)
		c->last->next = &w;
	else
		c->first = &w;
	c->last = &w;
	while (!w.signalled) {
		unsigned mask = events_mask_save();
		if (deadline && time_now_ns() >= deadline) {
			events_restore(mask);
			unqueue(c, &w);
			timed_out = 1;
			break;
		}
		waitq_block_until(&c->waiters, deadline);
		events_restore(mask);
	}
	rc = posix_mutex_retake(m, depth);
	return rc ? rc : timed_out ? ETIMEDOUT : 0;
}

int pthread_cond_wait(pthread_cond_t *cv, pthread_mutex_t *m)
{
	return wait(cv, m, 0);
}

int pthread_cond_timedwait(pthread_cond_t *cv, pthread_mutex_t *m, const struct timespec *abstime)
{
	struct cond *c;
	int rc = get(cv, &c);
	uint64_t deadline;

	if (rc)
		return rc;
	deadline = posix_deadline(c->clock, abstime);
	if (!deadline)
		return EINVAL;
	return wait(cv, m, deadline);
}

static int wake(pthread_cond_t *cv, bool all)
{
	struct cond *c;
	int rc = get(cv, &c);

	if (rc)
		return rc;
	while (c->first) {
		struct cond_waiter *w = c->first;
		c->first = w->next;
		w->signalled = true;
		if (!all)
			break;
	}
	if (!c->first)
		c->last = 0;
	waitq_wake_all(&c->waiters);
	return 0;
}

int pthread_cond_signal(pthread_cond_t *cv)
{
	return wake(cv, false);
}

int pthread_cond_broadcast(pthread_cond_t *cv)
{
	return wake(cv, true);
}

uint64_t posix_deadline(clockid_t clock, const struct timespec *t)
{
	uint64_t now = time_now_ns(), then, sec;
	uint32_t nsec;

	if (!t || t->tv_nsec < 0 || t->tv_nsec >= 1000000000)
		return 0;
	if (clock == CLOCK_MONOTONIC) {
		sec = now / 1000000000u;
		nsec = (uint32_t)(now % 1000000000u);
	} else {
		time_wallclock(&sec, &nsec);
	}
	/* Already past: a deadline of now ends the wait at once. */
	if (t->tv_sec < 0 || (uint64_t)t->tv_sec < sec ||
	    ((uint64_t)t->tv_sec == sec && (uint32_t)t->tv_nsec <= nsec))
		return now ? now : 1;
	/* Centuries ahead: wait as long as 64 bits of nanoseconds allow. */
	if ((uint64_t)t->tv_sec - sec > UINT64_MAX / 2000000000u)
		return UINT64_MAX;
	then = ((uint64_t)t->tv_sec - sec) * 1000000000u + (uint64_t)t->tv_nsec - nsec;
	return now + then < now ? UINT64_MAX : now + then;
}
