/* miniguest's cooperative threads: sleeping, waking and wait queues. */
#include "kernel/thread.h"
#include "kernel/time.h"

#include "../check.h"
#include "libc_test.h"

static struct waitqueue ready_q;
static volatile int ready, order[4], steps;

static void sleeper(void *arg)
{
	thread_sleep_ns((uint64_t)(uintptr_t)arg * 1000000u);
	order[steps++] = (int)(uintptr_t)arg;
}

static void waiter(void *arg)
{
	(void)arg;
	wait_until(&ready_q, ready);
	order[steps++] = 100;
}

void test_threads(void)
{
	steps = 0;              /* a second run starts afresh */
	ready = 0;
	CHECK(thread_create("sleep-30", sleeper, (void *)30, 16384) &&
	      thread_create("sleep-10", sleeper, (void *)10, 16384) &&
	      thread_create("waiter", waiter, 0, 16384), "three threads start");
	thread_sleep_ns(50 * 1000000u);
	CHECK(steps == 2 && order[0] == 10 && order[1] == 30,
	      "sleepers wake in deadline order (%d, %d)", order[0], order[1]);
	ready = 1;
	waitq_wake_all(&ready_q);
	thread_yield();
	CHECK(steps == 3 && order[2] == 100, "a wait queue wakes its waiter");

	/* A sleep whose deadline has passed before the switch, with another
	 * thread waiting to run: each must run once, the queue intact. */
	steps = 0;
	CHECK(thread_create("sleep-0", sleeper, (void *)0, 16384) != NULL, "a fourth thread");
	thread_sleep_ns(0);
	thread_sleep_ns(1000000);
	CHECK(steps == 1 && order[0] == 0, "a zero sleep yields and everyone runs once (%d)",
	      steps);
}
