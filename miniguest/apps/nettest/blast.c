/* nettest's receive benchmark: datagrams of one frame size sent one way
 * as fast as the sender goes (a frame no rx buffer waits for is dropped
 * at the bridge, as ever), counted by a sink that says, when asked, how
 * many came and over how long; the driver domain's running time over the
 * same window comes from dom0 through data/netcost (netback's
 * back_cost.c). The same blast over loopback inside the sender, without
 * rings or bridge, is the throughput's floor. */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "nettest.h"
#include "xenbus/xenbus.h"

#define SINK_PORT 5001
#define HEADERS 42              /* ethernet, IPv4 and UDP */

struct tally {
	unsigned frames;
	double seconds;         /* first frame to last */
};

void *udp_sink(void *arg)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(SINK_PORT) };
	static char buf[2048];
	int s = socket(AF_INET, SOCK_DGRAM, 0);
	unsigned frames = 0;
	double first = 0, last = 0;

	(void)arg;
	if (bind(s, (struct sockaddr *)&a, sizeof(a)) < 0)
		return NULL;
	for (;;) {
		struct sockaddr_in from;
		socklen_t fl = sizeof(from);
		ssize_t n = recvfrom(s, buf, sizeof(buf), 0, (struct sockaddr *)&from, &fl);
		if (n < 0 || (n == 4 && memcmp(buf, "quit", 4) == 0))
			break;
		if (n == 3 && memcmp(buf, "end", 3) == 0) {
			char r[48];
			int len = snprintf(r, sizeof(r), "%u %.6f", frames, last - first);
			sendto(s, r, (size_t)len, 0, (struct sockaddr *)&from, fl);
			frames = 0;
			continue;
		}
		last = now_s();
		if (frames++ == 0)
			first = last;
	}
	close(s);
	return NULL;
}

/* count datagrams making frames of size bytes, then the sink's tally
 * (asked up to 10 times): false when it never answered. */
static bool blast(struct in_addr to, unsigned size, unsigned count, struct tally *t)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(SINK_PORT), .sin_addr = to };
	struct timeval tv = { .tv_sec = 1 };
	static char out[1514], in[64];
	int s = socket(AF_INET, SOCK_DGRAM, 0);
	bool ok = false;

	memset(out, 0x5a, sizeof(out));
	setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	for (unsigned i = 0; i < count; i++)
		sendto(s, out, size - HEADERS, 0, (struct sockaddr *)&a, sizeof(a));
	for (int k = 0; k < 10 && !ok; k++) {
		ssize_t n;
		sendto(s, "end", 3, 0, (struct sockaddr *)&a, sizeof(a));
		if ((n = recv(s, in, sizeof(in) - 1, 0)) > 0) {
			in[n] = '\0';
			ok = sscanf(in, "%u %lf", &t->frames, &t->seconds) == 2;
		}
	}
	close(s);
	return ok;
}

/* Our data/netcost key set to v; with reply, waiting (10 s at most) until
 * dom0 answers with a value starting so, copied to out. */
static bool netcost(const char *v, const char *reply, char *out, size_t max)
{
	char path[64];

	snprintf(path, sizeof(path), "/local/domain/%d/data/netcost", xb_domid());
	if (xb_write(path, v) < 0)
		return false;
	for (int i = 0; i < 1000; i++) {
		if (xb_read(path, out, (uint32_t)max) == 0 && strncmp(out, reply, strlen(reply)) == 0)
			return true;
		usleep(10000);
	}
	return false;
}

/* One frame size: BENCH lines of the rate (frames/s, the loopback's the
 * floor) and of dom0's time per frame (ns, two grant copies the floor). */
static void one_size(struct in_addr server, const char *mode, unsigned size, unsigned count)
{
	struct in_addr lo;
	struct tally net, loop;
	char v[64];
	unsigned long long ns = 0, floor = 0;

	inet_aton("127.0.0.1", &lo);
	bool ok = netcost("start", "started", v, sizeof(v)) && blast(server, size, count, &net);
	snprintf(v, sizeof(v), "stop %u", size);
	ok = ok && netcost(v, "done ", v, sizeof(v)) && sscanf(v + 5, "%llu %llu", &ns, &floor) == 2;
	ok = ok && blast(lo, size, count, &loop);
	check(ok && net.frames > 0, "blast %s %u B: %u of %u frames came", mode, size,
	      ok ? net.frames : 0, count);
	if (!ok || !net.frames || net.seconds <= 0 || loop.seconds <= 0)
		return;
	printf("BENCH {\"metric\": \"rx_%s_%u_rate\", \"value\": %.0f, \"unit\": \"frames/s\", "
	       "\"floor\": %.0f}\n", mode, size, net.frames / net.seconds, loop.frames / loop.seconds);
	printf("BENCH {\"metric\": \"rx_%s_%u_dom0\", \"value\": %.0f, \"unit\": \"ns/frame\", "
	       "\"floor\": %llu}\n", mode, size, (double)ns / net.frames, floor);
}

/* Lost frames are not answered: said a few times. */
static void sink_quit(struct in_addr to)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(SINK_PORT), .sin_addr = to };
	int s = socket(AF_INET, SOCK_DGRAM, 0);

	for (int i = 0; i < 3; i++) {
		sendto(s, "quit", 4, 0, (struct sockaddr *)&a, sizeof(a));
		usleep(100000);
	}
	close(s);
}

void blast_bench(struct in_addr server, const char *mode, unsigned count)
{
	struct in_addr lo;
	pthread_t t;

	struct tally none;
	pthread_create(&t, NULL, udp_sink, NULL);
	/* The server's sink answers once it is up (ARP, its vif): a minute. */
	for (int i = 0; i < 6 && !blast(server, 64, 0, &none); i++)
		;
	one_size(server, mode, 64, count);
	one_size(server, mode, 1514, count);
	inet_aton("127.0.0.1", &lo);
	sink_quit(lo);
	sink_quit(server);
	pthread_join(t, NULL);
}
