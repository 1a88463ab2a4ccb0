/* dup, dup2 and fcntl: descriptors, their flags, and advisory locks. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <sys/stat.h>

#include "fs_internal.h"
#include "fs_ops.h"

/* The status flags F_SETFL may change; the others stay as open set them. */
#define SETTABLE_FLAGS (O_APPEND | O_NONBLOCK)

int fs_dup(int fd)
{
	return fs_file(fd) ? fd_dup(fd, 0) : -EBADF;
}

int fs_dup2(int from, int to)
{
	return fs_file(from) ? fd_dup2(from, to) : -EBADF;
}

int fs_fcntl(int fd, int cmd, long arg)
{
	struct fd_file *f = fs_file(fd);
	int to, old, rc;

	if (!f)
		return -EBADF;
	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		to = fd_dup(fd, arg < 0 || arg > INT_MAX ? -1 : (int)arg);
		if (to >= 0 && cmd == F_DUPFD_CLOEXEC)
			fd_set_cloexec(to, true);
		return to;
	case F_GETFD:
		return fd_cloexec(fd) ? FD_CLOEXEC : 0;
	case F_SETFD:
		return fd_set_cloexec(fd, (arg & FD_CLOEXEC) != 0);
	case F_GETFL:
		return f->flags;
	case F_SETFL:
		old = f->flags;
		f->flags = (f->flags & ~SETTABLE_FLAGS) | ((int)arg & SETTABLE_FLAGS);
		rc = f->ops && f->ops->fcntl ? f->ops->fcntl(f, cmd, arg) : 0;
		if (rc < 0)
			f->flags = old;
		return rc;
	default:
		return f->ops && f->ops->fcntl ? f->ops->fcntl(f, cmd, arg) : -EINVAL;
	}
}

/* Where the lock would start, as POSIX checks it: a negative start, or
 * a negative length reaching below 0, is -EINVAL. */
static int lock_start(struct fd_file *f, const struct flock *l)
{
	struct ramfs_info i;
	struct stat st;
	long long base;
	int rc;

	switch (l->l_whence) {
	case SEEK_SET: base = 0; break;
	case SEEK_CUR: base = f->pos; break;
	case SEEK_END:
		if (f->ops) {
			rc = f->ops->fstat ? f->ops->fstat(f, &st) : -EINVAL;
			if (rc < 0)
				return rc;
			base = (long long)st.st_size;
		} else {
			ramfs_info(f->node, &i);
			base = (long long)i.size;
		}
		break;
	default: return -EINVAL;
	}
	base += l->l_start;
	if (base < 0 || (l->l_len < 0 && base + l->l_len < 0))
		return -EINVAL;
	return 0;
}

int fs_lock(int fd, int cmd, struct flock *l)
{
	struct fd_file *f = fs_file(fd);
	int acc, rc;

	if (!f)
		return -EBADF;
	if (cmd != F_GETLK && cmd != F_SETLK && cmd != F_SETLKW)
		return -EINVAL;
	if (l->l_type != F_RDLCK && l->l_type != F_WRLCK && l->l_type != F_UNLCK)
		return -EINVAL;
	rc = lock_start(f, l);
	if (rc < 0)
		return rc;
	if (cmd == F_GETLK) {
		l->l_type = F_UNLCK;
		return 0;
	}
	acc = f->flags & O_ACCMODE;
	if ((l->l_type == F_RDLCK && acc == O_WRONLY) || (l->l_type == F_WRLCK && acc == O_RDONLY))
		return -EBADF;
	return 0;
}
