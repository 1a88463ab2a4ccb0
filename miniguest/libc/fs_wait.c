/* The file layer's waits on the kernel's threads: a pipe's reader or
 * writer sleeps until another thread changes the pipe. A program whose
 * only thread waits on its own pipe waits forever, as POSIX has it; the
 * domain then idles, blocked in the hypervisor. */
#include "fd.h"
#include "fs_ops.h"
#include "kernel/thread.h"

static struct waitqueue pipe_waiters;

void fs_wait(int (*ready)(void *), void *arg)
{
	wait_until(&pipe_waiters, ready(arg));
}

void fs_wake(void)
{
	waitq_wake_all(&pipe_waiters);
}
