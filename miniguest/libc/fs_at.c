/* Paths relative to a directory descriptor, for the *at calls. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>

#include "fs_internal.h"
#include "fs_ops.h"

int fs_at(int dirfd, const char *path, char *buf, size_t size, const char **out)
{
	struct fd_file *f;
	size_t at, len;
	int rc;

	*out = path;
	if (!path || path[0] == '/' || path[0] == '\0' || dirfd == AT_FDCWD)
		return 0;
	f = fs_file(dirfd);
	if (!f)
		return -EBADF;
	if (f->ops || ramfs_type(f->node) != RAMFS_DIR)
		return -ENOTDIR;
	rc = ramfs_dir_path(fs_tree(), f->node, buf, size);
	if (rc < 0)
		return rc == -ERANGE ? -ENAMETOOLONG : rc;
	at = strlen(buf);
	len = strlen(path);
	if (len + 2 > size - at)
		return -ENAMETOOLONG;
	buf[at] = '/';
	memcpy(buf + at + 1, path, len + 1);
	*out = buf;
	return 0;
}
