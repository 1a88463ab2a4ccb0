/* TCP through the bridge: the server echoes one connection and, once the
 * client has shut its side, says what it received (CRC-32 and length)
 * and shuts its own, closing when the client has read it all and closed;
 * the client writes from a thread of its own while it reads the echo,
 * and checks the three CRCs (sent, echoed, the server's) agree. */
#include <arpa/inet.h>
#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "nettest.h"

void tcp_server(void)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(ECHO_PORT) };
	int l = socket(AF_INET, SOCK_STREAM, 0), one = 1;
	static char buf[8192];
	uint64_t got = 0;
	uint32_t crc = 0;
	ssize_t n;

	setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(l, (struct sockaddr *)&a, sizeof(a)) < 0 || listen(l, 4) < 0) {
		check(0, "tcp server: bind/listen: %s", strerror(errno));
		return;
	}
	printf("nettest: tcp echo listening on port %d\n", ECHO_PORT);
	int c = accept(l, NULL, NULL);
	check(c >= 0, "tcp server: accepted a connection");
	if (c < 0)
		return;
	while ((n = recv(c, buf, sizeof(buf), 0)) > 0) {
		crc = crc32_update(crc, buf, (size_t)n);
		got += (uint64_t)n;
		if (send(c, buf, (size_t)n, 0) != n)
			break;
	}
	char trailer[64];
	int len = snprintf(trailer, sizeof(trailer), "crc %08" PRIx32 " len %" PRIu64 "\n", crc, got);
	check(send(c, trailer, (size_t)len, 0) == len, "tcp server: %" PRIu64 " bytes, crc32 %08" PRIx32,
	      got, crc);
	/* Our side done: the client reads the trailer to our FIN, then
	 * closes; its EOF here says all of ours arrived. */
	shutdown(c, SHUT_WR);
	while (recv(c, buf, sizeof(buf), 0) > 0)
		;
	close(c);
	close(l);
}

void tcp_serve(unsigned connections)
{
	for (unsigned i = 0; i < connections; i++)
		tcp_server();
}

void *tcp_server_thread(void *arg)
{
	(void)arg;
	tcp_server();
	return NULL;
}

struct writing {
	int fd;
	uint64_t bytes;
	uint32_t crc;
	int err;
};

static void *writer(void *arg)
{
	struct writing *w = arg;
	static uint8_t buf[4000];
	uint64_t sent = 0;

	while (sent < w->bytes) {
		size_t n = w->bytes - sent < sizeof(buf) ? (size_t)(w->bytes - sent) : sizeof(buf);
		for (size_t i = 0; i < n; i++)
			buf[i] = stream_byte(sent + i);
		w->crc = crc32_update(w->crc, buf, n);
		ssize_t k = send(w->fd, buf, n, 0);
		if (k <= 0) {
			w->err = errno;
			break;
		}
		/* A short send: the rest goes again (the crc counted it). */
		if ((size_t)k < n) {
			w->err = EIO;
			break;
		}
		sent += n;
	}
	shutdown(w->fd, SHUT_WR);
	return NULL;
}

/* Connect, waiting for the server's listen (up to 30 s). */
static int dial(struct in_addr server)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(ECHO_PORT),
				 .sin_addr = server };

	for (int i = 0; i < 30; i++) {
		int s = socket(AF_INET, SOCK_STREAM, 0);
		if (connect(s, (struct sockaddr *)&a, sizeof(a)) == 0)
			return s;
		close(s);
		sleep(1);
	}
	return -1;
}

double tcp_client(struct in_addr server, uint64_t bytes)
{
	static char buf[8192];
	struct writing w = { .bytes = bytes };
	uint64_t got = 0;
	uint32_t crc = 0;
	int mismatch = 0;
	pthread_t t;

	w.fd = dial(server);
	check(w.fd >= 0, "tcp: connected to %s:%d", inet_ntoa(server), ECHO_PORT);
	if (w.fd < 0)
		return 0;
	double t0 = now_s();
	pthread_create(&t, NULL, writer, &w);
	while (got < bytes) {
		size_t want = bytes - got < sizeof(buf) ? (size_t)(bytes - got) : sizeof(buf);
		ssize_t n = recv(w.fd, buf, want, 0);
		if (n <= 0)
			break;
		for (ssize_t i = 0; i < n && !mismatch; i++)
			mismatch = (uint8_t)buf[i] != stream_byte(got + (uint64_t)i);
		crc = crc32_update(crc, buf, (size_t)n);
		got += (uint64_t)n;
	}
	double secs = now_s() - t0;
	pthread_join(t, NULL);
	/* The server's trailer: what it received. */
	char trailer[64] = "";
	size_t have = 0;
	ssize_t n;
	while (have < sizeof(trailer) - 1 &&
	       (n = recv(w.fd, trailer + have, sizeof(trailer) - 1 - have, 0)) > 0)
		have += (size_t)n;
	trailer[have] = 0;
	unsigned server_crc = 0;
	unsigned long long server_len = 0;
	int parsed = sscanf(trailer, "crc %x len %llu", &server_crc, &server_len) == 2;
	close(w.fd);
	check(w.err == 0, "tcp: %llu bytes sent, crc32 %08x", (unsigned long long)bytes, w.crc);
	check(got == bytes && !mismatch && crc == w.crc,
	      "tcp: %llu bytes echoed back, crc32 %08x%s", (unsigned long long)got, crc,
	      mismatch ? " (a byte differs)" : "");
	check(parsed && server_len == bytes && server_crc == w.crc,
	      "tcp: the server received %llu bytes, crc32 %08x", server_len, server_crc);
	double rate = secs > 0 && got == bytes ? (double)bytes / secs / 1e6 : 0.0;
	printf("nettest: tcp: %.2f MB/s each way (%.2f s)\n", rate, secs);
	return rate;
}
