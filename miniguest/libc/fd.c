/* The descriptor table. */
#include <errno.h>

#include "fd.h"

static struct fd_file table[FD_MAX];

int fd_lowest_free(void)
{
	for (int fd = 0; fd < FD_MAX; fd++)
		if (!table[fd].node)
			return fd;
	return -EMFILE;
}

int fd_install(struct ramfs_node *node, int flags)
{
	int fd = fd_lowest_free();

	if (fd >= 0) {
		ramfs_hold(node);
		table[fd] = (struct fd_file){ node, flags, 0 };
	}
	return fd;
}

struct fd_file *fd_get(int fd)
{
	if (fd < 0 || fd >= FD_MAX || !table[fd].node)
		return NULL;
	return &table[fd];
}

int fd_remove(int fd)
{
	struct fd_file *f = fd_get(fd);

	if (!f)
		return -EBADF;
	ramfs_release(f->node);
	f->node = NULL;
	return 0;
}

void fd_close_all(void)
{
	for (int fd = 0; fd < FD_MAX; fd++)
		fd_remove(fd);
}
