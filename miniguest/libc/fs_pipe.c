/* Pipes within the program: two descriptors on one buffer. */
#include <errno.h>
#include <fcntl.h>

#include "fs_internal.h"
#include "fs_ops.h"

int fs_pipe(int fds[2], int flags)
{
	struct ramfs *fs = fs_tree();
	struct ramfs_node *p;
	int extra = flags & (O_NONBLOCK | O_CLOEXEC);

	if (flags & ~(O_NONBLOCK | O_CLOEXEC))
		return -EINVAL;
	if (!fs)
		return -ENOMEM;
	p = ramfs_pipe_new(fs);
	if (!p)
		return -ENOMEM;
	/* A hold while the ends are made, so that a failure frees it. */
	ramfs_hold(p);
	fds[0] = fd_install(p, O_RDONLY | extra);
	fds[1] = fds[0] < 0 ? fds[0] : fd_install(p, O_WRONLY | extra);
	ramfs_release(p);
	if (fds[1] < 0) {
		if (fds[0] >= 0)
			fd_remove(fds[0]);
		return fds[1];
	}
	return 0;
}

static int readable(void *arg)
{
	return fs_pipe_readable(arg);
}

static int writable(void *arg)
{
	return fs_pipe_writable(arg);
}

long fs_pipe_read(struct fd_file *f, void *buf, size_t len)
{
	long n;

	if (len == 0)
		return 0;
	if (!readable(f->node)) {
		if (f->flags & O_NONBLOCK)
			return -EAGAIN;
		fs_wait(readable, f->node);
	}
	n = ramfs_pipe_read(f->node, buf, len);
	if (n > 0)
		fs_wake();
	return n;
}

/* Writes all of buf, waiting for room as needed, unless non-blocking
 * (then as much as fits, or -EAGAIN for none). */
long fs_pipe_write(struct fd_file *f, const void *buf, size_t len)
{
	const char *p = buf;
	size_t done = 0;
	long n;

	while (done < len) {
		if (ramfs_pipe_readers(f->node) == 0)
			return done ? (long)done : -EPIPE;
		n = ramfs_pipe_write(fs_tree(), f->node, p + done, len - done);
		if (n < 0)
			return done ? (long)done : n;
		if (n > 0)
			fs_wake();
		done += (size_t)n;
		if (done == len)
			break;
		if (f->flags & O_NONBLOCK)
			return done ? (long)done : -EAGAIN;
		fs_wait(writable, f->node);
	}
	return (long)done;
}
