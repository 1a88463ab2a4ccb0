/* Sending and receiving. */
#include <errno.h>

#include "net/sock.h"

/* fd's lwIP socket, to receive from: -1 with errno for a bad descriptor
 * or a stream with no peer (sock_need_peer). */
static int receiver(int fd)
{
	struct sock *k = sock_get(fd);

	if (!k || sock_need_peer(k) < 0)
		return -1;
	return k->s;
}

ssize_t send(int fd, const void *buf, size_t len, int flags)
{
	int s = sock_of(fd);

	if (s < 0)
		return -1;
	if (!buf && len)
		return sock_fail(EFAULT);
	return sock_sent(sock_get(fd), lwip_send(s, buf, len, flags));
}

ssize_t recv(int fd, void *buf, size_t len, int flags)
{
	int s = receiver(fd);

	if (s < 0)
		return -1;
	if (!buf && len)
		return sock_fail(EFAULT);
	return lwip_recv(s, buf, len, flags);
}

ssize_t sendto(int fd, const void *buf, size_t len, int flags,
	       const struct sockaddr *to, socklen_t tolen)
{
	int s = sock_of(fd);

	if (s < 0)
		return -1;
	if ((!buf && len) || (!to && tolen))
		return sock_fail(EFAULT);
	return sock_sent(sock_get(fd), lwip_sendto(s, buf, len, flags, to, tolen));
}

ssize_t recvfrom(int fd, void *buf, size_t len, int flags,
		 struct sockaddr *from, socklen_t *fromlen)
{
	int s = receiver(fd);

	if (s < 0)
		return -1;
	if ((!buf && len) || (from && !fromlen))
		return sock_fail(EFAULT);
	return lwip_recvfrom(s, buf, len, flags, from, fromlen);
}

ssize_t sendmsg(int fd, const struct msghdr *msg, int flags)
{
	int s = sock_of(fd);

	if (s < 0)
		return -1;
	if (!msg)
		return sock_fail(EFAULT);
	return sock_sent(sock_get(fd), lwip_sendmsg(s, msg, flags));
}

ssize_t recvmsg(int fd, struct msghdr *msg, int flags)
{
	int s = receiver(fd);

	if (s < 0)
		return -1;
	if (!msg)
		return sock_fail(EFAULT);
	return lwip_recvmsg(s, msg, flags);
}
