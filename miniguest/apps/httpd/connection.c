/* One connection (httpd.h): request heads read into a buffer of REQ_MAX
 * bytes, answered in order (pipelined ones too), until the peer closes,
 * asks to close, sends garbage or is idle for IDLE_S seconds. */
#include "httpd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#define IDLE_S 30
#define LINGER_S 2
#define LINGER_MAX (256 * 1024)

/* Reads until buf holds a whole head: its length with the empty line, 0
 * when the peer went first, -1 when REQ_MAX bytes hold none. */
static long read_head(int fd, char *buf, size_t *have)
{
	for (;;) {
		buf[*have] = '\0';
		char *end = strstr(buf, "\r\n\r\n");
		if (end)
			return end + 4 - buf;
		/* A NUL byte would hide the end from strstr: garbage anyway. */
		if (strlen(buf) != *have || *have == REQ_MAX)
			return -1;
		ssize_t n = read(fd, buf + *have, REQ_MAX - *have);
		if (n <= 0)
			return 0;
		*have += (size_t)n;
	}
}

/* Reads and drops a request body of len bytes, what of it is already in
 * buf first; false when the peer went. */
static bool drop_body(int fd, char *buf, size_t *have, size_t len)
{
	size_t now = len < *have ? len : *have;

	memmove(buf, buf + now, *have - now);
	*have -= now;
	for (len -= now; len;) {
		ssize_t n = read(fd, buf + *have, len < REQ_MAX - *have ? len : REQ_MAX - *have);
		if (n <= 0)
			return false;
		len -= (size_t)n;
	}
	return true;
}

/* After a refusal: the answer's end sent, what the peer still sends read
 * and dropped for a while, so that closing with unread data (a reset)
 * does not destroy the answer before the peer reads it. */
static void linger_close(int fd, char *buf)
{
	struct timeval t = { LINGER_S, 0 };
	size_t dropped = 0;
	ssize_t n;

	shutdown(fd, SHUT_WR);
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &t, sizeof(t));
	while (dropped < LINGER_MAX && (n = read(fd, buf, REQ_MAX)) > 0)
		dropped += (size_t)n;
}

void connection(int fd, unsigned id)
{
	char *buf = malloc(REQ_MAX + 1);
	size_t have = 0;
	unsigned served = 0, bad = 0, missing = 0;
	struct timeval idle = { IDLE_S, 0 };
	int one = 1;

	if (!buf) {
		close(fd);
		return;
	}
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &idle, sizeof(idle));
	/* A head and a short body are two writes: without this the body
	 * waits for the peer to acknowledge the head. */
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	for (;;) {
		long len = read_head(fd, buf, &have);
		if (len == 0)
			break;
		struct request r = { .method = M_OTHER };
		int status = len < 0 ? 400 : parse_request(buf, (size_t)len, &r);
		served++;
		if (status) {
			bad++;
			answer_error(fd, status, status != 400 && r.method == M_HEAD);
			linger_close(fd, buf);
			break;
		}
		memmove(buf, buf + len, have - (size_t)len);
		have -= (size_t)len;
		if (r.body && !drop_body(fd, buf, &have, r.body))
			break;
		int rc = serve(fd, &r, &status);
		missing += status == 404;
		if (rc < 0)
			break;
	}
	close(fd);
	free(buf);
	printf("httpd: connection %u closed after %u request(s): %u not found, %u refused\n", id,
	       served, missing, bad);
}
