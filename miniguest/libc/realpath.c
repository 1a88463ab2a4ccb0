/* realpath: the path of what a path leads to, links followed, with no
 * ".", ".." or link left in it (the ramfs finds it: ramfs_realpath). */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>

#include "fs_ops.h"
#include "syscall_ret.h"

/* resolved, when given, has room for PATH_MAX bytes, as POSIX says. */
char *realpath(const char *path, char *resolved)
{
	char *out = resolved ? resolved : malloc(PATH_MAX);
	int rc = path ? 0 : -EINVAL;

	if (rc == 0 && !out)
		rc = -ENOMEM;
	if (rc == 0)
		rc = fs_realpath(path, out, PATH_MAX);
	if (rc == -ERANGE)
		rc = -ENAMETOOLONG;
	if (rc < 0) {
		if (out != resolved)
			free(out);
		mg_ret(rc);
		return NULL;
	}
	return out;
}
