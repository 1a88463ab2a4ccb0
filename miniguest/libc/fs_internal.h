/* What the files of the file layer (fs_*.c) share among themselves. */
#ifndef MINIGUEST_FS_INTERNAL_H
#define MINIGUEST_FS_INTERNAL_H

#include "fd.h"
#include "ramfs.h"

/* The tree (made on first use), NULL only when out of memory. */
struct ramfs *fs_tree(void);

/* The open file behind fd, or NULL. */
struct fd_file *fs_file(int fd);

/* mode's permission bits less the umask. */
unsigned fs_masked(unsigned mode);

/* A pipe has bytes or no writer left; room or no reader left (fs_poll.c). */
int fs_pipe_readable(struct ramfs_node *p);
int fs_pipe_writable(struct ramfs_node *p);

long fs_pipe_read(struct fd_file *f, void *buf, size_t len);
long fs_pipe_write(struct fd_file *f, const void *buf, size_t len);

#endif
