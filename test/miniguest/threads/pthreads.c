/* pthread.h on miniguest's cooperative threads. */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <time.h>

#include "../check.h"
#include "threads_test.h"

static pthread_mutex_t counter_lock = PTHREAD_MUTEX_INITIALIZER;
static int counter;

/* Holds the lock across a yield, so that the others must wait for it. */
static void *add(void *arg)
{
	for (int i = 0; i < 100; i++) {
		pthread_mutex_lock(&counter_lock);
		int seen = counter;
		sched_yield();
		counter = seen + 1;
		pthread_mutex_unlock(&counter_lock);
	}
	return arg;
}

static void test_create_join(void)
{
	pthread_t t[4];
	void *res[4] = { 0 };
	int ok = 1;

	for (intptr_t i = 0; i < 4; i++)
		ok &= pthread_create(&t[i], 0, add, (void *)(i + 10)) == 0;
	CHECK(ok, "four threads start");
	for (int i = 0; i < 4; i++)
		ok &= pthread_join(t[i], &res[i]) == 0 && (intptr_t)res[i] == i + 10;
	CHECK(ok, "join returns each thread's result");
	CHECK(counter == 400, "a mutex held across sched_yield keeps 400 increments whole (%d)",
	      counter);
	CHECK(pthread_join(t[0], 0) == ESRCH, "joining a joined thread is ESRCH");
	CHECK(pthread_join(pthread_self(), 0) == EDEADLK, "joining oneself is EDEADLK");
	CHECK(pthread_equal(pthread_self(), pthread_self()) && !pthread_equal(t[0], t[1]),
	      "pthread_equal");
}

static void *exits_early(void *arg)
{
	pthread_exit(arg);
	return 0;
}

static volatile int detached_ran;

static void *detached(void *arg)
{
	(void)arg;
	detached_ran = 1;
	return 0;
}

static void test_exit_detach_attr(void)
{
	pthread_attr_t a;
	pthread_t t;
	void *res = 0;
	size_t size = 0;

	CHECK(pthread_create(&t, 0, exits_early, (void *)7) == 0 && pthread_join(t, &res) == 0 &&
	      (intptr_t)res == 7, "pthread_exit's value reaches join");
	pthread_attr_init(&a);
	CHECK(pthread_attr_setstacksize(&a, 256 * 1024) == 0 &&
	      pthread_attr_getstacksize(&a, &size) == 0 && size == 256 * 1024,
	      "a 256 KiB stack size is kept");
	CHECK(pthread_attr_setstacksize(&a, 100) == EINVAL, "a 100-byte stack is EINVAL");
	CHECK(pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED) == 0 &&
	      pthread_create(&t, &a, detached, 0) == 0, "a detached thread starts");
	CHECK(pthread_join(t, 0) == EINVAL || pthread_join(t, 0) == ESRCH,
	      "and cannot be joined");
	sched_yield();
	CHECK(detached_ran, "and runs");
	pthread_attr_destroy(&a);
	CHECK(pthread_create(&t, 0, exits_early, 0) == 0 && pthread_detach(t) == 0 &&
	      pthread_detach(t) == EINVAL, "pthread_detach, twice: EINVAL");
}

static void test_mutex_types(void)
{
	pthread_mutexattr_t a;
	pthread_mutex_t rec, chk, m;
	int type = -1;

	pthread_mutexattr_init(&a);
	CHECK(pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE) == 0 &&
	      pthread_mutexattr_gettype(&a, &type) == 0 && type == PTHREAD_MUTEX_RECURSIVE,
	      "mutexattr type recursive");
	pthread_mutex_init(&rec, &a);
	CHECK(pthread_mutex_lock(&rec) == 0 && pthread_mutex_lock(&rec) == 0 &&
	      pthread_mutex_trylock(&rec) == 0, "a recursive mutex locks three times");
	CHECK(pthread_mutex_unlock(&rec) == 0 && pthread_mutex_unlock(&rec) == 0 &&
	      pthread_mutex_unlock(&rec) == 0 && pthread_mutex_unlock(&rec) == EPERM,
	      "unlocks three times, the fourth is EPERM");
	pthread_mutexattr_settype(&a, PTHREAD_MUTEX_ERRORCHECK);
	pthread_mutex_init(&chk, &a);
	CHECK(pthread_mutex_lock(&chk) == 0 && pthread_mutex_lock(&chk) == EDEADLK,
	      "an error-checking mutex locked again is EDEADLK");
	CHECK(pthread_mutex_trylock(&chk) == EBUSY, "trylock of a held mutex is EBUSY");
	CHECK(pthread_mutex_destroy(&chk) == EBUSY, "destroying a held mutex is EBUSY");
	CHECK(pthread_mutex_unlock(&chk) == 0 && pthread_mutex_destroy(&chk) == 0,
	      "unlocked, it is destroyed");
	CHECK(pthread_mutexattr_settype(&a, 99) == EINVAL, "an unknown type is EINVAL");
	pthread_mutexattr_destroy(&a);
	pthread_mutex_destroy(&rec);
	m = 0;
	CHECK(pthread_mutex_lock(&m) == EINVAL, "a zeroed mutex is EINVAL");
}

static pthread_mutex_t q_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t q_cond = PTHREAD_COND_INITIALIZER;
static int queued, woken;

static void *consumer(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&q_lock);
	while (!queued)
		pthread_cond_wait(&q_cond, &q_lock);
	queued--;
	woken++;
	pthread_mutex_unlock(&q_lock);
	return 0;
}

static void test_cond(void)
{
	pthread_t t[3];
	struct timespec ts;

	for (int i = 0; i < 3; i++)
		pthread_create(&t[i], 0, consumer, 0);
	sched_yield();
	CHECK(woken == 0, "three consumers wait");
	pthread_mutex_lock(&q_lock);
	queued = 1;
	pthread_cond_signal(&q_cond);
	pthread_mutex_unlock(&q_lock);
	sched_yield();
	sched_yield();
	CHECK(woken == 1, "signal wakes one (%d)", woken);
	pthread_mutex_lock(&q_lock);
	queued = 2;
	pthread_cond_broadcast(&q_cond);
	pthread_mutex_unlock(&q_lock);
	for (int i = 0; i < 3; i++)
		pthread_join(t[i], 0);
	CHECK(woken == 3, "broadcast wakes the rest (%d)", woken);

	clock_gettime(CLOCK_REALTIME, &ts);
	uint64_t before = (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
	ts.tv_nsec += 20000000;
	if (ts.tv_nsec >= 1000000000) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000;
	}
	pthread_mutex_lock(&q_lock);
	int rc = pthread_cond_timedwait(&q_cond, &q_lock, &ts);
	clock_gettime(CLOCK_REALTIME, &ts);
	uint64_t after = (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
	CHECK(rc == ETIMEDOUT && after >= before + 20000000u,
	      "timedwait of 20 ms: ETIMEDOUT, not before the deadline");
	CHECK(pthread_mutex_unlock(&q_lock) == 0, "and holds the mutex again");
	ts.tv_nsec = 1000000000;
	pthread_mutex_lock(&q_lock);
	CHECK(pthread_cond_timedwait(&q_cond, &q_lock, &ts) == EINVAL,
	      "a tv_nsec of 10^9 is EINVAL");
	pthread_mutex_unlock(&q_lock);
	CHECK(pthread_cond_wait(&q_cond, &q_lock) == EPERM, "waiting without the mutex is EPERM");
}

static int once_runs;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void init_once(void)
{
	once_runs++;
}

static pthread_key_t key;
static int destroyed;

static void destroy(void *v)
{
	destroyed += (int)(intptr_t)v;
}

static void *keeper(void *arg)
{
	pthread_once(&once, init_once);
	pthread_setspecific(key, arg);
	sched_yield();
	return pthread_getspecific(key);
}

static void test_once_keys(void)
{
	pthread_t a, b;
	void *ra = 0, *rb = 0;

	CHECK(pthread_key_create(&key, destroy) == 0, "pthread_key_create");
	pthread_setspecific(key, (void *)1000);
	pthread_create(&a, 0, keeper, (void *)1);
	pthread_create(&b, 0, keeper, (void *)2);
	pthread_join(a, &ra);
	pthread_join(b, &rb);
	CHECK((intptr_t)ra == 1 && (intptr_t)rb == 2 &&
	      pthread_getspecific(key) == (void *)1000, "each thread keeps its own value");
	CHECK(destroyed == 3, "destructors ran at each thread's end (%d)", destroyed);
	CHECK(once_runs == 1, "pthread_once ran its routine once (%d)", once_runs);
	CHECK(pthread_key_delete(key) == 0 && pthread_setspecific(key, 0) == EINVAL,
	      "a deleted key is EINVAL");
}

void test_pthreads(void)
{
	test_create_join();
	test_exit_detach_attr();
	test_mutex_types();
	test_cond();
	test_once_keys();
}
