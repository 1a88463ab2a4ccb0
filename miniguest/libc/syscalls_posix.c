/* The POSIX file calls beyond newlib's own set, over fs_ops.c (fs_meta.c,
 * fs_fcntl.c, fs_pipe.c, fs_symlink.c). A link has no owner, mode or times
 * of its own here: lchown, lutimes act on what it leads to. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>
#include <utime.h>

#include "fs_ops.h"
#include "syscall_ret.h"

int lstat(const char *path, struct stat *st)
{
	return (int)mg_ret(fs_lstat(path, st));
}

int chmod(const char *path, mode_t mode)
{
	return (int)mg_ret(fs_chmod(path, mode));
}

int fchmod(int fd, mode_t mode)
{
	return (int)mg_ret(fs_fchmod(fd, mode));
}

/* (uid_t)-1 means "unchanged"; uid_t is unsigned here. */
static long id(unsigned long v)
{
	return v == (unsigned short)-1 || v == (unsigned long)-1 ? -1 : (long)v;
}

int chown(const char *path, uid_t uid, gid_t gid)
{
	return (int)mg_ret(fs_chown(path, id(uid), id(gid)));
}

int lchown(const char *path, uid_t uid, gid_t gid)
{
	return chown(path, uid, gid);
}

int fchown(int fd, uid_t uid, gid_t gid)
{
	return (int)mg_ret(fs_fchown(fd, id(uid), id(gid)));
}

int futimens(int fd, const struct timespec times[2])
{
	return (int)mg_ret(fs_futimens(fd, times));
}

/* timevals as timespecs in ts, *out NULL for NULL (both now);
 * -EINVAL for microseconds out of range. */
static int from_timevals(const struct timeval *tv, struct timespec ts[2],
			 const struct timespec **out)
{
	*out = NULL;
	if (!tv)
		return 0;
	for (int i = 0; i < 2; i++) {
		if (tv[i].tv_usec < 0 || tv[i].tv_usec >= 1000000)
			return -EINVAL;
		ts[i].tv_sec = tv[i].tv_sec;
		ts[i].tv_nsec = tv[i].tv_usec * 1000L;
	}
	*out = ts;
	return 0;
}

int utimes(const char *path, const struct timeval tv[2])
{
	struct timespec ts[2];
	const struct timespec *t;
	int rc = from_timevals(tv, ts, &t);

	return (int)mg_ret(rc < 0 ? rc : fs_utimens(path, t));
}

int futimes(int fd, const struct timeval tv[2])
{
	struct timespec ts[2];
	const struct timespec *t;
	int rc = from_timevals(tv, ts, &t);

	return (int)mg_ret(rc < 0 ? rc : fs_futimens(fd, t));
}

int lutimes(const char *path, const struct timeval tv[2])
{
	return utimes(path, tv);
}

int utime(const char *path, const struct utimbuf *times)
{
	struct timespec ts[2] = { { 0, 0 }, { 0, 0 } };

	if (!times)
		return (int)mg_ret(fs_utimens(path, NULL));
	ts[0].tv_sec = times->actime;
	ts[1].tv_sec = times->modtime;
	return (int)mg_ret(fs_utimens(path, ts));
}

ssize_t pread(int fd, void *buf, size_t len, off_t off)
{
	return mg_ret(fs_pread(fd, buf, len, off));
}

ssize_t pwrite(int fd, const void *buf, size_t len, off_t off)
{
	return mg_ret(fs_pwrite(fd, buf, len, off));
}

int truncate(const char *path, off_t length)
{
	return (int)mg_ret(fs_truncate(path, length));
}

int fsync(int fd)
{
	return (int)mg_ret(fs_fsync(fd));
}

int fdatasync(int fd)
{
	return fsync(fd);
}

mode_t umask(mode_t mask)
{
	return (mode_t)fs_umask(mask);
}

int chdir(const char *path)
{
	return (int)mg_ret(fs_chdir(path));
}

int fchdir(int fd)
{
	return (int)mg_ret(fs_fchdir(fd));
}

/* buf NULL: a buffer of size bytes (or as long as needed when size is 0)
 * from malloc, as glibc and the BSDs do. */
char *getcwd(char *buf, size_t size)
{
	char *mine = NULL;
	int rc;

	if (!buf) {
		size = size ? size : PATH_MAX;
		buf = mine = malloc(size);
		if (!buf) {
			errno = ENOMEM;
			return NULL;
		}
	} else if (size == 0) {
		errno = EINVAL;
		return NULL;
	}
	rc = fs_getcwd(buf, size);
	if (rc < 0) {
		free(mine);
		mg_ret(rc);
		return NULL;
	}
	return buf;
}

ssize_t readlink(const char *path, char *buf, size_t size)
{
	return mg_ret(fs_readlink(path, buf, size));
}

int symlink(const char *target, const char *path)
{
	return (int)mg_ret(fs_symlink(target, path));
}

int dup(int fd)
{
	return (int)mg_ret(fs_dup(fd));
}

int dup2(int from, int to)
{
	return (int)mg_ret(fs_dup2(from, to));
}

int fcntl(int fd, int cmd, ...)
{
	va_list ap;
	long arg = 0;
	struct flock *l = NULL;

	va_start(ap, cmd);
	if (cmd == F_GETLK || cmd == F_SETLK || cmd == F_SETLKW)
		l = va_arg(ap, struct flock *);
	else if (cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC || cmd == F_SETFD || cmd == F_SETFL)
		arg = va_arg(ap, int);
	va_end(ap);
	if (l)
		return (int)mg_ret(fs_lock(fd, cmd, l));
	return (int)mg_ret(fs_fcntl(fd, cmd, arg));
}

/* Locks of one process, as fcntl's: taking one always succeeds. */
int lockf(int fd, int cmd, off_t len)
{
	struct flock l = { .l_whence = SEEK_CUR, .l_start = 0, .l_len = len };

	if (cmd == F_TEST) {
		l.l_type = F_WRLCK;
		return fcntl(fd, F_GETLK, &l);
	}
	if (cmd != F_LOCK && cmd != F_TLOCK && cmd != F_ULOCK)
		return (int)mg_ret(-EINVAL);
	l.l_type = cmd == F_ULOCK ? F_UNLCK : F_WRLCK;
	return fcntl(fd, F_SETLK, &l);
}

int flock(int fd, int op)
{
	int kind = op & ~LOCK_NB;
	struct stat st;

	if (kind != LOCK_SH && kind != LOCK_EX && kind != LOCK_UN)
		return (int)mg_ret(-EINVAL);
	return (int)mg_ret(fs_fstat(fd, &st));
}

int pipe2(int fds[2], int flags)
{
	return (int)mg_ret(fs_pipe(fds, flags));
}

int pipe(int fds[2])
{
	return pipe2(fds, 0);
}
