/* Pipes: a buffer read from the front and written at the back. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ramfs_internal.h"

struct ramfs_node *ramfs_pipe_new(struct ramfs *fs)
{
	return ramfs_node_new(fs, RAMFS_PIPE, 0600);
}

void ramfs_pipe_ends(struct ramfs_node *p, int readers, int writers)
{
	p->readers += (unsigned)readers;
	p->writers += (unsigned)writers;
}

unsigned ramfs_pipe_readers(const struct ramfs_node *p)
{
	return p->readers;
}

unsigned ramfs_pipe_writers(const struct ramfs_node *p)
{
	return p->writers;
}

long ramfs_pipe_read(struct ramfs_node *p, void *buf, size_t len)
{
	size_t size = p->u.file.size;

	if (len > size)
		len = size;
	if (len == 0)
		return 0;
	memcpy(buf, p->u.file.data, len);
	memmove(p->u.file.data, p->u.file.data + len, size - len);
	p->u.file.size = size - len;
	return (long)len;
}

long ramfs_pipe_write(struct ramfs *fs, struct ramfs_node *p, const void *buf, size_t len)
{
	size_t size = p->u.file.size;

	if (!p->u.file.data) {
		/* Full size at once: a pipe is small and never moves again. */
		p->u.file.data = malloc(RAMFS_PIPE_MAX);
		if (!p->u.file.data)
			return -ENOMEM;
		p->u.file.cap = RAMFS_PIPE_MAX;
	}
	if (len > RAMFS_PIPE_MAX - size)
		len = RAMFS_PIPE_MAX - size;
	memcpy(p->u.file.data + size, buf, len);
	p->u.file.size = size + len;
	p->mtime = ramfs_now(fs);
	return (long)len;
}
