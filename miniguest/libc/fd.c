/* The descriptor table. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#include "fd.h"

static struct {
	struct fd_file *file;       /* NULL while the descriptor is free */
	bool cloexec;
} table[FD_MAX];

static int lowest_from(int min)
{
	for (int fd = min; fd < FD_MAX; fd++)
		if (!table[fd].file)
			return fd;
	return -EMFILE;
}

int fd_lowest_free(void)
{
	return lowest_from(0);
}

/* +1 or -1 for the ends of a pipe an open file is. */
static void count_ends(const struct fd_file *f, int delta)
{
	int acc = f->flags & O_ACCMODE;

	if (!f->node || ramfs_type(f->node) != RAMFS_PIPE)
		return;
	ramfs_pipe_ends(f->node, acc != O_WRONLY ? delta : 0, acc != O_RDONLY ? delta : 0);
	if (delta < 0)
		fs_wake();
}

/* The lowest free descriptor holding a new open file like proto. */
static int install(struct fd_file proto, int flags)
{
	int fd = fd_lowest_free();
	struct fd_file *f;

	if (fd < 0)
		return fd;
	f = malloc(sizeof(*f));
	if (!f)
		return -ENOMEM;
	*f = proto;
	f->flags = flags & ~O_CLOEXEC;
	f->refs = 1;
	if (f->node)
		ramfs_hold(f->node);
	count_ends(f, 1);
	table[fd].file = f;
	table[fd].cloexec = (flags & O_CLOEXEC) != 0;
	return fd;
}

int fd_install(struct ramfs_node *node, int flags)
{
	return install((struct fd_file){ .node = node }, flags);
}

int fd_install_ops(const struct file_ops *ops, void *obj, int flags)
{
	return install((struct fd_file){ .ops = ops, .obj = obj }, flags);
}

long fd_seek(struct fd_file *f, long offset, int whence, long size)
{
	long base;

	switch (whence) {
	case SEEK_SET: base = 0; break;
	case SEEK_CUR: base = f->pos; break;
	case SEEK_END: base = size; break;
	default: return -EINVAL;
	}
	/* base >= 0, so only a positive offset can overflow. */
	if (offset > 0 && base > LONG_MAX - offset)
		return -EOVERFLOW;
	if (base + offset < 0)
		return -EINVAL;
	f->pos = base + offset;
	return f->pos;
}

struct fd_file *fd_get(int fd)
{
	if (fd < 0 || fd >= FD_MAX)
		return NULL;
	return table[fd].file;
}

int fd_dup(int fd, int min)
{
	struct fd_file *f = fd_get(fd);
	int to;

	if (!f)
		return -EBADF;
	if (min < 0 || min >= FD_MAX)
		return -EINVAL;
	to = lowest_from(min);
	if (to >= 0) {
		f->refs++;
		table[to].file = f;
		table[to].cloexec = false;
	}
	return to;
}

int fd_dup2(int from, int to)
{
	struct fd_file *f = fd_get(from);

	if (!f || to < 0 || to >= FD_MAX)
		return -EBADF;
	if (from == to)
		return to;
	/* Taken before the close, which may drop the last other share. */
	f->refs++;
	fd_remove(to);
	table[to].file = f;
	table[to].cloexec = false;
	return to;
}

int fd_cloexec(int fd)
{
	return fd_get(fd) ? table[fd].cloexec : -EBADF;
}

int fd_set_cloexec(int fd, bool on)
{
	if (!fd_get(fd))
		return -EBADF;
	table[fd].cloexec = on;
	return 0;
}

int fd_remove(int fd)
{
	struct fd_file *f = fd_get(fd);
	int rc = 0;

	if (!f)
		return -EBADF;
	table[fd].file = NULL;
	if (--f->refs == 0) {
		count_ends(f, -1);
		if (f->node)
			ramfs_release(f->node);
		else if (f->ops->close)
			rc = f->ops->close(f);
		free(f);
	}
	return rc;
}

void fd_close_all(void)
{
	for (int fd = 0; fd < FD_MAX; fd++)
		fd_remove(fd);
}
