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
#include <stddef.h>

#include "ramfs.h"

#define FD_MAX 64

struct stat;
struct fs_dirent;
struct fd_file;

/* poll's event bits (Linux's values). */
#define FD_POLLIN 0x001
#define FD_POLLOUT 0x004
#define FD_POLLERR 0x008
#define FD_POLLHUP 0x010

/* An open file that is not a ramfs node (a file on a mounted filesystem,
 * a socket) is an object behind these operations; each returns what the
 * system call would, or a negative errno. The file layer checks the
 * descriptor and its access mode before calling, and cuts len to LONG_MAX;
 * the object keeps f->pos if it has a position. An operation left NULL
 * fails as POSIX says for a file that cannot do it. */
struct file_ops {
	long (*read)(struct fd_file *f, void *buf, size_t len);
	long (*write)(struct fd_file *f, const void *buf, size_t len);
	/* The last descriptor is gone: frees obj; its error is close's. */
	int (*close)(struct fd_file *f);
	int (*fstat)(struct fd_file *f, struct stat *st);
	long (*lseek)(struct fd_file *f, long offset, int whence);  /* -ESPIPE */
	long (*pread)(struct fd_file *f, void *buf, size_t len, long off);  /* -ESPIPE */
	long (*pwrite)(struct fd_file *f, const void *buf, size_t len, long off);
	int (*fsync)(struct fd_file *f);                            /* -EINVAL */
	int (*ftruncate)(struct fd_file *f, long length);           /* -EINVAL */
	/* The next directory entry in *out: 1, or 0 at the end. -ENOTDIR. */
	int (*getdents)(struct fd_file *f, struct fs_dirent *out);
	/* Which of events (FD_POLL*) are ready now, with FD_POLLERR and
	 * FD_POLLHUP whether asked or not; NULL: all of events. Whoever
	 * makes an object ready calls fs_wake, which wakes fs_wait. */
	int (*poll)(struct fd_file *f, int events);
	/* After F_SETFL changed f->flags (so the object may follow), and for
	 * commands fcntl does not know (-EINVAL); NULL: nothing to do. */
	int (*fcntl)(struct fd_file *f, int cmd, long arg);
};

struct fd_file {
	struct ramfs_node *node;    /* NULL for an ops file */
	const struct file_ops *ops; /* NULL for a ramfs node */
	void *obj;                  /* the ops file's own state */
	int flags;                  /* as given to open, F_SETFL changes some */
	long pos;                   /* a directory's: the next entry index */
	unsigned refs;              /* descriptors sharing it */
};

/* The lowest free descriptor, or -EMFILE. */
int fd_lowest_free(void);

/* The lowest free descriptor, now holding node, or -EMFILE / -ENOMEM. */
int fd_install(struct ramfs_node *node, int flags);

/* The lowest free descriptor, now holding an ops file on obj (which the
 * ops' close frees once installed), or -EMFILE / -ENOMEM; flags as open
 * takes them (the access mode and O_NONBLOCK, O_APPEND, O_CLOEXEC). */
int fd_install_ops(const struct file_ops *ops, void *obj, int flags);

/* Which of events (FD_POLL*) f is ready for now: ops files ask their
 * object; pipes tell, files and directories are always ready, the console
 * is always writable (its input is not known without blocking). */
int fd_poll(struct fd_file *f, int events);

/* Moves f's position as lseek does, for a file of size bytes: the new
 * position, -EINVAL (a bad whence, or before 0) or -EOVERFLOW. */
long fd_seek(struct fd_file *f, long offset, int whence, long size);

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

/* Frees fd, and the open file with its last descriptor; -EBADF, or the
 * error of an ops file's close. */
int fd_remove(int fd);

/* Closes every descriptor. */
void fd_close_all(void);

/* Provided by the kernel (faked by the tests): wakes whoever waits for a
 * pipe to change, after an end closes. */
void fs_wake(void);

#endif
