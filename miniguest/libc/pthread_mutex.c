/* Mutexes: normal, recursive and error-checking, and
 * PTHREAD_MUTEX_INITIALIZER (made on first use). With cooperative threads
 * only a thread that blocks while holding a mutex makes others wait. */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>

#include "pthread_internal.h"

#define MUTEX_MAGIC 0x6d757478u

struct mutex {
	uint32_t magic;
	int type;
	struct posix_thread *owner;
	unsigned depth;                 /* recursive locks held */
	struct waitqueue waiters;
};

/* The mutex behind m, making a statically initialised one; 0 or an errno. */
static int get(pthread_mutex_t *m, struct mutex **out)
{
	struct mutex *x;

	if (*m == _PTHREAD_MUTEX_INITIALIZER) {
		x = calloc(1, sizeof(*x));
		if (!x)
			return ENOMEM;
		x->magic = MUTEX_MAGIC;
		x->type = PTHREAD_MUTEX_DEFAULT;
		*m = (pthread_mutex_t)(uintptr_t)x;
	}
	x = (struct mutex *)(uintptr_t)*m;
	if (!x || x->magic != MUTEX_MAGIC)
		return EINVAL;
	*out = x;
	return 0;
}

int pthread_mutexattr_init(pthread_mutexattr_t *a)
{
	*a = (pthread_mutexattr_t){ .is_initialized = 1, .type = PTHREAD_MUTEX_DEFAULT };
	return 0;
}

int pthread_mutexattr_destroy(pthread_mutexattr_t *a)
{
	a->is_initialized = 0;
	return 0;
}

int pthread_mutexattr_settype(pthread_mutexattr_t *a, int type)
{
	if (!a->is_initialized || type < PTHREAD_MUTEX_NORMAL || type > PTHREAD_MUTEX_DEFAULT)
		return EINVAL;
	a->type = type;
	return 0;
}

int pthread_mutexattr_gettype(const pthread_mutexattr_t *a, int *type)
{
	if (!a->is_initialized)
		return EINVAL;
	*type = a->type;
	return 0;
}

int pthread_mutex_init(pthread_mutex_t *m, const pthread_mutexattr_t *a)
{
	struct mutex *x;

	if (a && !a->is_initialized)
		return EINVAL;
	x = calloc(1, sizeof(*x));
	if (!x)
		return ENOMEM;
	x->magic = MUTEX_MAGIC;
	x->type = a ? a->type : PTHREAD_MUTEX_DEFAULT;
	*m = (pthread_mutex_t)(uintptr_t)x;
	return 0;
}

int pthread_mutex_destroy(pthread_mutex_t *m)
{
	struct mutex *x;
	int rc;

	if (*m == _PTHREAD_MUTEX_INITIALIZER) {
		*m = 0;
		return 0;
	}
	rc = get(m, &x);
	if (rc)
		return rc;
	if (x->owner || x->waiters.head)
		return EBUSY;
	x->magic = 0;
	free(x);
	*m = 0;
	return 0;
}

/* Takes x if it can; EBUSY when another thread holds it. */
static int try_take(struct mutex *x, struct posix_thread *self)
{
	if (!x->owner) {
		x->owner = self;
		x->depth = 1;
		return 0;
	}
	if (x->owner != self)
		return EBUSY;
	if (x->type != PTHREAD_MUTEX_RECURSIVE)
		return EDEADLK;  /* a normal mutex would hang the thread for ever */
	if (x->depth == UINT32_MAX)
		return EAGAIN;
	x->depth++;
	return 0;
}

int pthread_mutex_trylock(pthread_mutex_t *m)
{
	struct mutex *x;
	int rc = get(m, &x);

	if (rc)
		return rc;
	rc = try_take(x, posix_self());
	return rc == EDEADLK ? EBUSY : rc;
}

int pthread_mutex_lock(pthread_mutex_t *m)
{
	struct posix_thread *self = posix_self();
	struct mutex *x;
	int rc = get(m, &x);

	if (rc)
		return rc;
	wait_until(&x->waiters, x->owner == 0 || x->owner == self);
	return try_take(x, self);
}

/* The mutex behind m when the calling thread holds it; 0 or an errno. */
static int get_held(pthread_mutex_t *m, struct mutex **out)
{
	int rc = get(m, out);

	if (rc == 0 && (*out)->owner != posix_self())
		rc = EPERM;
	return rc;
}

int pthread_mutex_unlock(pthread_mutex_t *m)
{
	struct mutex *x;
	int rc = get_held(m, &x);

	if (rc)
		return rc;
	if (--x->depth == 0) {
		x->owner = 0;
		waitq_wake_all(&x->waiters);
	}
	return 0;
}

int posix_mutex_release(pthread_mutex_t *m, unsigned *depth)
{
	struct mutex *x;
	int rc = get_held(m, &x);

	if (rc)
		return rc;
	*depth = x->depth;
	x->depth = 1;
	return pthread_mutex_unlock(m);
}

int posix_mutex_retake(pthread_mutex_t *m, unsigned depth)
{
	struct mutex *x;
	int rc = pthread_mutex_lock(m);

	if (rc)
		return rc;
	get(m, &x);
	x->depth = depth;
	return 0;
}
