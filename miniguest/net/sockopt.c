/* Socket options and addresses. */
#include <errno.h>

#include "net/sock.h"

/* lwIP keeps no send-buffer size of its own: SO_SNDBUF reads its fixed
 * one, and setting it is accepted and changes nothing (as a request the
 * system may round is allowed to). */
static int sndbuf_size(void *val, socklen_t *len)
{
	if (*len < sizeof(int))
		return sock_fail(EINVAL);
	*(int *)val = TCP_SND_BUF;
	*len = sizeof(int);
	return 0;
}

int setsockopt(int fd, int level, int name, const void *val, socklen_t len)
{
	int s = sock_of(fd);

	if (s < 0)
		return -1;
	if (!val)
		return sock_fail(EFAULT);
	if (level == SOL_SOCKET && name == SO_SNDBUF)
		return len < sizeof(int) ? sock_fail(EINVAL) : 0;
	return lwip_setsockopt(s, level, name, val, len);
}

int getsockopt(int fd, int level, int name, void *val, socklen_t *len)
{
	int s = sock_of(fd);

	if (s < 0)
		return -1;
	if (!val || !len)
		return sock_fail(EFAULT);
	if (level == SOL_SOCKET && name == SO_SNDBUF)
		return sndbuf_size(val, len);
	return lwip_getsockopt(s, level, name, val, len);
}

/* getsockname and getpeername: lwIP's call fn on fd's socket. */
static int address_of(int fd, struct sockaddr *addr, socklen_t *len,
		      int (*fn)(int, struct sockaddr *, socklen_t *))
{
	int s = sock_of(fd);

	if (s < 0)
		return -1;
	if (!addr || !len)
		return sock_fail(EFAULT);
	return fn(s, addr, len);
}

int getsockname(int fd, struct sockaddr *addr, socklen_t *len)
{
	return address_of(fd, addr, len, lwip_getsockname);
}

int getpeername(int fd, struct sockaddr *addr, socklen_t *len)
{
	return address_of(fd, addr, len, lwip_getpeername);
}
