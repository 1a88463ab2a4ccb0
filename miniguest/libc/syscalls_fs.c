/* The file system calls newlib makes, over fs_ops.c. Guest only: newlib
 * for this target calls the plain names (write, not _write), and each
 * failure becomes errno and -1.
 *
 * rename is defined here, so newlib's own (link, then unlink, through
 * _rename_r) is never pulled in: a directory can be renamed and a file
 * can replace another in one step. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fs_ops.h"
#include "syscall_ret.h"

_Static_assert(sizeof(((struct dirent *)0)->d_name) == sizeof(((struct fs_dirent *)0)->name),
	       "a name fits struct dirent");

long mg_ret(long rc)
{
	if (rc >= 0)
		return rc;
	errno = (int)-rc;
	return -1;
}

int open(const char *path, int flags, ...)
{
	mode_t mode = 0;
	va_list ap;

	if (flags & O_CREAT) {
		va_start(ap, flags);
		mode = va_arg(ap, mode_t);
		va_end(ap);
	}
	return (int)mg_ret(fs_open(path, flags, mode));
}

ssize_t read(int fd, void *buf, size_t len)
{
	return mg_ret(fs_read(fd, buf, len));
}

ssize_t write(int fd, const void *buf, size_t len)
{
	return mg_ret(fs_write(fd, buf, len));
}

off_t lseek(int fd, off_t offset, int whence)
{
	return mg_ret(fs_lseek(fd, offset, whence));
}

int close(int fd)
{
	return (int)mg_ret(fs_close(fd));
}

int ftruncate(int fd, off_t length)
{
	return (int)mg_ret(fs_ftruncate(fd, length));
}

int fstat(int fd, struct stat *st)
{
	return (int)mg_ret(fs_fstat(fd, st));
}

int stat(const char *path, struct stat *st)
{
	return (int)mg_ret(fs_stat(path, st));
}

int unlink(const char *path)
{
	return (int)mg_ret(fs_unlink(path));
}

int mkdir(const char *path, mode_t mode)
{
	return (int)mg_ret(fs_mkdir(path, mode));
}

int rmdir(const char *path)
{
	return (int)mg_ret(fs_rmdir(path));
}

int link(const char *from, const char *to)
{
	return (int)mg_ret(fs_link(from, to));
}

int rename(const char *from, const char *to)
{
	return (int)mg_ret(fs_rename(from, to));
}

/* 1 for the console; otherwise 0, with errno ENOTTY or EBADF. */
int isatty(int fd)
{
	return mg_ret(fs_isatty(fd)) == 1;
}

DIR *opendir(const char *path)
{
	DIR *d = malloc(sizeof(*d));
	int fd;

	if (!d) {
		errno = ENOMEM;
		return NULL;
	}
	fd = (int)mg_ret(fs_opendir(path));
	if (fd < 0) {
		free(d);
		return NULL;
	}
	d->dd_fd = fd;
	return d;
}

/* NULL at the end with errno untouched, as POSIX asks. */
struct dirent *readdir(DIR *d)
{
	struct fs_dirent e;
	int rc = fs_readdir(d->dd_fd, &e);

	if (rc <= 0) {
		mg_ret(rc);
		return NULL;
	}
	d->dd_ent.d_ino = e.ino;
	d->dd_ent.d_type = e.type;
	memcpy(d->dd_ent.d_name, e.name, sizeof(d->dd_ent.d_name));
	return &d->dd_ent;
}

void rewinddir(DIR *d)
{
	fs_lseek(d->dd_fd, 0, SEEK_SET);
}

int closedir(DIR *d)
{
	int rc = fs_closedir(d->dd_fd);

	free(d);
	return (int)mg_ret(rc);
}

int dirfd(DIR *d)
{
	return d->dd_fd;
}

/* The one user a domain has owns every file: its bits decide. */
int access(const char *path, int mode)
{
	return (int)mg_ret(fs_access(path, mode));
}
