/* Thread-specific data (keys with destructors) and pthread_once. */
#include <errno.h>
#include <pthread.h>

#include "pthread_internal.h"

struct key {
	bool used;
	void (*destructor)(void *);
};

static struct key keys[MG_KEYS_MAX];

int pthread_key_create(pthread_key_t *k, void (*destructor)(void *))
{
	for (unsigned i = 0; i < MG_KEYS_MAX; i++) {
		if (keys[i].used)
			continue;
		keys[i] = (struct key){ true, destructor };
		*k = i;
		return 0;
	}
	return EAGAIN;
}

int pthread_key_delete(pthread_key_t k)
{
	if (k >= MG_KEYS_MAX || !keys[k].used)
		return EINVAL;
	keys[k].used = false;
	/* Its values must not reappear when the slot is used again. */
	posix_forget_key(k);
	return 0;
}

int pthread_setspecific(pthread_key_t k, const void *value)
{
	if (k >= MG_KEYS_MAX || !keys[k].used)
		return EINVAL;
	posix_self()->specific[k] = (void *)value;
	return 0;
}

void *pthread_getspecific(pthread_key_t k)
{
	if (k >= MG_KEYS_MAX || !keys[k].used)
		return 0;
	return posix_self()->specific[k];
}

/* POSIX's PTHREAD_DESTRUCTOR_ITERATIONS: destructors may set values again. */
#define DESTRUCTOR_ROUNDS 4

void posix_run_destructors(struct posix_thread *self)
{
	for (int round = 0; round < DESTRUCTOR_ROUNDS; round++) {
		bool ran = false;
		for (unsigned i = 0; i < MG_KEYS_MAX; i++) {
			void *v = self->specific[i];
			if (!v || !keys[i].used || !keys[i].destructor)
				continue;
			self->specific[i] = 0;
			keys[i].destructor(v);
			ran = true;
		}
		if (!ran)
			return;
	}
}

static struct waitqueue once_waiters;

/* init_executed: 0 not run, 1 running (its routine may block), 2 done. */
int pthread_once(pthread_once_t *once, void (*routine)(void))
{
	if (!once || !routine || !once->is_initialized)
		return EINVAL;
	if (once->init_executed == 0) {
		once->init_executed = 1;
		routine();
		once->init_executed = 2;
		waitq_wake_all(&once_waiters);
		return 0;
	}
	wait_until(&once_waiters, once->init_executed == 2);
	return 0;
}
