/* Making, naming and connecting sockets. */
#include <errno.h>

#include "lwip/netif.h"

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
	return sock_install(s, type, flags);
}

int socketpair(int domain, int type, int protocol, int sv[2])
{
	(void)domain, (void)type, (void)protocol, (void)sv;
	return sock_fail(EOPNOTSUPP);
}

/* Whether a is an address of this machine: any, the loopback network, or
 * an interface's (network byte order). */
static int local_address(u32_t a)
{
	struct netif *n;

	if (a == PP_HTONL(INADDR_ANY) || (lwip_ntohl(a) >> 24) == 127)
		return 1;
	NETIF_FOREACH(n)
		if (ip4_addr_get_u32(netif_ip4_addr(n)) == a)
			return 1;
	return 0;
}

int bind(int fd, const struct sockaddr *addr, socklen_t len)
{
	const struct sockaddr_in *sin = (const struct sockaddr_in *)addr;
	int s = sock_of(fd);

	if (s < 0)
		return -1;
	if (!addr)
		return sock_fail(EFAULT);
	if (len < sizeof(*sin))
		return sock_fail(EINVAL);
	if (sin->sin_family != AF_INET)
		return sock_fail(EAFNOSUPPORT);
	if (!local_address(sin->sin_addr.s_addr))
		return sock_fail(EADDRNOTAVAIL);
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
	c = sock_install(c, SOCK_STREAM, 0);
	if (c >= 0)
		sock_get(c)->connected = 1;
	return c;
}

int connect(int fd, const struct sockaddr *addr, socklen_t len)
{
	struct sock *k = sock_get(fd);

	if (!k)
		return -1;
	if (!addr)
		return sock_fail(EFAULT);
	if (len < sizeof(struct sockaddr_in))
		return sock_fail(EINVAL);
	if (lwip_connect(k->s, addr, len) < 0) {
		/* lwIP reports the peer's reset as such; POSIX calls a reset
		 * answering the connection request a refusal, and no route a
		 * network unreachable (lwIP: a host). */
		return sock_fail(errno == ECONNRESET ? ECONNREFUSED :
				 errno == EHOSTUNREACH ? ENETUNREACH : errno);
	}
	k->connected = 1;
	return 0;
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
