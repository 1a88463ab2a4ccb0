/* Making, naming and connecting sockets. */
#include <errno.h>

#include "net/sock.h"

/* Linux's flags or'ed into socket's type (the SDK's <sys/socket.h>). */
#define SOCK_NONBLOCK 0x4000
#define SOCK_CLOEXEC 0x40000

int socket(int domain, int type, int protocol)
{
	int flags = 0, s;

	if (type & SOCK_NONBLOCK)
		flags |= O_NONBLOCK;
	if (type & SOCK_CLOEXEC)
		flags |= O_CLOEXEC;
	type &= ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
	if (domain != AF_INET)
		return sock_fail(EAFNOSUPPORT);
	if (type != SOCK_STREAM && type != SOCK_DGRAM)
		return sock_fail(type == SOCK_RAW ? EPROTONOSUPPORT : EINVAL);
	if (net_start() < 0)
		return -1;
	s = lwip_socket(domain, type, protocol);
	if (s < 0)
		return -1;
	return sock_install(s, flags);
}

int socketpair(int domain, int type, int protocol, int sv[2])
{
	(void)domain, (void)type, (void)protocol, (void)sv;
	return sock_fail(EOPNOTSUPP);
}

int bind(int fd, const struct sockaddr *addr, socklen_t len)
{
	int s = sock_of(fd);

	if (s < 0)
		return -1;
	if (!addr)
		return sock_fail(EFAULT);
	if (len >= sizeof(addr->sa_family) + 1 && addr->sa_family != AF_INET)
		return sock_fail(EAFNOSUPPORT);
	return lwip_bind(s, addr, len);
}

int listen(int fd, int backlog)
{
	int s = sock_of(fd);

	if (s < 0)
		return -1;
	if (backlog < 0)
		backlog = 0;
	return lwip_listen(s, backlog > 255 ? 255 : backlog);
}

int accept(int fd, struct sockaddr *addr, socklen_t *len)
{
	int s = sock_of(fd), c;

	if (s < 0)
		return -1;
	if (addr && !len)
		return sock_fail(EFAULT);
	c = lwip_accept(s, addr, len);
	if (c < 0)
		return -1;
	return sock_install(c, 0);
}

int connect(int fd, const struct sockaddr *addr, socklen_t len)
{
	int s = sock_of(fd);

	if (s < 0)
		return -1;
	if (!addr)
		return sock_fail(EFAULT);
	return lwip_connect(s, addr, len);
}

int shutdown(int fd, int how)
{
	int s = sock_of(fd);

	if (s < 0)
		return -1;
	if (how != SHUT_RD && how != SHUT_WR && how != SHUT_RDWR)
		return sock_fail(EINVAL);
	return lwip_shutdown(s, how);
}
