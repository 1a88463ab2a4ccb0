/* pread and pwrite: a transfer at an offset, the position untouched. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>

#include "fs_internal.h"
#include "fs_ops.h"

/* The file behind fd if it can be read (write) at an offset. */
static int seekable(int fd, int forbidden, long off, struct fd_file **out)
{
	struct fd_file *f = fs_file(fd);

	if (!f || (f->flags & O_ACCMODE) == forbidden)
		return -EBADF;
	if (f->ops ? (forbidden == O_WRONLY ? !f->ops->pread : !f->ops->pwrite)
		   : ramfs_type(f->node) == RAMFS_CONSOLE || ramfs_type(f->node) == RAMFS_PIPE)
		return -ESPIPE;
	if (off < 0)
		return -EINVAL;
	*out = f;
	return 0;
}

long fs_pread(int fd, void *buf, size_t len, long off)
{
	struct fd_file *f;
	int rc = seekable(fd, O_WRONLY, off, &f);

	if (rc < 0)
		return rc;
	if (f->ops)
		return f->ops->pread(f, buf, len > LONG_MAX ? LONG_MAX : len, off);
	return ramfs_read(f->node, buf, len > LONG_MAX ? LONG_MAX : len, (size_t)off);
}

long fs_pwrite(int fd, const void *buf, size_t len, long off)
{
	struct fd_file *f;
	int rc = seekable(fd, O_RDONLY, off, &f);

	if (rc < 0)
		return rc;
	if (f->ops)
		return f->ops->pwrite(f, buf, len > LONG_MAX ? LONG_MAX : len, off);
	return ramfs_write(fs_tree(), f->node, buf, len > LONG_MAX ? LONG_MAX : len, (size_t)off);
}
