/* UDP through the bridge: the server echoes datagrams until "quit"; the
 * client sends datagrams of every size class, each waited for (1 s, up
 * to TRIES times: a frame is dropped where no rx buffer is posted, as
 * happens to every guest while another floods the bridge with
 * broadcasts). */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "nettest.h"

#define MAX_DGRAM 1472          /* a 1500-byte IP packet */
#define TRIES 30

void *udp_server(void *arg)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(ECHO_PORT) };
	static char buf[2048];
	int s = socket(AF_INET, SOCK_DGRAM, 0);
	unsigned echoed = 0;

	(void)arg;
	if (bind(s, (struct sockaddr *)&a, sizeof(a)) < 0) {
		check(0, "udp server: bind: %s", strerror(errno));
		return NULL;
	}
	for (;;) {
		struct sockaddr_in from;
		socklen_t fl = sizeof(from);
		ssize_t n = recvfrom(s, buf, sizeof(buf), 0, (struct sockaddr *)&from, &fl);
		if (n < 0)
			break;
		if (n == 4 && memcmp(buf, "quit", 4) == 0)
			break;
		if (sendto(s, buf, (size_t)n, 0, (struct sockaddr *)&from, fl) == n)
			echoed++;
	}
	check(echoed > 0, "udp server: %u datagrams echoed", echoed);
	close(s);
	return NULL;
}

static void fill(char *buf, size_t n, unsigned seq)
{
	for (size_t i = 0; i < n; i++)
		buf[i] = (char)(seq * 31 + i * 13);
}

double udp_client(struct in_addr server, unsigned count)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(ECHO_PORT),
				 .sin_addr = server };
	struct timeval tv = { .tv_sec = 1 };
	static char out[MAX_DGRAM], in[2048];
	int s = socket(AF_INET, SOCK_DGRAM, 0);
	unsigned good = 0, tries = 0;

	setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	for (unsigned seq = 0; seq < count; seq++) {
		size_t n = 1 + (seq * 379u) % MAX_DGRAM;
		fill(out, n, seq);
		for (int k = 0; k < TRIES; k++) {
			tries++;
			if (sendto(s, out, n, 0, (struct sockaddr *)&a, sizeof(a)) != (ssize_t)n)
				continue;
			ssize_t r;
			/* An echo of an earlier try may come late: skip it. */
			while ((r = recv(s, in, sizeof(in), 0)) >= 0 &&
			       !((size_t)r == n && memcmp(in, out, n) == 0))
				;
			if (r >= 0) {
				good++;
				break;
			}
		}
	}
	check(good == count, "udp: %u of %u datagrams (1..%d bytes) echoed right, %u sends",
	      good, count, MAX_DGRAM, tries);
	/* Round trips, one datagram in flight. */
	double t0 = now_s();
	unsigned trips = 0;
	for (; trips < 500; trips++)
		if (sendto(s, "ping", 4, 0, (struct sockaddr *)&a, sizeof(a)) != 4 ||
		    recv(s, in, sizeof(in), 0) != 4)
			break;
	double us = trips ? (now_s() - t0) / trips * 1e6 : 0;
	printf("nettest: udp: %u round trips of 4 bytes, %.1f us each\n", trips, us);
	close(s);
	return trips == 500 ? us : 0;
}

void udp_quit(struct in_addr server)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(ECHO_PORT),
				 .sin_addr = server };
	int s = socket(AF_INET, SOCK_DGRAM, 0);

	/* Lost frames are not answered: say it a few times. */
	for (int i = 0; i < 3; i++) {
		sendto(s, "quit", 4, 0, (struct sockaddr *)&a, sizeof(a));
		usleep(100000);
	}
	close(s);
}
