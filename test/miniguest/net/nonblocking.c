/* Non-blocking sockets, and select and poll waking for them and the
 * console together. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <string.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "net_test.h"

#define NB_PORT 7300

static uint64_t now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (uint64_t)t.tv_sec * 1000 + (uint64_t)t.tv_nsec / 1000000;
}

/* Sends one byte on *fd after 50 ms, from another thread. */
static void *later(void *arg)
{
	usleep(50 * 1000);
	send(*(int *)arg, "!", 1, 0);
	return NULL;
}

static void calls(void)
{
	int l = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0), c, s;
	struct sockaddr_in a = loopback(NB_PORT);
	struct pollfd p;
	char buf[4];
	int err = -1;
	socklen_t len = sizeof(err);

	CHECK(l >= 0 && (fcntl(l, F_GETFL) & O_NONBLOCK), "SOCK_NONBLOCK shows in F_GETFL");
	bind(l, (struct sockaddr *)&a, sizeof(a));
	listen(l, 4);
	CHECK(accept(l, NULL, NULL) == -1 && (errno == EAGAIN || errno == EWOULDBLOCK),
	      "accept with nobody waiting: EAGAIN (%s)", strerror(errno));

	c = socket(AF_INET, SOCK_STREAM, 0);
	CHECK(fcntl(c, F_SETFL, fcntl(c, F_GETFL) | O_NONBLOCK) == 0, "F_SETFL O_NONBLOCK");
	errno = 0;
	int r = connect(c, (struct sockaddr *)&a, sizeof(a));
	CHECK(r == 0 || errno == EINPROGRESS, "non-blocking connect: 0 or EINPROGRESS (%s)",
	      strerror(errno));
	p = (struct pollfd){ .fd = c, .events = POLLOUT };
	CHECK(poll(&p, 1, 2000) == 1 && (p.revents & POLLOUT), "poll: the connection is writable");
	CHECK(getsockopt(c, SOL_SOCKET, SO_ERROR, &err, &len) == 0 && err == 0,
	      "SO_ERROR is 0 once connected");
	p = (struct pollfd){ .fd = l, .events = POLLIN };
	CHECK(poll(&p, 1, 2000) == 1 && (p.revents & POLLIN), "poll: the listener has one to accept");
	s = accept(l, NULL, NULL);
	CHECK(s >= 0, "accept it");
	CHECK(recv(c, buf, sizeof(buf), 0) == -1 && errno == EAGAIN, "recv with no data: EAGAIN");
	CHECK(recv(s, buf, sizeof(buf), MSG_DONTWAIT) == -1 && errno == EAGAIN,
	      "MSG_DONTWAIT on a blocking socket: EAGAIN");
	CHECK(read(c, buf, sizeof(buf)) == -1 && errno == EAGAIN, "read with no data: EAGAIN");

	/* A sleeper in poll and in select wakes when data comes. */
	pthread_t t;
	uint64_t t0 = now_ms();
	pthread_create(&t, NULL, later, &s);
	p = (struct pollfd){ .fd = c, .events = POLLIN };
	/* Woken, it returns well before its timeout; unwoken, only at it. */
	r = poll(&p, 1, 30000);
	CHECK(r == 1 && (p.revents & POLLIN) && now_ms() - t0 < 25000,
	      "poll wakes for data sent 50 ms later (%d, after %llu ms)", r,
	      (unsigned long long)(now_ms() - t0));
	pthread_join(t, NULL);
	CHECK(recv(c, buf, sizeof(buf), 0) == 1 && buf[0] == '!', "and the byte is there");

	fd_set rd;
	struct timeval tv = { 30, 0 };
	t0 = now_ms();
	pthread_create(&t, NULL, later, &s);
	FD_ZERO(&rd);
	FD_SET(c, &rd);
	r = select(c + 1, &rd, NULL, NULL, &tv);
	CHECK(r == 1 && FD_ISSET(c, &rd) && now_ms() - t0 < 25000,
	      "select wakes for data sent 50 ms later (%d)", r);
	pthread_join(t, NULL);
	recv(c, buf, sizeof(buf), 0);

	/* The peer closes: readable, and recv says end of file. */
	close(s);
	p = (struct pollfd){ .fd = c, .events = POLLIN };
	CHECK(poll(&p, 1, 2000) == 1 && recv(c, buf, sizeof(buf), 0) == 0,
	      "after the peer closes: readable, end of file");
	close(c);
	close(l);
}

static void mixed(void)
{
	int u = socket(AF_INET, SOCK_DGRAM, 0), pipefd[2], r;
	struct sockaddr_in a = loopback(NB_PORT + 1);
	struct pollfd p[4];
	uint64_t t0;

	bind(u, (struct sockaddr *)&a, sizeof(a));
	CHECK(pipe(pipefd) == 0, "a pipe");
	/* The console gets no input here: waiting on it and an idle socket
	 * ends at the timeout. */
	p[0] = (struct pollfd){ .fd = 0, .events = POLLIN };
	p[1] = (struct pollfd){ .fd = u, .events = POLLIN };
	t0 = now_ms();
	r = poll(p, 2, 100);
	CHECK(r == 0 && now_ms() - t0 >= 100, "poll on the console and an idle socket: 0 after "
	      "the timeout (%d, %llu ms)", r, (unsigned long long)(now_ms() - t0));
	p[0] = (struct pollfd){ .fd = 1, .events = POLLOUT };
	p[1] = (struct pollfd){ .fd = u, .events = POLLIN | POLLOUT };
	p[2] = (struct pollfd){ .fd = pipefd[0], .events = POLLIN };
	p[3] = (struct pollfd){ .fd = 55, .events = POLLIN };
	r = poll(p, 4, 0);
	CHECK(r == 3 && p[0].revents == POLLOUT && p[1].revents == POLLOUT && p[2].revents == 0 &&
	      p[3].revents == POLLNVAL, "poll over the console, a socket, a pipe and a bad fd "
	      "(%d: %x %x %x %x)", r, p[0].revents, p[1].revents, p[2].revents, p[3].revents);
	write(pipefd[1], "p", 1);
	sendto(u, "d", 1, 0, (struct sockaddr *)&a, sizeof(a));
	p[1].events = POLLIN;
	r = poll(p + 1, 2, 1000);
	CHECK(r == 2 && p[1].revents == POLLIN && p[2].revents == POLLIN,
	      "a datagram and a pipe's byte: both readable (%d)", r);

	fd_set rd, wr;
	struct timeval tv = { 0, 0 };
	FD_ZERO(&rd);
	FD_ZERO(&wr);
	FD_SET(55, &rd);
	CHECK(select(56, &rd, NULL, NULL, &tv) == -1 && errno == EBADF, "select on a bad fd: EBADF");
	FD_ZERO(&rd);
	FD_SET(u, &rd);
	FD_SET(pipefd[0], &rd);
	FD_SET(1, &wr);
	r = select(u > pipefd[0] ? u + 1 : pipefd[0] + 1, &rd, &wr, NULL, &tv);
	CHECK(r == 3 && FD_ISSET(u, &rd) && FD_ISSET(pipefd[0], &rd) && FD_ISSET(1, &wr),
	      "select: the socket, the pipe and the console (%d)", r);
	tv = (struct timeval){ 0, -1 };
	CHECK(select(1, &rd, NULL, NULL, &tv) == -1 && errno == EINVAL,
	      "select with a negative timeout: EINVAL");
	close(u);
	close(pipefd[0]);
	close(pipefd[1]);
}

void test_nonblocking(void)
{
	calls();
	mixed();
}
