/* What the system is: sysconf, pathconf, uname, gethostname, getrusage,
 * getppid. */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "fd.h"
#include "kernel/frames.h"
#include "kernel/time.h"
#include "fs_ops.h"
#include "ramfs.h"
#include "syscall_ret.h"

#define PAGE_BYTES 4096

/* The domain's name is not known to the program: every one is this. */
static const char hostname[] = "miniguest";

long sysconf(int name)
{
	switch (name) {
	case _SC_PAGESIZE: return PAGE_BYTES;
	case _SC_OPEN_MAX: return FD_MAX;
	case _SC_CLK_TCK: return CLOCKS_PER_SEC;
	case _SC_NPROCESSORS_CONF:
	case _SC_NPROCESSORS_ONLN: return 1;
	case _SC_ARG_MAX: return ARG_MAX;
	case _SC_CHILD_MAX: return 1;
	case _SC_HOST_NAME_MAX: return _UTSNAME_LENGTH - 1;
	case _SC_LINE_MAX: return LINE_MAX;
	case _SC_NGROUPS_MAX: return 1;
	case _SC_PHYS_PAGES: return (long)frames_total();
	case _SC_AVPHYS_PAGES: return (long)frames_free_count();
	case _SC_VERSION: return 200809L;
	case _SC_SYMLOOP_MAX: return RAMFS_SYMLOOP_MAX;
	default: return mg_ret(-EINVAL);
	}
}

/* The same for every file: the ramfs's limits. */
static long limit(int name)
{
	switch (name) {
	case _PC_LINK_MAX: return LONG_MAX;
	case _PC_NAME_MAX: return RAMFS_NAME_MAX;
	case _PC_PATH_MAX: return RAMFS_PATH_MAX;
	case _PC_PIPE_BUF: return PIPE_BUF;
	case _PC_NO_TRUNC: return 1;
	case _PC_CHOWN_RESTRICTED: return 1;
	case _PC_MAX_CANON:
	case _PC_MAX_INPUT: return 255;
	case _PC_VDISABLE: return 0;
	case _PC_FILESIZEBITS: return 32;
	case _PC_2_SYMLINKS: return 1;
	case _PC_SYMLINK_MAX: return RAMFS_PATH_MAX - 1;
	default: return -EINVAL;
	}
}

long pathconf(const char *path, int name)
{
	struct stat st;
	int rc = fs_stat(path, &st);

	return mg_ret(rc < 0 ? rc : limit(name));
}

long fpathconf(int fd, int name)
{
	struct stat st;
	int rc = fs_fstat(fd, &st);

	return mg_ret(rc < 0 ? rc : limit(name));
}

int uname(struct utsname *u)
{
	memset(u, 0, sizeof(*u));
	strcpy(u->sysname, "miniguest");
	strcpy(u->nodename, hostname);
	strcpy(u->release, "1.0");
	strcpy(u->version, "ringlet pv32pae guest");
	strcpy(u->machine, "i686");
	return 0;
}

int gethostname(char *name, size_t len)
{
	if (len < sizeof(hostname))
		return (int)mg_ret(-ENAMETOOLONG);
	memcpy(name, hostname, sizeof(hostname));
	return 0;
}

/* The vCPU's running time is all user time (as times() counts it); there
 * are no children. */
int getrusage(int who, struct rusage *r)
{
	uint64_t us;

	if (who != RUSAGE_SELF && who != RUSAGE_CHILDREN)
		return (int)mg_ret(-EINVAL);
	memset(r, 0, sizeof(*r));
	if (who == RUSAGE_CHILDREN)
		return 0;
	us = time_running_ns() / 1000u;
	r->ru_utime.tv_sec = (time_t)(us / 1000000u);
	r->ru_utime.tv_usec = (suseconds_t)(us % 1000000u);
	return 0;
}

/* The program is the domain's first and only process: nothing made it. */
pid_t getppid(void)
{
	return 0;
}
