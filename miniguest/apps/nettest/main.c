/* nettest: guests talking over their vifs (netfront, netback's bridge).
 *   nettest server [N]          TCP echo (N connections, one by default,
 *                               one at a time; at the end of each the
 *                               CRC-32 and length of what came, a trailer)
 *                               and UDP echo until a "quit" datagram
 *   nettest client ADDR [MiB]   a connect to a closed port (ECONNREFUSED),
 *                               datagrams echoed, MiB (10) through the TCP
 *                               echo with CRC-32s on both ends, "quit"
 *   nettest client find [MiB]   the same with the server's address found
 *                               by a broadcast (find.c: DHCP's leases)
 *   nettest client ADDR MiB bench  the same, then the same over loopback
 *                               (servers on threads here): BENCH lines of
 *                               both rates, loopback's the floor
 *                               (test/bench/netpvbench.py)
 *   nettest sink                the blast's receiver alone, until "quit"
 *   nettest blast ADDR MODE N   N frames of 64, then of 1514 bytes to the
 *                               server's sink, as fast as they go: BENCH
 *                               lines of the rate and dom0's time a frame
 *                               (blast.c; MODE names them)
 *   nettest client ADDR MiB fair DOMID  the same, then the TCP echo
 *                               again while domain DOMID floods the bridge
 *                               (fair.c; the server serves 2)
 *   nettest nonet               no vif: connect and sendto to another
 *                               network fail with ENETUNREACH
 * The address is the environment's ip= (netfront_if.c). */
#include <arpa/inet.h>
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "nettest.h"

int checks, right;

void check(int ok, const char *fmt, ...)
{
	va_list ap;

	checks++;
	right += ok != 0;
	printf("nettest: %s ", ok ? "ok  " : "FAIL");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
}

double now_s(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void nonet(void)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(ECHO_PORT) };
	int s = socket(AF_INET, SOCK_STREAM, 0);

	inet_aton("10.0.0.1", &a.sin_addr);
	errno = 0;
	int rc = connect(s, (struct sockaddr *)&a, sizeof(a));
	check(rc < 0 && errno == ENETUNREACH, "no vif: TCP connect to 10.0.0.1: %s",
	      rc < 0 ? strerror(errno) : "connected");
	close(s);
	s = socket(AF_INET, SOCK_DGRAM, 0);
	errno = 0;
	rc = (int)sendto(s, "x", 1, 0, (struct sockaddr *)&a, sizeof(a));
	check(rc < 0 && errno == ENETUNREACH, "no vif: UDP sendto 10.0.0.1: %s",
	      rc < 0 ? strerror(errno) : "sent");
	close(s);
	/* Loopback still works. */
	inet_aton("127.0.0.1", &a.sin_addr);
	rc = (int)sendto(s = socket(AF_INET, SOCK_DGRAM, 0), "x", 1, 0, (struct sockaddr *)&a,
			 sizeof(a));
	check(rc == 1, "no vif: UDP sendto 127.0.0.1 still goes");
	close(s);
}

/* The same over loopback, against servers on threads of this guest:
 * what the stack costs without the rings and the bridge. */
static void bench(double rate, double rtt, uint64_t bytes)
{
	struct in_addr lo;
	pthread_t t[2];

	inet_aton("127.0.0.1", &lo);
	pthread_create(&t[0], NULL, udp_server, NULL);
	pthread_create(&t[1], NULL, tcp_server_thread, NULL);
	double lo_rtt = udp_client(lo, 20), lo_rate = tcp_client(lo, bytes);
	udp_quit(lo);
	pthread_join(t[0], NULL);
	pthread_join(t[1], NULL);
	printf("BENCH {\"metric\": \"guest_tcp_echo\", \"value\": %.2f, \"unit\": \"MB/s\", "
	       "\"floor\": %.2f}\n", rate, lo_rate);
	printf("BENCH {\"metric\": \"guest_udp_rtt\", \"value\": %.1f, \"unit\": \"us\", "
	       "\"floor\": %.1f}\n", rtt, lo_rtt);
}

int main(int argc, char **argv)
{
	struct in_addr server;

	if (argc >= 2 && strcmp(argv[1], "server") == 0) {
		pthread_t t;
		pthread_create(&t, NULL, udp_server, NULL);
		tcp_serve(argc >= 3 ? (unsigned)strtoul(argv[2], NULL, 10) : 1);
		pthread_join(t, NULL);
	} else if (argc >= 3 && strcmp(argv[1], "client") == 0 &&
		   (strcmp(argv[2], "find") == 0 ? find_server(&server) : inet_aton(argv[2], &server))) {
		uint64_t mib = argc >= 4 ? strtoull(argv[3], NULL, 10) : 10;
		struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(CLOSED_PORT),
					 .sin_addr = server };
		int s = socket(AF_INET, SOCK_STREAM, 0), rc;
		/* The first frames wait for ARP and for the server to come. */
		for (int i = 0; i < 50; i++) {
			errno = 0;
			if ((rc = connect(s, (struct sockaddr *)&a, sizeof(a))) < 0 &&
			    errno == ECONNREFUSED)
				break;
			close(s);
			s = socket(AF_INET, SOCK_STREAM, 0);
			sleep(1);
		}
		check(rc < 0 && errno == ECONNREFUSED, "connect to closed port %d: %s", CLOSED_PORT,
		      rc < 0 ? strerror(errno) : "connected");
		close(s);
		double rtt = udp_client(server, 200), rate = tcp_client(server, mib << 20);
		udp_quit(server);
		if (argc >= 5 && strcmp(argv[4], "bench") == 0)
			bench(rate, rtt, mib << 20);
		if (argc >= 6 && strcmp(argv[4], "fair") == 0)
			fair(server, mib << 20, rate, strtol(argv[5], NULL, 10));
	} else if (argc >= 5 && strcmp(argv[1], "blast") == 0 && inet_aton(argv[2], &server)) {
		blast_bench(server, argv[3], (unsigned)strtoul(argv[4], NULL, 10));
	} else if (argc >= 2 && strcmp(argv[1], "sink") == 0) {
		udp_sink(NULL);
	} else if (argc >= 2 && strcmp(argv[1], "nonet") == 0) {
		nonet();
	} else {
		printf("usage: nettest server | client ADDR|find [MiB] | sink | blast ADDR MODE N | nonet\n");
		return 2;
	}
	printf("nettest: %d of %d checks right\n", right, checks);
	printf("Test result: %s\n", right == checks ? "SUCCESS" : "FAILURE");
	return right == checks ? 0 : 1;
}
