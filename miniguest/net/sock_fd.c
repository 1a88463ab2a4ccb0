/* Sockets as descriptors: the operations of their open files. */
#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "libc/fd.h"
#include "net/sock.h"

#define SOCK_NUM(f) (((struct sock *)(f)->obj)->s)

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
	if (sock_need_peer(f->obj) < 0)
		return -ENOTCONN;
	return result(lwip_read(SOCK_NUM(f), buf, len));
}

static long sock_write(struct fd_file *f, const void *buf, size_t len)
{
	return result(sock_sent(f->obj, lwip_write(SOCK_NUM(f), buf, len)));
}

static int sock_close(struct fd_file *f)
{
	int r = (int)result(lwip_close(SOCK_NUM(f)));

	free(f->obj);
	return r;
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

struct sock *sock_get(int fd)
{
	struct fd_file *f = fd_get(fd);

	if (!f) {
		errno = EBADF;
		return NULL;
	}
	if (f->ops != &sock_ops) {
		errno = ENOTSOCK;
		return NULL;
	}
	return f->obj;
}

int sock_of(int fd)
{
	struct sock *k = sock_get(fd);

	return k ? k->s : -1;
}

int sock_need_peer(struct sock *k)
{
	struct sockaddr_in peer;
	socklen_t len = sizeof(peer);

	if (k->type != SOCK_STREAM || k->connected)
		return 0;
	/* A non-blocking connect may have finished since. */
	if (lwip_getpeername(k->s, (struct sockaddr *)&peer, &len) == 0) {
		k->connected = 1;
		return 0;
	}
	return sock_fail(ENOTCONN);
}

long sock_sent(struct sock *k, long r)
{
	if (r < 0 && errno == ENOTCONN && k->type == SOCK_STREAM && sock_need_peer(k) == 0)
		errno = EPIPE;
	/* lwIP says a destination no interface routes to is a host
	 * unreachable; POSIX (and Linux) call it a network unreachable. */
	if (r < 0 && errno == EHOSTUNREACH)
		errno = ENETUNREACH;
	return r;
}

int sock_install(int s, int type, int flags)
{
	struct sock *k = malloc(sizeof(*k));
	int on = 1, fd;

	if (!k) {
		lwip_close(s);
		return sock_fail(ENOMEM);
	}
	if ((flags & O_NONBLOCK) && lwip_ioctl(s, FIONBIO, &on) < 0) {
		int e = errno;
		lwip_close(s);
		free(k);
		return sock_fail(e);
	}
	*k = (struct sock){ .s = s, .type = type, .connected = 0 };
	fd = fd_install_ops(&sock_ops, k, O_RDWR | flags);
	if (fd < 0) {
		lwip_close(s);
		free(k);
		return sock_fail(-fd);
	}
	return fd;
}
