/* With the argument "bench": loopback TCP throughput, 8 MiB from one
 * thread to another through lwIP, beside the same bytes through a pipe
 * between the same two threads (the floor: what moving them costs without
 * a network stack), as BENCH lines (test/bench/netbench.py). */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "net_test.h"

#define BENCH_PORT 7500
#define BYTES (8u << 20)
#define CHUNK 16384

static char out_buf[CHUNK], in_buf[CHUNK];

static void *drain(void *arg)
{
	int fd = *(int *)arg;
	size_t got = 0;
	ssize_t n;

	while (got < BYTES && (n = read(fd, in_buf, sizeof(in_buf))) > 0)
		got += (size_t)n;
	return (void *)got;
}

/* Megabytes per second writing BYTES to wr while a thread reads rd; 0 if
 * they did not all arrive. */
static double throughput(int wr, int rd)
{
	struct timespec t0, t1;
	pthread_t t;
	size_t sent = 0;
	void *got;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	pthread_create(&t, NULL, drain, &rd);
	while (sent < BYTES) {
		ssize_t n = write(wr, out_buf, BYTES - sent < CHUNK ? BYTES - sent : CHUNK);
		if (n <= 0)
			break;
		sent += (size_t)n;
	}
	pthread_join(t, &got);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	return (size_t)got == BYTES && s > 0 ? BYTES / s / 1e6 : 0;
}

int bench(void)
{
	int l = listener(BENCH_PORT), c = connected(BENCH_PORT), s = accept(l, NULL, NULL), p[2];
	double tcp, pipe_mbs;

	memset(out_buf, 0x5a, sizeof(out_buf));
	CHECK(l >= 0 && c >= 0 && s >= 0 && pipe(p) == 0, "a connection and a pipe");
	tcp = throughput(c, s);
	pipe_mbs = throughput(p[1], p[0]);
	CHECK(tcp > 0 && pipe_mbs > 0, "8 MiB through each");
	printf("BENCH {\"metric\": \"loopback_tcp\", \"value\": %.1f, \"unit\": \"MB/s\", "
	       "\"floor\": %.1f}\n", tcp, pipe_mbs);
	return check_finish();
}
