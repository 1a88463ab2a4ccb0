/* newlib's process calls. A domain is one process: pid 1, no children
 * (signals: signal.c). */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <sys/types.h>
#include <unistd.h>

#include "kernel/heap.h"
#include "kernel/shutdown.h"
#include "kernel/printk.h"
#include "mount.h"

/* Weak: a program without sockets links no lwIP (net_start.c). */
__attribute__((weak)) void net_drain(void);

/* After stdio's last flush: TCP sends what the connections still owe,
 * the mounts' files are written out and the devices flushed, so that
 * the peers get all and the disks are left clean. */
void _exit(int status)
{
	if (net_drain)
		net_drain();
	int rc = mount_remove_all();

	if (rc < 0)
		printk("miniguest: unmounting at exit failed: error %d\n", -rc);
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
