/* The file half of the system-call layer, with POSIX meanings but plain
 * return values: each returns what the system call would, or a negative
 * errno instead of setting errno. syscalls_fs.c turns them into the
 * functions newlib calls; the unit tests call them directly.
 *
 * Descriptors 0, 1 and 2 are the console, opened read-write, and so is any
 * descriptor opened on /dev/console: reads and writes go to
 * console_read/console_write (console_io.h), seeking is -ESPIPE and they
 * are the only descriptors for which fs_isatty answers 1. */
#ifndef MINIGUEST_FS_OPS_H
#define MINIGUEST_FS_OPS_H

#include <fcntl.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>
#include <time.h>

#include "ramfs.h"

/* Provided by the kernel (faked by the tests): the time to stamp on
 * changes, in seconds since the epoch. */
long fs_now(void);

/* dirent d_type values (the usual ones). */
#define FS_DT_FIFO 1
#define FS_DT_CHR 2
#define FS_DT_DIR 4
#define FS_DT_REG 8
#define FS_DT_LNK 10

struct fs_dirent {
	unsigned long ino;
	unsigned char type;             /* FS_DT_* */
	char name[RAMFS_NAME_MAX + 1];
};

/* Starts afresh: a tree holding /dev/console, descriptors 0-2 on it, then
 * what the cpio archive holds (none when len is 0). Returns as
 * ramfs_load_cpio: the number of entries skipped, or an error with the
 * offset in stats (which may be NULL); after an archive error the console
 * and what loaded before it still work. Only -ENOMEM before the archive
 * leaves nothing. If it was never called, the first call of any function
 * below calls fs_init(NULL, 0, NULL). */
int fs_init(const void *cpio, size_t len, struct ramfs_load_stats *stats);

/* Closes every descriptor and frees the tree (for tests). */
void fs_shutdown(void);

/* flags: O_RDONLY, O_WRONLY or O_RDWR, with O_CREAT, O_EXCL, O_TRUNC,
 * O_APPEND, O_DIRECTORY, O_NONBLOCK, O_CLOEXEC, O_NOFOLLOW (-ELOOP for a
 * link in the last component; others are kept for
 * F_GETFL but do nothing). mode: permission bits for a new file, less the
 * umask. Returns the lowest free descriptor. */
int fs_open(const char *path, int flags, unsigned mode);
long fs_read(int fd, void *buf, size_t len);
long fs_write(int fd, const void *buf, size_t len);
long fs_lseek(int fd, long offset, int whence);
int fs_close(int fd);
int fs_ftruncate(int fd, long length);
int fs_fstat(int fd, struct stat *st);
int fs_stat(const char *path, struct stat *st);
int fs_lstat(const char *path, struct stat *st);   /* a link itself */
int fs_unlink(const char *path);
int fs_mkdir(const char *path, unsigned mode);
int fs_rmdir(const char *path);
int fs_rename(const char *from, const char *to);
int fs_link(const char *from, const char *to);
int fs_isatty(int fd);              /* 1, -ENOTTY or -EBADF */

/* The one user that owns every file; what getuid and stat answer. */
#define FS_UID 1000
#define FS_GID 1000

/* At offset off, the position untouched (fs_pio.c); -ESPIPE for the
 * console and pipes. */
long fs_pread(int fd, void *buf, size_t len, long off);
long fs_pwrite(int fd, const void *buf, size_t len, long off);

/* Metadata (fs_meta.c). times: access then modification, as utimensat
 * takes them (NULL: both now). fs_access checks the owner's bits, the
 * user owning everything. */
int fs_chmod(const char *path, unsigned mode);
int fs_fchmod(int fd, unsigned mode);
int fs_chown(const char *path, long uid, long gid);  /* -1: unchanged */
int fs_fchown(int fd, long uid, long gid);
int fs_utimens(const char *path, const struct timespec times[2]);
int fs_futimens(int fd, const struct timespec times[2]);
int fs_access(const char *path, int mode);
int fs_truncate(const char *path, long length);
int fs_fsync(int fd);                   /* -EINVAL for console and pipes */
unsigned fs_umask(unsigned mask);       /* returns the old one; 022 at first */
int fs_chdir(const char *path);
int fs_fchdir(int fd);
int fs_getcwd(char *buf, size_t size);

/* The path the *at calls mean by (dirfd, path): path itself when it is
 * absolute, empty, or dirfd is AT_FDCWD; otherwise dirfd's directory's
 * path joined to it, in buf (-EBADF, -ENOTDIR, -ENOENT for a removed
 * directory, -ENAMETOOLONG). */
int fs_at(int dirfd, const char *path, char *buf, size_t size, const char **out);

/* Symbolic links (fs_symlink.c), as symlink, readlink and realpath:
 * fs_readlink returns the bytes copied (no NUL; a longer target is cut to
 * size), -EINVAL for a path that is not a link. fs_realpath: -ERANGE when
 * the result does not fit size bytes. */
int fs_symlink(const char *target, const char *path);
long fs_readlink(const char *path, char *buf, size_t size);
int fs_realpath(const char *path, char *buf, size_t size);

/* Descriptors (fs_fcntl.c): as dup, dup2 and fcntl, the argument of
 * F_DUPFD, F_SETFD and F_SETFL in arg. Locks have one process's meaning:
 * F_SETLK and F_SETLKW always succeed once checked, F_GETLK always
 * answers F_UNLCK (only another process could hold a conflicting lock). */
int fs_dup(int fd);
int fs_dup2(int from, int to);
int fs_fcntl(int fd, int cmd, long arg);
int fs_lock(int fd, int cmd, struct flock *l);

/* A pipe within the program (fs_pipe.c): fds[0] reads, fds[1] writes.
 * flags: O_NONBLOCK and O_CLOEXEC, as pipe2 takes them. Reading an empty
 * pipe gives 0 (end of file) once no writer is left, -EAGAIN if
 * non-blocking, else waits (fs_wait) for a writer; writing with no reader
 * left is -EPIPE, and a full pipe waits or is -EAGAIN likewise. */
int fs_pipe(int fds[2], int flags);

/* Provided by the kernel (faked by the tests): waits until ready(arg),
 * letting other threads run. */
void fs_wait(int (*ready)(void *), void *arg);
/* The same until the system time deadline (ns; 0: none, 1: no wait);
 * whether ready answered nonzero. */
bool fs_wait_until(int (*ready)(void *), void *arg, uint64_t deadline);

/* Directory streams are descriptors too (they count against FD_MAX):
 * fs_opendir returns one, fs_readdir gives 1 and the next entry ("." and
 * ".." first), or 0 at the end; fs_lseek(fd, 0, SEEK_SET) rewinds. */
int fs_opendir(const char *path);
int fs_readdir(int fd, struct fs_dirent *out);
int fs_closedir(int fd);

#endif
