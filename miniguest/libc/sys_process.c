/* newlib's process calls. A domain is one process: pid 1, no children
 * (signals: signal.c). */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <sys/types.h>
#include <unistd.h>

#include "kernel/heap.h"
#include "kernel/shutdown.h"

void _exit(int status)
{
	mg_exit(status);
}

pid_t getpid(void)
{
	return 1;
}

void *sbrk(ptrdiff_t incr)
{
	void *old = heap_sbrk(incr);

	if (!old) {
		errno = ENOMEM;
		return (void *)-1;
	}
	return old;
}

/* What a domain cannot do: these fail with ENOSYS, quietly. */
int fork(void)
{
	errno = ENOSYS;
	return -1;
}

int execve(const char *path, char *const argv[], char *const envp[])
{
	(void)path;
	(void)argv;
	(void)envp;
	errno = ENOSYS;
	return -1;
}

int wait(int *status)
{
	(void)status;
	errno = ENOSYS;
	return -1;
}

/* newlib's start-up and exit run these; constructors use .init_array. */
void _init(void)
{
}

void _fini(void)
{
}
