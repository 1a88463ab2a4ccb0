/* The errors POSIX gives: refused and busy addresses, bad descriptors,
 * descriptors that are no sockets, bad pointers, shutdown. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "net_test.h"

#define ERR_PORT 7200

#define FAILS(call, e) (errno = 0, (call) == -1 && errno == (e))

static void addresses(void)
{
	struct sockaddr_in a = loopback(ERR_PORT);
	int fd = socket(AF_INET, SOCK_STREAM, 0), l, l2;

	CHECK(FAILS(connect(fd, (struct sockaddr *)&a, sizeof(a)), ECONNREFUSED),
	      "connect to a port nobody listens on: ECONNREFUSED (%s)", strerror(errno));
	close(fd);
	l = socket(AF_INET, SOCK_STREAM, 0);
	l2 = socket(AF_INET, SOCK_STREAM, 0);
	CHECK(bind(l, (struct sockaddr *)&a, sizeof(a)) == 0 && listen(l, 4) == 0,
	      "bind and listen");
	CHECK(FAILS(bind(l2, (struct sockaddr *)&a, sizeof(a)), EADDRINUSE),
	      "bind a second socket to the same port: EADDRINUSE (%s)", strerror(errno));
	CHECK(FAILS(bind(l, (struct sockaddr *)&a, sizeof(a)), EINVAL),
	      "bind a bound socket again: EINVAL (%s)", strerror(errno));
	close(l);
	close(l2);
	fd = socket(AF_INET, SOCK_STREAM, 0);
	a.sin_addr.s_addr = htonl(0x0a000001);
	CHECK(FAILS(bind(fd, (struct sockaddr *)&a, sizeof(a)), EADDRNOTAVAIL),
	      "bind to an address the machine lacks: EADDRNOTAVAIL (%s)", strerror(errno));
	CHECK(FAILS(bind(fd, (struct sockaddr *)&a, 3), EINVAL),
	      "bind with a short address: EINVAL (%s)", strerror(errno));
	close(fd);
}

static void descriptors(void)
{
	char buf[4];
	struct sockaddr_in a = loopback(ERR_PORT);
	socklen_t len = sizeof(a);
	int file = open("/etc/hosts", O_RDONLY), fd, opt;
	struct stat st;

	CHECK(FAILS(socket(10, SOCK_STREAM, 0), EAFNOSUPPORT), "socket(AF_INET6): EAFNOSUPPORT");
	CHECK(FAILS(socket(AF_INET, 77, 0), EINVAL), "socket with a bad type: EINVAL");
	CHECK(FAILS(send(99, "x", 1, 0), EBADF), "send on a closed descriptor: EBADF");
	CHECK(FAILS(recv(-1, buf, 1, 0), EBADF), "recv on -1: EBADF");
	CHECK(FAILS(listen(100000, 1), EBADF), "listen on 100000: EBADF");
	CHECK(FAILS(connect(file, (struct sockaddr *)&a, sizeof(a)), ENOTSOCK),
	      "connect on a file: ENOTSOCK");
	CHECK(FAILS(getsockname(0, (struct sockaddr *)&a, &len), ENOTSOCK),
	      "getsockname on the console: ENOTSOCK");
	CHECK(FAILS(setsockopt(file, SOL_SOCKET, SO_REUSEADDR, &opt, sizeof(opt)), ENOTSOCK),
	      "setsockopt on a file: ENOTSOCK");
	close(file);

	fd = socket(AF_INET, SOCK_STREAM, 0);
	CHECK(fstat(fd, &st) == 0 && S_ISSOCK(st.st_mode), "fstat says a socket");
	CHECK(lseek(fd, 0, SEEK_SET) == -1 && errno == ESPIPE, "lseek on a socket: ESPIPE");
	CHECK(FAILS(bind(fd, NULL, sizeof(a)), EFAULT), "bind with a NULL address: EFAULT");
	CHECK(FAILS(connect(fd, NULL, sizeof(a)), EFAULT), "connect with a NULL address: EFAULT");
	CHECK(FAILS(getsockname(fd, NULL, &len), EFAULT), "getsockname into NULL: EFAULT");
	CHECK(FAILS(getsockopt(fd, SOL_SOCKET, SO_TYPE, &opt, NULL), EFAULT),
	      "getsockopt with a NULL length: EFAULT");
	CHECK(FAILS(send(fd, NULL, 10, 0), EFAULT), "send from NULL: EFAULT");
	CHECK(FAILS(recv(fd, buf, 1, 0), ENOTCONN), "recv on an unconnected socket: ENOTCONN (%s)",
	      strerror(errno));
	CHECK(FAILS(getpeername(fd, (struct sockaddr *)&a, &len), ENOTCONN),
	      "getpeername unconnected: ENOTCONN (%s)", strerror(errno));
	CHECK(FAILS(shutdown(fd, 7), EINVAL), "shutdown with a bad how: EINVAL");
	CHECK(close(fd) == 0 && FAILS(close(fd), EBADF), "close, then close again: EBADF");
}

static void shutdowns(void)
{
	int l = listener(ERR_PORT + 1), c = connected(ERR_PORT + 1), s;
	char buf[8];

	s = accept(l, NULL, NULL);
	CHECK(s >= 0 && c >= 0, "a connection for shutdown");
	CHECK(shutdown(c, SHUT_WR) == 0, "shutdown(SHUT_WR)");
	CHECK(recv(s, buf, sizeof(buf), 0) == 0, "the peer reads end of file");
	CHECK(FAILS(send(c, "x", 1, 0), EPIPE), "send after SHUT_WR: EPIPE (%s)", strerror(errno));
	CHECK(send(s, "back", 4, 0) == 4 && recv(c, buf, sizeof(buf), 0) == 4,
	      "the other way still carries data");
	CHECK(shutdown(s, SHUT_RDWR) == 0 && recv(c, buf, sizeof(buf), 0) == 0,
	      "after the peer's SHUT_RDWR, end of file");
	close(s);
	close(c);
	close(l);
}

void test_errors(void)
{
	addresses();
	descriptors();
	shutdowns();
}
