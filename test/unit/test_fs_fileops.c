/* Descriptors on ops files (fd_install_ops): each call reaches the
 * object's operation, a missing one fails as POSIX says, the object is
 * closed with its last descriptor only, and ramfs files are untouched. */
#include <stdio.h>

#include "fs_test.h"
#include "miniguest/libc/fs_internal.h"

/* An object that counts what reached it; its bytes are a small buffer. */
struct probe {
	char data[16];
	long size;
	int closes, fsyncs, truncs, setfl, entries, fail_close;
	int ready;
};

static long p_read(struct fd_file *f, void *buf, size_t len)
{
	struct probe *p = f->obj;
	long n = p->size - f->pos;

	if (n > (long)len)
		n = (long)len;
	if (n <= 0)
		return 0;
	memcpy(buf, p->data + f->pos, (size_t)n);
	f->pos += n;
	return n;
}

static long p_write(struct fd_file *f, const void *buf, size_t len)
{
	struct probe *p = f->obj;

	if (len > sizeof(p->data) - (size_t)p->size)
		return -ENOSPC;
	memcpy(p->data + p->size, buf, len);
	p->size += (long)len;
	return (long)len;
}

static int p_close(struct fd_file *f)
{
	struct probe *p = f->obj;

	p->closes++;
	return p->fail_close ? -EIO : 0;
}

static int p_fstat(struct fd_file *f, struct stat *st)
{
	memset(st, 0, sizeof(*st));
	st->st_mode = S_IFREG | 0600;
	st->st_size = ((struct probe *)f->obj)->size;
	return 0;
}

static int p_fsync(struct fd_file *f)
{
	((struct probe *)f->obj)->fsyncs++;
	return 0;
}

static int p_ftruncate(struct fd_file *f, long length)
{
	struct probe *p = f->obj;

	p->truncs++;
	p->size = length;
	return 0;
}

static int p_getdents(struct fd_file *f, struct fs_dirent *out)
{
	struct probe *p = f->obj;

	if (p->entries == 0)
		return 0;
	p->entries--;
	out->ino = 7;
	out->type = FS_DT_REG;
	strcpy(out->name, "entry");
	return 1;
}

static int p_poll(struct fd_file *f, int events)
{
	return events & ((struct probe *)f->obj)->ready;
}

static int p_fcntl(struct fd_file *f, int cmd, long arg)
{
	struct probe *p = f->obj;

	(void)arg;
	if (cmd != F_SETFL)
		return -EINVAL;
	p->setfl++;
	return (f->flags & O_APPEND) ? -EINVAL : 0;
}

static const struct file_ops full = {
	.read = p_read, .write = p_write, .close = p_close, .fstat = p_fstat,
	.fsync = p_fsync, .ftruncate = p_ftruncate, .getdents = p_getdents,
	.poll = p_poll, .fcntl = p_fcntl,
};

/* Only read and close: everything else is missing. */
static const struct file_ops bare = { .read = p_read, .close = p_close };

static void test_dispatch(void)
{
	struct probe p = { .ready = FD_POLLIN };
	struct stat st;
	char buf[8];
	int fd;

	start();
	fd = fs_open("/dev/console", O_RDONLY, 0);
	CHECK_EQ(fs_close(fd), 0);
	fd = fd_install_ops(&full, &p, O_RDWR | O_NONBLOCK);
	CHECK_EQ(fd, 3);
	CHECK_EQ(fs_write(fd, "hello", 5), 5);
	CHECK_EQ(fs_read(fd, buf, 3), 3);
	CHECK(memcmp(buf, "hel", 3) == 0);
	CHECK_EQ(fs_fstat(fd, &st), 0);
	CHECK_EQ(st.st_size, 5);
	CHECK_EQ(fs_fsync(fd), 0);
	CHECK_EQ(p.fsyncs, 1);
	CHECK_EQ(fs_ftruncate(fd, 2), 0);
	CHECK_EQ(p.size, 2);
	CHECK_EQ(fs_ftruncate(fd, -1), -EINVAL);
	CHECK_EQ(p.truncs, 1);
	CHECK_EQ(fs_isatty(fd), -ENOTTY);
	CHECK_EQ(fs_fcntl(fd, F_GETFL, 0), O_RDWR | O_NONBLOCK);
	/* The object refuses O_APPEND: the flags are as they were. */
	CHECK_EQ(fs_fcntl(fd, F_SETFL, O_APPEND), -EINVAL);
	CHECK_EQ(fs_fcntl(fd, F_GETFL, 0), O_RDWR | O_NONBLOCK);
	CHECK_EQ(fs_fcntl(fd, F_SETFL, 0), 0);
	CHECK_EQ(fs_fcntl(fd, F_GETFL, 0), O_RDWR);
	CHECK_EQ(p.setfl, 2);
	CHECK_EQ(fd_poll(fs_file(fd), FD_POLLIN | FD_POLLOUT), FD_POLLIN);
	CHECK_EQ(fs_close(fd), 0);
	CHECK_EQ(p.closes, 1);
	CHECK_EQ(fs_read(fd, buf, 1), -EBADF);
	fs_shutdown();
}

/* What a missing operation means. */
static void test_missing_ops(void)
{
	struct probe p = { 0 };
	struct stat st;
	char buf[4];
	int fd;

	start();
	fd = fd_install_ops(&bare, &p, O_RDWR);
	CHECK(fd >= 0);
	CHECK_EQ(fs_write(fd, "x", 1), -EINVAL);
	CHECK_EQ(fs_lseek(fd, 0, SEEK_SET), -ESPIPE);
	CHECK_EQ(fs_pread(fd, buf, 1, 0), -ESPIPE);
	CHECK_EQ(fs_pwrite(fd, "x", 1, 0), -ESPIPE);
	CHECK_EQ(fs_fsync(fd), -EINVAL);
	CHECK_EQ(fs_ftruncate(fd, 0), -EINVAL);
	CHECK_EQ(fs_fstat(fd, &st), -EINVAL);
	CHECK_EQ(fs_fchmod(fd, 0600), -EINVAL);
	CHECK_EQ(fs_fchdir(fd), -ENOTDIR);
	CHECK_EQ(fs_closedir(fd), -ENOTDIR);
	CHECK_EQ(fs_fcntl(fd, F_GETLK, 0), -EINVAL);
	CHECK_EQ(fd_poll(fs_file(fd), FD_POLLIN | FD_POLLOUT), FD_POLLIN | FD_POLLOUT);
	CHECK_EQ(fs_close(fd), 0);
	CHECK_EQ(p.closes, 1);
	fs_shutdown();
}

/* Access modes are checked before the object sees a call. */
static void test_access_mode(void)
{
	struct probe p = { 0 };
	char buf[2];
	int r, w;

	start();
	r = fd_install_ops(&full, &p, O_RDONLY);
	w = fd_install_ops(&full, &p, O_WRONLY);
	CHECK_EQ(fs_write(r, "x", 1), -EBADF);
	CHECK_EQ(fs_ftruncate(r, 0), -EBADF);
	CHECK_EQ(fs_read(w, buf, 1), -EBADF);
	CHECK_EQ(p.size, 0);
	CHECK_EQ(p.truncs, 0);
	fs_shutdown();
	CHECK_EQ(p.closes, 2);
}

/* dup'd descriptors share the object, closed with the last of them; the
 * close's error is the last close's. */
static void test_shared_close(void)
{
	struct probe p = { .fail_close = 1 };
	int fd, d1, d2;

	start();
	fd = fd_install_ops(&full, &p, O_RDWR | O_CLOEXEC);
	CHECK_EQ(fs_fcntl(fd, F_GETFD, 0), FD_CLOEXEC);
	d1 = fs_dup(fd);
	d2 = fs_dup2(fd, 10);
	CHECK_EQ(d2, 10);
	CHECK_EQ(fs_close(fd), 0);
	CHECK_EQ(fs_close(d1), 0);
	CHECK_EQ(p.closes, 0);
	CHECK_EQ(fs_close(d2), -EIO);
	CHECK_EQ(p.closes, 1);
	fs_shutdown();
}

/* A directory object: readdir goes through getdents. */
static void test_getdents(void)
{
	struct probe p = { .entries = 2 };
	struct fs_dirent e;
	int fd;

	start();
	fd = fd_install_ops(&full, &p, O_RDONLY);
	CHECK_EQ(fs_readdir(fd, &e), 1);
	CHECK_STR(e.name, "entry");
	CHECK_EQ(e.type, FS_DT_REG);
	CHECK_EQ(fs_readdir(fd, &e), 1);
	CHECK_EQ(fs_readdir(fd, &e), 0);
	CHECK_EQ(fs_closedir(fd), 0);
	CHECK_EQ(p.closes, 1);
	fs_shutdown();
}

/* ramfs pipes and files answer poll by their state. */
static void test_poll_ramfs(void)
{
	int fds[2], fd;

	start();
	CHECK_EQ(fs_pipe(fds, 0), 0);
	CHECK_EQ(fd_poll(fs_file(fds[0]), FD_POLLIN), 0);
	CHECK_EQ(fd_poll(fs_file(fds[1]), FD_POLLOUT), FD_POLLOUT);
	CHECK_EQ(fs_write(fds[1], "a", 1), 1);
	CHECK_EQ(fd_poll(fs_file(fds[0]), FD_POLLIN | FD_POLLOUT), FD_POLLIN);
	CHECK_EQ(fs_close(fds[1]), 0);
	CHECK_EQ(fd_poll(fs_file(fds[0]), FD_POLLIN), FD_POLLIN | FD_POLLHUP);
	CHECK_EQ(fs_pipe(fds, 0), 0);
	CHECK_EQ(fs_close(fds[0]), 0);
	CHECK_EQ(fd_poll(fs_file(fds[1]), FD_POLLOUT), FD_POLLOUT | FD_POLLERR);
	fd = fs_open("/tmp/f", O_RDWR | O_CREAT, 0600);
	CHECK_EQ(fd_poll(fs_file(fd), FD_POLLIN | FD_POLLOUT), FD_POLLIN | FD_POLLOUT);
	CHECK_EQ(fd_poll(fs_file(1), FD_POLLIN | FD_POLLOUT), FD_POLLOUT);
	fs_shutdown();
}

UNIT_MAIN(
	UNIT(test_dispatch),
	UNIT(test_missing_ops),
	UNIT(test_access_mode),
	UNIT(test_shared_close),
	UNIT(test_getdents),
	UNIT(test_poll_ramfs),
)
