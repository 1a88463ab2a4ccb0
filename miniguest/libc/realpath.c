/* realpath: with no symbolic links, a path's canonical form is its
 * absolute form with "." and ".." resolved by name, once the path itself
 * is known to lead somewhere (which checks every component, so that
 * "file/.." fails as it should). */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fs_ops.h"
#include "path.h"
#include "syscall_ret.h"

/* resolved, when given, has room for PATH_MAX bytes, as POSIX says. */
char *realpath(const char *path, char *resolved)
{
	char joined[2 * PATH_LEN_MAX], *out = resolved;
	struct stat st;
	size_t at = 0;
	int rc = path ? fs_stat(path, &st) : -EINVAL;

	if (rc == 0 && path[0] != '/') {
		rc = fs_getcwd(joined, PATH_LEN_MAX);
		at = strlen(joined);
		joined[at++] = '/';
	}
	if (rc == 0 && strlen(path) >= sizeof(joined) - at)
		rc = -ENAMETOOLONG;
	if (rc == 0 && !out && !(out = malloc(PATH_MAX)))
		rc = -ENOMEM;
	if (rc == 0) {
		strcpy(joined + at, path);
		rc = path_clean(joined, out, PATH_MAX < PATH_LEN_MAX ? PATH_MAX : PATH_LEN_MAX);
	}
	if (rc < 0) {
		if (out != resolved)
			free(out);
		mg_ret(rc);
		return NULL;
	}
	return out;
}
