/* Resource limits: what the domain really allows. Each is a property of
 * the system (the descriptor table, the heap region, the main thread's
 * stack, the ramfs's file size), so the hard limit can never be raised;
 * a lower soft or hard limit is kept and read back, but only the system's
 * own limit is enforced. */
#include <errno.h>
#include <sys/resource.h>
#include <unistd.h>

#include "fd.h"
#include "kernel/layout.h"
#include "ramfs.h"
#include "syscall_ret.h"

static struct rlimit limits[RLIM_NLIMITS];
static int known;

static void first_use(void)
{
	if (known)
		return;
	known = 1;
	for (int i = 0; i < RLIM_NLIMITS; i++)
		limits[i] = (struct rlimit){ RLIM_INFINITY, RLIM_INFINITY };
	limits[RLIMIT_FSIZE] = (struct rlimit){ RAMFS_FILE_MAX, RAMFS_FILE_MAX };
	limits[RLIMIT_DATA] = (struct rlimit){ MG_HEAP_END - MG_HEAP_START,
					       MG_HEAP_END - MG_HEAP_START };
	limits[RLIMIT_AS] = limits[RLIMIT_DATA];
	limits[RLIMIT_STACK] = (struct rlimit){ MG_MAIN_STACK_SIZE, MG_MAIN_STACK_SIZE };
	limits[RLIMIT_CORE] = (struct rlimit){ 0, 0 };
	limits[RLIMIT_NOFILE] = (struct rlimit){ FD_MAX, FD_MAX };
}

int getrlimit(int resource, struct rlimit *r)
{
	if (resource < 0 || resource >= RLIM_NLIMITS)
		return (int)mg_ret(-EINVAL);
	first_use();
	*r = limits[resource];
	return 0;
}

int setrlimit(int resource, const struct rlimit *r)
{
	if (resource < 0 || resource >= RLIM_NLIMITS || r->rlim_cur > r->rlim_max)
		return (int)mg_ret(-EINVAL);
	first_use();
	if (r->rlim_max > limits[resource].rlim_max)
		return (int)mg_ret(-EPERM);
	limits[resource] = *r;
	return 0;
}

int getpagesize(void)
{
	return PAGE_SIZE;
}
