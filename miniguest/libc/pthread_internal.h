/* POSIX threads over miniguest's cooperative threads (kernel/thread.h):
 * what the pthread_*.c files share. A pthread_t, pthread_mutex_t and
 * pthread_cond_t is a pointer to one of these objects. */
#ifndef MG_PTHREAD_INTERNAL_H
#define MG_PTHREAD_INTERNAL_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "kernel/thread.h"

#define MG_KEYS_MAX 64

struct posix_thread {
	uint32_t magic;
	struct thread *kt;
	void *(*fn)(void *);
	void *arg;
	void *result;
	bool detached, done;
	struct waitqueue joiners;
	void *specific[MG_KEYS_MAX];
	struct posix_thread *next;      /* every pthread not yet reclaimed */
};

/* The calling thread's object, made on first use for threads that
 * pthread_create did not start (main). */
struct posix_thread *posix_self(void);

/* Runs the key destructors of the calling thread (pthread_key.c). */
void posix_run_destructors(struct posix_thread *self);

/* Clears every thread's value of key k (pthread_thread.c). */
void posix_forget_key(unsigned k);

/* A deadline as system time (ns) from an absolute time on clock; 0 when
 * the time is not a valid timespec. */
uint64_t posix_deadline(clockid_t clock, const struct timespec *abstime);

/* For pthread_cond_wait: gives the mutex up whole and takes it back
 * (pthread_mutex.c); 0 or an errno. */
int posix_mutex_release(pthread_mutex_t *m, unsigned *depth);
int posix_mutex_retake(pthread_mutex_t *m, unsigned depth);

#endif
