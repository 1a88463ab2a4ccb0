/* Socket options. */
#include <errno.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "net_test.h"

#define OPT_PORT 7400

static int get(int fd, int level, int name)
{
	int v = -1;
	socklen_t len = sizeof(v);

	if (getsockopt(fd, level, name, &v, &len) < 0 || len != sizeof(v))
		return -2;
	return v;
}

static void flags(void)
{
	int t = socket(AF_INET, SOCK_STREAM, 0), u = socket(AF_INET, SOCK_DGRAM, 0), on = 1;

	CHECK(get(t, SOL_SOCKET, SO_TYPE) == SOCK_STREAM && get(u, SOL_SOCKET, SO_TYPE) == SOCK_DGRAM,
	      "SO_TYPE");
	CHECK(get(t, SOL_SOCKET, SO_REUSEADDR) == 0 &&
	      setsockopt(t, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on)) == 0 &&
	      get(t, SOL_SOCKET, SO_REUSEADDR) != 0, "SO_REUSEADDR off, then on");
	CHECK(setsockopt(t, SOL_SOCKET, SO_KEEPALIVE, &on, sizeof(on)) == 0 &&
	      get(t, SOL_SOCKET, SO_KEEPALIVE) != 0, "SO_KEEPALIVE");
	CHECK(setsockopt(t, IPPROTO_TCP, TCP_NODELAY, &on, sizeof(on)) == 0 &&
	      get(t, IPPROTO_TCP, TCP_NODELAY) != 0, "TCP_NODELAY");
	int size = 32768;
	CHECK(setsockopt(t, SOL_SOCKET, SO_RCVBUF, &size, sizeof(size)) == 0 &&
	      get(t, SOL_SOCKET, SO_RCVBUF) == 32768, "SO_RCVBUF");
	CHECK(setsockopt(t, SOL_SOCKET, SO_SNDBUF, &size, sizeof(size)) == 0 &&
	      get(t, SOL_SOCKET, SO_SNDBUF) > 0, "SO_SNDBUF (%d)", get(t, SOL_SOCKET, SO_SNDBUF));
	CHECK(get(t, SOL_SOCKET, SO_ERROR) == 0, "SO_ERROR");
	CHECK(setsockopt(t, SOL_SOCKET, 0x7777, &on, sizeof(on)) == -1 && errno == ENOPROTOOPT,
	      "an unknown option: ENOPROTOOPT");
	CHECK(setsockopt(t, SOL_SOCKET, SO_KEEPALIVE, &on, 1) == -1 && errno == EINVAL,
	      "a short option value: EINVAL");
	CHECK(setsockopt(t, SOL_SOCKET, SO_KEEPALIVE, NULL, 4) == -1 && errno == EFAULT,
	      "a NULL option value: EFAULT");
	close(t);
	close(u);
}

static void timeouts(void)
{
	int l = listener(OPT_PORT), c = connected(OPT_PORT), s = accept(l, NULL, NULL);
	struct timeval tv = { 0, 150 * 1000 }, back;
	socklen_t len = sizeof(back);
	struct timespec t0, t1;
	char buf[4];

	CHECK(setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)) == 0 &&
	      getsockopt(c, SOL_SOCKET, SO_RCVTIMEO, &back, &len) == 0 && back.tv_sec == 0 &&
	      back.tv_usec == 150000, "SO_RCVTIMEO set and read back");
	clock_gettime(CLOCK_MONOTONIC, &t0);
	errno = 0;
	ssize_t r = recv(c, buf, sizeof(buf), 0);
	int e = errno;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	long ms = (long)((t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000);
	CHECK(r == -1 && (e == EAGAIN || e == EWOULDBLOCK) && ms >= 140,
	      "recv with nothing to read ends after the timeout with EAGAIN (%ld ms, %s)", ms,
	      strerror(e));
	send(s, "ok", 2, 0);
	CHECK(recv(c, buf, sizeof(buf), 0) == 2, "and still reads what comes after");
	tv = (struct timeval){ 0, 100 * 1000 };
	CHECK(setsockopt(c, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv)) == 0, "SO_SNDTIMEO");
	close(s);
	close(c);
	close(l);
}

void test_options(void)
{
	flags();
	timeouts();
}
