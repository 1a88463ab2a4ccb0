/* TCP over 127.0.0.1: an echo server on a thread, a MiB through it with a
 * checksum each way, many connections, the listen backlog. */
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "net_test.h"

#define ECHO_PORT 7000
#define TOTAL (1024 * 1024)

/* Echoes each connection it accepts until its peer closes; stops after
 * `conns' connections. */
struct echo {
	int fd, conns;
};

static void *echo_server(void *arg)
{
	struct echo *e = arg;
	char buf[4096];

	for (int i = 0; i < e->conns; i++) {
		int c = accept(e->fd, NULL, NULL);
		ssize_t n;

		if (c < 0)
			break;
		while ((n = recv(c, buf, sizeof(buf), 0)) > 0)
			if (send(c, buf, (size_t)n, 0) != n)
				break;
		close(c);
	}
	return NULL;
}

static uint32_t fnv(uint32_t h, const unsigned char *p, size_t n)
{
	while (n--)
		h = (h ^ *p++) * 16777619u;
	return h;
}

/* What the writer thread sends: TOTAL bytes of a known pattern. */
static void *writer(void *arg)
{
	int fd = *(int *)arg;
	unsigned char buf[3000];
	size_t sent = 0;

	while (sent < TOTAL) {
		size_t n = TOTAL - sent < sizeof(buf) ? TOTAL - sent : sizeof(buf);
		for (size_t i = 0; i < n; i++)
			buf[i] = (unsigned char)((sent + i) * 7 + ((sent + i) >> 9));
		ssize_t w = send(fd, buf, n, 0);
		if (w <= 0)
			break;
		sent += (size_t)w;
	}
	shutdown(fd, SHUT_WR);
	return (void *)sent;
}

static void megabyte(void)
{
	struct echo e = { listener(ECHO_PORT), 1 };
	pthread_t server, w;
	unsigned char buf[5000];
	uint32_t want = 2166136261u, got = 2166136261u;
	size_t total = 0;
	void *sent;
	ssize_t n;
	int fd;

	CHECK(e.fd >= 0, "a listener on 127.0.0.1:%d", ECHO_PORT);
	pthread_create(&server, NULL, echo_server, &e);
	fd = connected(ECHO_PORT);
	CHECK(fd >= 0, "connect to the echo server");
	for (size_t i = 0; i < TOTAL; i++) {
		unsigned char b = (unsigned char)(i * 7 + (i >> 9));
		want = fnv(want, &b, 1);
	}
	pthread_create(&w, NULL, writer, &fd);
	while ((n = recv(fd, buf, sizeof(buf), 0)) > 0) {
		got = fnv(got, buf, (size_t)n);
		total += (size_t)n;
	}
	pthread_join(w, &sent);
	pthread_join(server, NULL);
	CHECK((size_t)sent == TOTAL && total == TOTAL && got == want,
	      "1 MiB echoed: %zu sent, %zu back, checksum %08x (want %08x)", (size_t)sent, total,
	      got, want);
	close(fd);
	close(e.fd);
}

static void many(void)
{
	enum { N = 32, AT_ONCE = 12 };   /* at once: fewer than the backlog */
	struct echo e = { listener(ECHO_PORT + 1), N };
	pthread_t server;
	int ok = 0, fds[AT_ONCE], opened = 0;

	pthread_create(&server, NULL, echo_server, &e);
	/* One after another... */
	for (int i = 0; i < N - AT_ONCE; i++) {
		int fd = connected(ECHO_PORT + 1);
		char msg[16], back[16] = "";
		int len = snprintf(msg, sizeof(msg), "conn %d", i);
		if (fd >= 0 && send(fd, msg, (size_t)len, 0) == len &&
		    recv(fd, back, sizeof(back), 0) == len && memcmp(msg, back, (size_t)len) == 0)
			ok++;
		close(fd);
	}
	CHECK(ok == N - AT_ONCE, "%d connections one after another: %d echoed", N - AT_ONCE, ok);
	/* ...and many open at once (the server takes them in turn). */
	for (int i = 0; i < AT_ONCE; i++)
		if ((fds[i] = connected(ECHO_PORT + 1)) >= 0)
			opened++;
	CHECK(opened == AT_ONCE, "%d connections open at once: %d", AT_ONCE, opened);
	ok = 0;
	for (int i = 0; i < AT_ONCE; i++) {
		char c = (char)('a' + i), back = 0;
		if (fds[i] >= 0 && send(fds[i], &c, 1, 0) == 1 && shutdown(fds[i], SHUT_WR) == 0 &&
		    recv(fds[i], &back, 1, 0) == 1 && back == c)
			ok++;
		close(fds[i]);
	}
	pthread_join(server, NULL);
	CHECK(ok == AT_ONCE, "each of them echoed: %d", ok);
	close(e.fd);
}

/* The backlog counts connections not yet accepted: with it full, another
 * connect does not complete until accept makes room. */
static void backlog(void)
{
	int l = listener(ECHO_PORT + 2), c[3], a[3], ok = 0, r;
	struct sockaddr_in addr = loopback(ECHO_PORT + 2);
	struct pollfd p;

	CHECK(listen(l, 2) == 0, "listen with a backlog of 2");
	for (int i = 0; i < 2; i++)
		c[i] = connected(ECHO_PORT + 2);
	CHECK(c[0] >= 0 && c[1] >= 0, "2 connects complete before any accept");
	c[2] = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	r = connect(c[2], (struct sockaddr *)&addr, sizeof(addr));
	p = (struct pollfd){ .fd = c[2], .events = POLLOUT };
	CHECK(r == -1 && errno == EINPROGRESS && poll(&p, 1, 300) == 0,
	      "a third waits while the backlog is full (not connected after 300 ms)");
	for (int i = 0; i < 2; i++) {
		struct sockaddr_in peer, mine;
		socklen_t plen = sizeof(peer), mlen = sizeof(mine);
		a[i] = accept(l, (struct sockaddr *)&peer, &plen);
		getsockname(c[i], (struct sockaddr *)&mine, &mlen);
		if (a[i] >= 0 && plen == sizeof(peer) && peer.sin_port == mine.sin_port &&
		    peer.sin_addr.s_addr == htonl(INADDR_LOOPBACK))
			ok++;
	}
	CHECK(ok == 2, "accept takes them in order, with each peer's address: %d", ok);
	/* Its SYN is sent again after lwIP's first timeout (3 s). */
	CHECK(poll(&p, 1, 20000) == 1 && (p.revents & POLLOUT),
	      "with room made, the third connects");
	a[2] = accept(l, NULL, NULL);
	CHECK(a[2] >= 0, "and is accepted");
	for (int i = 0; i < 3; i++) {
		close(a[i]);
		close(c[i]);
	}
	close(l);
}

void test_tcp(void)
{
	megabyte();
	many();
	backlog();
}
