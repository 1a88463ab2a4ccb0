/* Sockets as descriptors: the operations of their open files. */
#include <errno.h>
#include <sys/stat.h>

#include "libc/fd.h"
#include "net/sock.h"

#define SOCK_NUM(f) ((int)(intptr_t)(f)->obj - 1)

int sock_fail(int e)
{
	errno = e;
	return -1;
}

/* A negative errno from lwIP's -1, as the file layer takes it. */
static long result(long r)
{
	return r < 0 ? -errno : r;
}

static long sock_read(struct fd_file *f, void *buf, size_t len)
{
	return result(lwip_read(SOCK_NUM(f), buf, len));
}

static long sock_write(struct fd_file *f, const void *buf, size_t len)
{
	return result(lwip_write(SOCK_NUM(f), buf, len));
}

static int sock_close(struct fd_file *f)
{
	return (int)result(lwip_close(SOCK_NUM(f)));
}

static int sock_fstat(struct fd_file *f, struct stat *st)
{
	(void)f;
	*st = (struct stat){ .st_mode = S_IFSOCK | 0777, .st_nlink = 1, .st_blksize = 4096 };
	return 0;
}

/* lwIP's readiness, asked with no wait. */
static int sock_poll(struct fd_file *f, int events)
{
	struct pollfd p = { .fd = SOCK_NUM(f), .events = 0 };
	int ready = 0;

	if (events & FD_POLLIN)
		p.events |= POLLIN;
	if (events & FD_POLLOUT)
		p.events |= POLLOUT;
	if (lwip_poll(&p, 1, 0) < 0)
		return FD_POLLERR;
	if (p.revents & POLLIN)
		ready |= FD_POLLIN;
	if (p.revents & POLLOUT)
		ready |= FD_POLLOUT;
	if (p.revents & (POLLERR | POLLNVAL))
		ready |= FD_POLLERR;
	if (p.revents & POLLHUP)
		ready |= FD_POLLHUP;
	return ready;
}

static int sock_fcntl(struct fd_file *f, int cmd, long arg)
{
	int on = (f->flags & O_NONBLOCK) != 0;

	(void)arg;
	if (cmd != F_SETFL)
		return -EINVAL;
	return (int)result(lwip_ioctl(SOCK_NUM(f), FIONBIO, &on));
}

static const struct file_ops sock_ops = {
	.read = sock_read,
	.write = sock_write,
	.close = sock_close,
	.fstat = sock_fstat,
	.poll = sock_poll,
	.fcntl = sock_fcntl,
};

int sock_of(int fd)
{
	struct fd_file *f = fd_get(fd);

	if (!f)
		return sock_fail(EBADF);
	if (f->ops != &sock_ops)
		return sock_fail(ENOTSOCK);
	return SOCK_NUM(f);
}

int sock_install(int s, int flags)
{
	int on = 1, fd;

	if ((flags & O_NONBLOCK) && lwip_ioctl(s, FIONBIO, &on) < 0) {
		lwip_close(s);
		return -1;
	}
	fd = fd_install_ops(&sock_ops, (void *)(intptr_t)(s + 1), O_RDWR | flags);
	if (fd < 0) {
		lwip_close(s);
		return sock_fail(-fd);
	}
	return fd;
}
