/* What an open file is ready for, as poll and select ask. */
#include <fcntl.h>

#include "fd.h"
#include "fs_internal.h"

int fs_pipe_readable(struct ramfs_node *p)
{
	struct ramfs_info i;

	ramfs_info(p, &i);
	return i.size > 0 || ramfs_pipe_writers(p) == 0;
}

int fs_pipe_writable(struct ramfs_node *p)
{
	struct ramfs_info i;

	ramfs_info(p, &i);
	return i.size < RAMFS_PIPE_MAX || ramfs_pipe_readers(p) == 0;
}

/* A pipe end: its reader sees the end of the writers as a hang-up, its
 * writer the end of the readers as an error (EPIPE). */
static int pipe_ready(struct fd_file *f, int events)
{
	int acc = f->flags & O_ACCMODE, ready = 0;

	if (acc != O_WRONLY && fs_pipe_readable(f->node))
		ready |= events & FD_POLLIN;
	if (acc != O_WRONLY && ramfs_pipe_writers(f->node) == 0)
		ready |= FD_POLLHUP;
	if (acc != O_RDONLY && fs_pipe_writable(f->node))
		ready |= events & FD_POLLOUT;
	if (acc != O_RDONLY && ramfs_pipe_readers(f->node) == 0)
		ready |= FD_POLLERR;
	return ready;
}

int fd_poll(struct fd_file *f, int events)
{
	if (f->ops)
		return f->ops->poll ? f->ops->poll(f, events) : events;
	switch (ramfs_type(f->node)) {
	case RAMFS_PIPE:
		return pipe_ready(f, events);
	case RAMFS_CONSOLE:
		return events & FD_POLLOUT;
	default:
		return events;
	}
}
