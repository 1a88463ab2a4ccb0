/* pthread_create, join, detach, exit, self, equal on miniguest's
 * cooperative threads: a thread runs until it blocks, sleeps or yields. */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>

#include "kernel/shutdown.h"
#include "pthread_internal.h"

#define THREAD_MAGIC 0x70746872u
#define DEFAULT_STACK (64 * 1024)
#define MIN_STACK (8 * 1024)
#define MAX_STACK (16 * 1024 * 1024)

static struct posix_thread *threads;
static unsigned live = 1;       /* threads that have not ended, main included */

static struct posix_thread *new_posix_thread(void)
{
	struct posix_thread *p = calloc(1, sizeof(*p));

	if (p) {
		p->magic = THREAD_MAGIC;
		p->next = threads;
		threads = p;
	}
	return p;
}

static void reclaim(struct posix_thread *p)
{
	for (struct posix_thread **q = &threads; *q; q = &(*q)->next) {
		if (*q == p) {
			*q = p->next;
			break;
		}
	}
	p->magic = 0;
	free(p);
}

/* A pthread_t this file handed out and has not reclaimed, or NULL. */
static struct posix_thread *lookup(pthread_t t)
{
	for (struct posix_thread *p = threads; p; p = p->next)
		if ((uintptr_t)p == t)
			return p;
	return 0;
}

void posix_forget_key(unsigned k)
{
	for (struct posix_thread *p = threads; p; p = p->next)
		p->specific[k] = 0;
}

struct posix_thread *posix_self(void)
{
	struct thread *kt = thread_current();
	struct posix_thread *p = kt->posix;

	if (!p) {
		p = new_posix_thread();
		if (!p)
			mg_crash("pthread_self: out of memory");
		p->kt = kt;
		kt->posix = p;
	}
	return p;
}

pthread_t pthread_self(void)
{
	return (pthread_t)(uintptr_t)posix_self();
}

int pthread_equal(pthread_t a, pthread_t b)
{
	return a == b;
}

void pthread_exit(void *result)
{
	struct posix_thread *self = posix_self();

	posix_run_destructors(self);
	self->result = result;
	self->done = true;
	self->kt->posix = 0;
	if (self->detached)
		reclaim(self);
	else
		waitq_wake_all(&self->joiners);
	/* The last thread's end is the program's, with atexit and stdio. */
	if (--live == 0)
		exit(0);
	thread_exit();
}

static void start(void *arg)
{
	struct posix_thread *self = arg;

	pthread_exit(self->fn(self->arg));
}

int pthread_create(pthread_t *out, const pthread_attr_t *attr, void *(*fn)(void *), void *arg)
{
	uint32_t stack = DEFAULT_STACK;
	struct posix_thread *p;

	if (!fn)
		return EINVAL;
	if (attr) {
		if (!attr->is_initialized)
			return EINVAL;
		if (attr->stacksize)
			stack = (uint32_t)attr->stacksize;
	}
	p = new_posix_thread();
	if (!p)
		return EAGAIN;
	p->fn = fn;
	p->arg = arg;
	p->detached = attr && attr->detachstate == PTHREAD_CREATE_DETACHED;
	p->kt = thread_create("pthread", start, p, stack);
	if (!p->kt) {
		reclaim(p);
		return EAGAIN;
	}
	p->kt->posix = p;
	live++;
	*out = (pthread_t)(uintptr_t)p;
	return 0;
}

int pthread_join(pthread_t t, void **result)
{
	struct posix_thread *p = lookup(t);

	if (!p)
		return ESRCH;
	if (p->detached)
		return EINVAL;
	if (p == posix_self())
		return EDEADLK;
	/* A second joiner would find the object freed under it. */
	if (p->joiners.head)
		return EINVAL;
	wait_until(&p->joiners, p->done);
	if (result)
		*result = p->result;
	reclaim(p);
	return 0;
}

int pthread_detach(pthread_t t)
{
	struct posix_thread *p = lookup(t);

	if (!p)
		return ESRCH;
	if (p->detached)
		return EINVAL;
	if (p->done)
		reclaim(p);
	else
		p->detached = true;
	return 0;
}

int sched_yield(void)
{
	thread_yield();
	return 0;
}

int pthread_attr_init(pthread_attr_t *a)
{
	*a = (pthread_attr_t){ .is_initialized = 1, .stacksize = DEFAULT_STACK,
			       .detachstate = PTHREAD_CREATE_JOINABLE };
	return 0;
}

int pthread_attr_destroy(pthread_attr_t *a)
{
	a->is_initialized = 0;
	return 0;
}

int pthread_attr_setstacksize(pthread_attr_t *a, size_t size)
{
	if (!a->is_initialized || size < MIN_STACK || size > MAX_STACK)
		return EINVAL;
	a->stacksize = (int)size;
	return 0;
}

int pthread_attr_getstacksize(const pthread_attr_t *a, size_t *size)
{
	if (!a->is_initialized)
		return EINVAL;
	*size = (size_t)a->stacksize;
	return 0;
}

int pthread_attr_setdetachstate(pthread_attr_t *a, int state)
{
	if (!a->is_initialized ||
	    (state != PTHREAD_CREATE_DETACHED && state != PTHREAD_CREATE_JOINABLE))
		return EINVAL;
	a->detachstate = state;
	return 0;
}

int pthread_attr_getdetachstate(const pthread_attr_t *a, int *state)
{
	if (!a->is_initialized)
		return EINVAL;
	*state = a->detachstate;
	return 0;
}
