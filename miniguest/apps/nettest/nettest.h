/* nettest: two guests on netback's bridge (netfront, lwIP). */
#ifndef NETTEST_H
#define NETTEST_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <netinet/in.h>

#define ECHO_PORT 7             /* TCP and UDP echo */
#define CLOSED_PORT 9           /* never listened on */

extern int checks, right;
void check(int ok, const char *fmt, ...);

/* crc.c: CRC-32 (IEEE 802.3), continued from crc (0 to start). */
uint32_t crc32_update(uint32_t crc, const void *p, size_t n);
/* The byte at offset i of the stream the client sends. */
static inline uint8_t stream_byte(uint64_t i)
{
	return (uint8_t)(i * 7 + (i >> 9) + (i >> 17));
}

/* tcp.c: the client's rate each way (MB/s), 0 when it failed. */
void tcp_server(void);
void tcp_serve(unsigned connections);
void *tcp_server_thread(void *arg);
double tcp_client(struct in_addr server, uint64_t bytes);
/* udp.c: the client's round trip (us) of a 4-byte datagram, 0 when it
 * failed. */
void *udp_server(void *arg);
double udp_client(struct in_addr server, unsigned count);
void udp_quit(struct in_addr server);
/* blast.c: a UDP sink (port 5001) counting what comes; the blast of
 * count frames of 64 and of 1514 bytes to server's sink, BENCH lines of
 * each (mode names them: copy or flip). */
void *udp_sink(void *arg);
void blast_bench(struct in_addr server, const char *mode, unsigned count);
/* fair.c: the TCP echo of bytes again while domain peer floods the
 * bridge, against its rate alone. */
void fair(struct in_addr server, uint64_t bytes, double alone, long peer);
/* find.c: the address of the server answering a broadcast, once this
 * guest has one (by DHCP): false when none answered within a minute. */
bool find_server(struct in_addr *server);
/* main.c: seconds since start, for rates. */
double now_s(void);

#endif
