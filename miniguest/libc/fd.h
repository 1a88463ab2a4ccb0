/* The file-descriptor table: small integers naming open files.
 *
 * Each descriptor has its own position and flags (there is no dup, so no
 * sharing), and holds its node so that it stays readable when unlinked. */
#ifndef MINIGUEST_FD_H
#define MINIGUEST_FD_H

#include "ramfs.h"

#define FD_MAX 64

struct fd_file {
	struct ramfs_node *node;    /* NULL while the descriptor is free */
	int flags;                  /* as given to open */
	long pos;                   /* a directory's: the next entry index */
};

/* The lowest free descriptor, or -EMFILE. */
int fd_lowest_free(void);

/* The lowest free descriptor, now holding node, or -EMFILE. */
int fd_install(struct ramfs_node *node, int flags);

/* The open file behind fd, or NULL for a bad or closed descriptor. */
struct fd_file *fd_get(int fd);

/* Frees fd and lets go of its node; -EBADF. */
int fd_remove(int fd);

/* Closes every descriptor. */
void fd_close_all(void);

#endif
