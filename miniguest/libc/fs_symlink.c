/* Symbolic links for the system-call layer, over ramfs_symlink.c. */
#include <errno.h>

#include "fs_internal.h"
#include "fs_ops.h"
#include "mount.h"

int fs_symlink(const char *target, const char *path)
{
	struct ramfs *fs = fs_tree();
	int rc = mount_refuse(path);

	if (rc < 0)
		return rc;
	return fs ? ramfs_symlink(fs, target, path) : -ENOMEM;
}

long fs_readlink(const char *path, char *buf, size_t size)
{
	struct ramfs *fs = fs_tree();
	struct ramfs_node *n;
	int rc = mount_refuse(path);

	if (rc == 0)
		rc = fs ? ramfs_lookup_link(fs, path, &n) : -ENOMEM;

	return rc < 0 ? rc : ramfs_readlink(n, buf, size);
}

int fs_realpath(const char *path, char *buf, size_t size)
{
	struct ramfs *fs = fs_tree();
	int rc = mount_refuse(path);

	if (rc < 0)
		return rc;
	return fs ? ramfs_realpath(fs, path, buf, size) : -ENOMEM;
}
