/* The file-descriptor table: small integers naming open files.
 *
 * An open file (its position and status flags) may have several
 * descriptors, made by dup, dup2 and F_DUPFD, which share it as POSIX
 * says; close-on-exec belongs to the descriptor. An open file holds its
 * node so that it stays readable when unlinked, and counts as an end of a
 * pipe. */
#ifndef MINIGUEST_FD_H
#define MINIGUEST_FD_H

#include <stdbool.h>

#include "ramfs.h"

#define FD_MAX 64

struct fd_file {
	struct ramfs_node *node;
	int flags;                  /* as given to open, F_SETFL changes some */
	long pos;                   /* a directory's: the next entry index */
	unsigned refs;              /* descriptors sharing it */
};

/* The lowest free descriptor, or -EMFILE. */
int fd_lowest_free(void);

/* The lowest free descriptor, now holding node, or -EMFILE / -ENOMEM. */
int fd_install(struct ramfs_node *node, int flags);

/* The open file behind fd, or NULL for a bad or closed descriptor. */
struct fd_file *fd_get(int fd);

/* The lowest free descriptor at or above min sharing fd's open file;
 * -EBADF, -EINVAL (min out of range) or -EMFILE. */
int fd_dup(int fd, int min);

/* Makes to share from's open file, closing what to had first; -EBADF. */
int fd_dup2(int from, int to);

/* A descriptor's close-on-exec flag (there is no exec, but it is kept). */
int fd_cloexec(int fd);                     /* 0 or 1; -EBADF */
int fd_set_cloexec(int fd, bool on);        /* -EBADF */

/* Frees fd, and the open file with its last descriptor; -EBADF. */
int fd_remove(int fd);

/* Closes every descriptor. */
void fd_close_all(void);

/* Provided by the kernel (faked by the tests): wakes whoever waits for a
 * pipe to change, after an end closes. */
void fs_wake(void);

#endif
