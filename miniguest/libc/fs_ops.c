/* The file operations over the descriptor table and the tree. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "console_io.h"
#include "fd.h"
#include "fs_internal.h"
#include "fs_ops.h"
#include "mount.h"
#include "path.h"
#include "tty_line.h"

/* What stat reports as the preferred I/O size: newlib's stdio sizes its
 * buffers by it, and BUFSIZ there is 1024 too. */
#define FS_BLKSIZE 1024

static struct ramfs *fs;

/* The tree, made on first use if fs_init was not called. */
static struct ramfs *ready(void)
{
	if (!fs)
		fs_init(NULL, 0, NULL);
	return fs;
}

struct ramfs *fs_tree(void)
{
	return ready();
}

void fs_shutdown(void)
{
	fd_close_all();
	ramfs_free(fs);
	fs = NULL;
}

int fs_init(const void *cpio, size_t len, struct ramfs_load_stats *stats)
{
	struct ramfs_node *console;
	int rc;

	fs_shutdown();
	if (stats)
		*stats = (struct ramfs_load_stats){ 0 };
	fs = ramfs_new(fs_now);
	if (!fs)
		return -ENOMEM;
	rc = ramfs_mkdir(fs, "/dev", 0755);
	/* Where tmpfile and mkstemp look, sticky and open to all as usual. */
	if (rc == 0)
		rc = ramfs_mkdir(fs, "/tmp", 01777);
	if (rc == 0)
		rc = ramfs_create(fs, "/dev/console", RAMFS_CONSOLE, 0620, &console);
	for (int i = 0; rc == 0 && i < 3; i++)
		rc = fd_install(console, O_RDWR) < 0 ? -EMFILE : 0;
	if (rc < 0) {
		fs_shutdown();
		return rc;
	}
	return len ? ramfs_load_cpio(fs, cpio, len, stats) : 0;
}

/* The open file behind fd, NULL if none (fs_init made on the way). */
static struct fd_file *file(int fd)
{
	return ready() ? fd_get(fd) : NULL;
}

struct fd_file *fs_file(int fd)
{
	return file(fd);
}

static int access_mode(const struct fd_file *f)
{
	return f->flags & O_ACCMODE;
}

int fs_open(const char *path, int flags, unsigned mode)
{
	int acc = flags & O_ACCMODE, rc, fd;
	struct ramfs_node *n;
	const struct fs_type *t;
	void *sb;
	char rest[PATH_LEN_MAX];

	if (!ready())
		return -ENOMEM;
	if (acc != O_RDONLY && acc != O_WRONLY && acc != O_RDWR)
		return -EINVAL;
	if ((flags & O_CREAT) && (flags & O_DIRECTORY))
		return -EINVAL;
	/* Before anything is created or truncated. */
	if (fd_lowest_free() < 0)
		return -EMFILE;
	if (mount_find(path, &t, &sb, rest))
		return t->open(sb, rest, flags, fs_masked(mode));
	/* O_EXCL refuses a link in the last component, dangling or not. */
	if ((flags & O_NOFOLLOW) || ((flags & O_CREAT) && (flags & O_EXCL)))
		rc = ramfs_lookup_link(fs, path, &n);
	else
		rc = ramfs_lookup(fs, path, &n);
	if (rc == 0 && (flags & O_CREAT) && (flags & O_EXCL))
		return -EEXIST;
	if (rc == 0 && ramfs_type(n) == RAMFS_LINK)
		return -ELOOP;
	if (rc == -ENOENT && (flags & O_CREAT))
		rc = ramfs_create(fs, path, RAMFS_FILE, fs_masked(mode), &n);
	if (rc < 0)
		return rc;
	if ((flags & O_DIRECTORY) && ramfs_type(n) != RAMFS_DIR)
		return -ENOTDIR;
	if (ramfs_type(n) == RAMFS_DIR && acc != O_RDONLY)
		return -EISDIR;
	fd = fd_install(n, flags);
	/* POSIX leaves O_TRUNC without write access undefined: ignored. */
	if (fd >= 0 && (flags & O_TRUNC) && acc != O_RDONLY && ramfs_type(n) == RAMFS_FILE)
		ramfs_truncate(fs, n, 0);
	return fd;
}

int fs_close(int fd)
{
	return file(fd) ? fd_remove(fd) : -EBADF;
}

/* The open file behind fd if its access mode is not the one that forbids
 * the transfer, with *len cut to what the long result can count. */
static struct fd_file *transfer(int fd, int forbidden, size_t *len)
{
	struct fd_file *f = file(fd);

	if (!f || access_mode(f) == forbidden)
		return NULL;
	if (*len > LONG_MAX)
		*len = LONG_MAX;
	return f;
}

long fs_read(int fd, void *buf, size_t len)
{
	struct fd_file *f = transfer(fd, O_WRONLY, &len);
	long n;

	if (!f)
		return -EBADF;
	if (f->ops)
		return f->ops->read ? f->ops->read(f, buf, len) : -EINVAL;
	if (ramfs_type(f->node) == RAMFS_CONSOLE)
		return len ? tty_read(tty_settings(), buf, len) : 0;
	if (ramfs_type(f->node) == RAMFS_PIPE)
		return fs_pipe_read(f, buf, len);
	n = ramfs_read(f->node, buf, len, (size_t)f->pos);
	if (n > 0)
		f->pos += n;
	return n;
}

long fs_write(int fd, const void *buf, size_t len)
{
	struct fd_file *f = transfer(fd, O_RDONLY, &len);
	struct ramfs_info info;
	long n;

	if (!f)
		return -EBADF;
	if (f->ops)
		return f->ops->write ? f->ops->write(f, buf, len) : -EINVAL;
	if (ramfs_type(f->node) == RAMFS_CONSOLE)
		return len ? console_write(buf, len) : 0;
	if (ramfs_type(f->node) == RAMFS_PIPE)
		return fs_pipe_write(f, buf, len);
	if (f->flags & O_APPEND) {
		ramfs_info(f->node, &info);
		f->pos = (long)info.size;
	}
	n = ramfs_write(fs, f->node, buf, len, (size_t)f->pos);
	if (n > 0)
		f->pos += n;
	return n;
}

long fs_lseek(int fd, long offset, int whence)
{
	struct fd_file *f = file(fd);
	struct ramfs_info info;

	if (!f)
		return -EBADF;
	if (f->ops)
		return f->ops->lseek ? f->ops->lseek(f, offset, whence) : -ESPIPE;
	if (ramfs_type(f->node) == RAMFS_CONSOLE || ramfs_type(f->node) == RAMFS_PIPE)
		return -ESPIPE;
	ramfs_info(f->node, &info);
	return fd_seek(f, offset, whence, (long)info.size);
}

int fs_ftruncate(int fd, long length)
{
	struct fd_file *f = file(fd);

	if (!f || access_mode(f) == O_RDONLY)
		return -EBADF;
	if (length < 0)
		return -EINVAL;
	if (f->ops)
		return f->ops->ftruncate ? f->ops->ftruncate(f, length) : -EINVAL;
	return ramfs_truncate(fs, f->node, (size_t)length);
}

static void fill_stat(const struct ramfs_node *n, struct stat *st)
{
	static const unsigned type_bits[] = {
		[RAMFS_DIR] = S_IFDIR, [RAMFS_FILE] = S_IFREG, [RAMFS_CONSOLE] = S_IFCHR,
		[RAMFS_PIPE] = S_IFIFO, [RAMFS_LINK] = S_IFLNK,
	};
	struct ramfs_info i;

	ramfs_info(n, &i);
	memset(st, 0, sizeof(*st));
	st->st_dev = 1;
	st->st_ino = i.ino;
	st->st_mode = type_bits[i.type] | i.mode;
	st->st_nlink = i.nlink;
	st->st_uid = FS_UID;
	st->st_gid = FS_GID;
	st->st_size = (off_t)i.size;
	st->st_atime = i.atime;
	st->st_mtime = st->st_ctime = i.mtime;
	st->st_blksize = FS_BLKSIZE;
	st->st_blocks = (i.size + 511) / 512;
}

int fs_fstat(int fd, struct stat *st)
{
	struct fd_file *f = file(fd);

	if (!f)
		return -EBADF;
	if (f->ops)
		return f->ops->fstat ? f->ops->fstat(f, st) : -EINVAL;
	fill_stat(f->node, st);
	return 0;
}

static int stat_at(const char *path, struct stat *st,
		   int (*lookup)(struct ramfs *, const char *, struct ramfs_node **))
{
	struct ramfs_node *n;
	const struct fs_type *t;
	void *sb;
	char rest[PATH_LEN_MAX];
	int rc;

	/* A mount has no symbolic links: lstat is stat there. */
	if (mount_find(path, &t, &sb, rest))
		return t->stat(sb, rest, st);
	rc = ready() ? lookup(fs, path, &n) : -ENOMEM;

	if (rc == 0)
		fill_stat(n, st);
	return rc;
}

int fs_stat(const char *path, struct stat *st)
{
	return stat_at(path, st, ramfs_lookup);
}

int fs_lstat(const char *path, struct stat *st)
{
	return stat_at(path, st, ramfs_lookup_link);
}

int fs_unlink(const char *path)
{
	const struct fs_type *t;
	void *sb;
	char rest[PATH_LEN_MAX];

	if (mount_find(path, &t, &sb, rest))
		return t->unlink(sb, rest);
	return ready() ? ramfs_unlink(fs, path) : -ENOMEM;
}

int fs_mkdir(const char *path, unsigned mode)
{
	const struct fs_type *t;
	void *sb;
	char rest[PATH_LEN_MAX];

	if (mount_find(path, &t, &sb, rest))
		return t->mkdir(sb, rest, fs_masked(mode));
	return ready() ? ramfs_mkdir(fs, path, fs_masked(mode)) : -ENOMEM;
}

int fs_rmdir(const char *path)
{
	const struct fs_type *t;
	void *sb;
	char rest[PATH_LEN_MAX];

	if (mount_find(path, &t, &sb, rest))
		return t->rmdir(sb, rest);
	return ready() ? ramfs_rmdir(fs, path) : -ENOMEM;
}

/* Which filesystems from and to lie in: -EXDEV for two, 1 for one mount
 * (its type and sb set, the rests in a and b), 0 for the ramfs. */
static int one_mount(const char *from, const char *to, const struct fs_type **t,
		     void **sb, char *a, char *b)
{
	const struct fs_type *t2;
	void *sb2;
	bool in_from = mount_find(from, t, sb, a), in_to = mount_find(to, &t2, &sb2, b);

	if (!in_from && !in_to)
		return 0;
	if (in_from != in_to || *sb != sb2)
		return -EXDEV;
	return 1;
}

int fs_rename(const char *from, const char *to)
{
	const struct fs_type *t;
	void *sb;
	char a[PATH_LEN_MAX], b[PATH_LEN_MAX];
	int rc = one_mount(from, to, &t, &sb, a, b);

	if (rc)
		return rc < 0 ? rc : t->rename(sb, a, b);
	return ready() ? ramfs_rename(fs, from, to) : -ENOMEM;
}

/* A mount has no hard links beyond what it came with. */
int fs_link(const char *from, const char *to)
{
	const struct fs_type *t;
	void *sb;
	char a[PATH_LEN_MAX], b[PATH_LEN_MAX];
	int rc = one_mount(from, to, &t, &sb, a, b);

	if (rc)
		return rc < 0 ? rc : -ENOTSUP;
	return ready() ? ramfs_link(fs, from, to) : -ENOMEM;
}

int fs_isatty(int fd)
{
	struct fd_file *f = file(fd);

	if (!f)
		return -EBADF;
	return !f->ops && ramfs_type(f->node) == RAMFS_CONSOLE ? 1 : -ENOTTY;
}

int fs_opendir(const char *path)
{
	return fs_open(path, O_RDONLY | O_DIRECTORY, 0);
}

int fs_readdir(int fd, struct fs_dirent *out)
{
	static const unsigned char dt[] = {
		[RAMFS_DIR] = FS_DT_DIR, [RAMFS_FILE] = FS_DT_REG, [RAMFS_CONSOLE] = FS_DT_CHR,
		[RAMFS_PIPE] = FS_DT_FIFO, [RAMFS_LINK] = FS_DT_LNK,
	};
	struct fd_file *f = file(fd);
	struct ramfs_dirent e;
	int rc;

	if (!f)
		return -EBADF;
	if (f->ops)
		return f->ops->getdents ? f->ops->getdents(f, out) : -ENOTDIR;
	rc = ramfs_readdir(f->node, (size_t)f->pos, &e);
	if (rc <= 0)
		return rc;
	out->ino = e.ino;
	out->type = dt[e.type];
	/* Names are at most RAMFS_NAME_MAX bytes: they always fit. */
	strcpy(out->name, e.name);
	f->pos++;
	return 1;
}

int fs_closedir(int fd)
{
	struct fd_file *f = file(fd);

	if (!f)
		return -EBADF;
	if (f->ops ? !f->ops->getdents : ramfs_type(f->node) != RAMFS_DIR)
		return -ENOTDIR;
	return fd_remove(fd);
}
