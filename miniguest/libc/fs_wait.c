/* The file layer's waits on the kernel's threads: a pipe's reader or
 * writer sleeps until another thread changes the pipe. A program whose
 * only thread waits on its own pipe waits forever, as POSIX has it; the
 * domain then idles, blocked in the hypervisor. */
#include "fd.h"
#include "fs_ops.h"
#include "kernel/thread.h"
#include "kernel/time.h"

static struct waitqueue pipe_waiters;
static unsigned wakes;          /* fs_wake calls: one during ready() counts */

void fs_wait(int (*ready)(void *), void *arg)
{
	fs_wait_until(ready, arg, 0);
}

bool fs_wait_until(int (*ready)(void *), void *arg, uint64_t deadline)
{
	for (;;) {
		unsigned mask = events_mask_save(), seen = wakes;
		bool done = ready(arg);

		if (done || (deadline && time_now_ns() >= deadline)) {
			events_restore(mask);
			return done;
		}
		/* ready() may have slept (a socket's lock); a wake meanwhile
		 * means asking again at once. */
		if (seen == wakes)
			waitq_block_until(&pipe_waiters, deadline);
		events_restore(mask);
	}
}

void fs_wake(void)
{
	wakes++;
	waitq_wake_all(&pipe_waiters);
}
