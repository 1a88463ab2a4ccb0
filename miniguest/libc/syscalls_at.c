/* The *at calls: a relative path starts at a directory descriptor's
 * directory (fs_at), or at the current one for AT_FDCWD.
 * AT_SYMLINK_NOFOLLOW makes fstatat lstat; elsewhere it changes nothing
 * (a link has no mode or times of its own here), and linkat never follows
 * a link named last, AT_SYMLINK_FOLLOW or not. AT_EACCESS changes nothing
 * (one user, real and effective). */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fs_ops.h"
#include "path.h"
#include "syscall_ret.h"

/* Room for a directory's path, a slash and a path. */
#define AT_BUF (2 * PATH_LEN_MAX + 2)

/* Flags a call accepts; any other is EINVAL. */
static int flags_ok(int flags, int allowed)
{
	return (flags & ~allowed) ? -EINVAL : 0;
}

int openat(int dirfd, const char *path, int flags, ...)
{
	char buf[AT_BUF];
	const char *p;
	mode_t mode = 0;
	va_list ap;
	int rc = fs_at(dirfd, path, buf, sizeof(buf), &p);

	if (flags & O_CREAT) {
		va_start(ap, flags);
		mode = va_arg(ap, mode_t);
		va_end(ap);
	}
	return (int)mg_ret(rc < 0 ? rc : fs_open(p, flags, mode));
}

int fstatat(int dirfd, const char *path, struct stat *st, int flags)
{
	char buf[AT_BUF];
	const char *p;
	int rc = flags_ok(flags, AT_SYMLINK_NOFOLLOW);

	rc = rc < 0 ? rc : fs_at(dirfd, path, buf, sizeof(buf), &p);
	if (rc == 0)
		rc = flags & AT_SYMLINK_NOFOLLOW ? fs_lstat(p, st) : fs_stat(p, st);
	return (int)mg_ret(rc);
}

int mkdirat(int dirfd, const char *path, mode_t mode)
{
	char buf[AT_BUF];
	const char *p;
	int rc = fs_at(dirfd, path, buf, sizeof(buf), &p);

	return (int)mg_ret(rc < 0 ? rc : fs_mkdir(p, mode));
}

int unlinkat(int dirfd, const char *path, int flags)
{
	char buf[AT_BUF];
	const char *p;
	int rc = flags_ok(flags, AT_REMOVEDIR);

	rc = rc < 0 ? rc : fs_at(dirfd, path, buf, sizeof(buf), &p);
	if (rc == 0)
		rc = flags & AT_REMOVEDIR ? fs_rmdir(p) : fs_unlink(p);
	return (int)mg_ret(rc);
}

int faccessat(int dirfd, const char *path, int mode, int flags)
{
	char buf[AT_BUF];
	const char *p;
	int rc = flags_ok(flags, AT_EACCESS | AT_SYMLINK_NOFOLLOW);

	rc = rc < 0 ? rc : fs_at(dirfd, path, buf, sizeof(buf), &p);
	return (int)mg_ret(rc < 0 ? rc : fs_access(p, mode));
}

int fchmodat(int dirfd, const char *path, mode_t mode, int flags)
{
	char buf[AT_BUF];
	const char *p;
	int rc = flags_ok(flags, AT_SYMLINK_NOFOLLOW);

	rc = rc < 0 ? rc : fs_at(dirfd, path, buf, sizeof(buf), &p);
	return (int)mg_ret(rc < 0 ? rc : fs_chmod(p, mode));
}

int fchownat(int dirfd, const char *path, uid_t uid, gid_t gid, int flags)
{
	char buf[AT_BUF];
	const char *p;
	int rc = flags_ok(flags, AT_SYMLINK_NOFOLLOW);

	rc = rc < 0 ? rc : fs_at(dirfd, path, buf, sizeof(buf), &p);
	if (rc < 0)
		return (int)mg_ret(rc);
	return chown(p, uid, gid);
}

int utimensat(int dirfd, const char *path, const struct timespec times[2], int flags)
{
	char buf[AT_BUF];
	const char *p;
	int rc = flags_ok(flags, AT_SYMLINK_NOFOLLOW);

	rc = rc < 0 ? rc : fs_at(dirfd, path, buf, sizeof(buf), &p);
	return (int)mg_ret(rc < 0 ? rc : fs_utimens(p, times));
}

/* Two paths, each with its own directory. */
int renameat(int fromfd, const char *from, int tofd, const char *to)
{
	char a[AT_BUF], b[AT_BUF];
	const char *p, *q;
	int rc = fs_at(fromfd, from, a, sizeof(a), &p);

	rc = rc < 0 ? rc : fs_at(tofd, to, b, sizeof(b), &q);
	return (int)mg_ret(rc < 0 ? rc : fs_rename(p, q));
}

int linkat(int fromfd, const char *from, int tofd, const char *to, int flags)
{
	char a[AT_BUF], b[AT_BUF];
	const char *p, *q;
	int rc = flags_ok(flags, AT_SYMLINK_FOLLOW);

	rc = rc < 0 ? rc : fs_at(fromfd, from, a, sizeof(a), &p);
	rc = rc < 0 ? rc : fs_at(tofd, to, b, sizeof(b), &q);
	return (int)mg_ret(rc < 0 ? rc : fs_link(p, q));
}

ssize_t readlinkat(int dirfd, const char *path, char *out, size_t size)
{
	char buf[AT_BUF];
	const char *p;
	int rc = fs_at(dirfd, path, buf, sizeof(buf), &p);

	return rc < 0 ? mg_ret(rc) : readlink(p, out, size);
}

int symlinkat(const char *target, int dirfd, const char *path)
{
	char buf[AT_BUF];
	const char *p;
	int rc = fs_at(dirfd, path, buf, sizeof(buf), &p);

	return (int)mg_ret(rc < 0 ? rc : fs_symlink(target, p));
}
