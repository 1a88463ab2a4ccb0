/* UDP datagrams over 127.0.0.1: boundaries kept, the sender's address,
 * connected sockets. */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "net_test.h"

#define UDP_PORT 7100

void test_udp(void)
{
	struct sockaddr_in a = loopback(UDP_PORT), from;
	socklen_t flen = sizeof(from);
	int r = socket(AF_INET, SOCK_DGRAM, 0), s = socket(AF_INET, SOCK_DGRAM, 0);
	char buf[2000];
	int ok = 0;

	CHECK(r >= 0 && s >= 0, "two UDP sockets");
	CHECK(bind(r, (struct sockaddr *)&a, sizeof(a)) == 0, "bind one to 127.0.0.1:%d", UDP_PORT);
	for (int i = 1; i <= 10; i++) {
		memset(buf, 'a' + i, (size_t)i * 100);
		if (sendto(s, buf, (size_t)i * 100, 0, (struct sockaddr *)&a, sizeof(a)) == i * 100)
			ok++;
	}
	CHECK(ok == 10, "10 datagrams of 100 to 1000 bytes sent: %d", ok);
	ok = 0;
	for (int i = 1; i <= 10; i++) {
		ssize_t n = recvfrom(r, buf, sizeof(buf), 0, (struct sockaddr *)&from, &flen);
		if (n == i * 100 && buf[0] == 'a' + i && buf[n - 1] == 'a' + i)
			ok++;
	}
	CHECK(ok == 10, "each received whole, in order: %d", ok);
	struct sockaddr_in mine;
	socklen_t mlen = sizeof(mine);
	getsockname(s, (struct sockaddr *)&mine, &mlen);
	CHECK(flen == sizeof(from) && from.sin_family == AF_INET && from.sin_port == mine.sin_port &&
	      mine.sin_port != 0, "recvfrom gives the sender's port (%d)", ntohs(from.sin_port));

	/* A datagram longer than the buffer: the rest is dropped. */
	memset(buf, 'z', 1500);
	sendto(s, buf, 1500, 0, (struct sockaddr *)&a, sizeof(a));
	CHECK(recv(r, buf, 10, 0) == 10, "a short read takes 10 bytes of a 1500-byte datagram");
	send(s, "x", 1, 0);     /* not connected: no destination */
	sendto(s, "next", 4, 0, (struct sockaddr *)&a, sizeof(a));
	CHECK(recv(r, buf, sizeof(buf), 0) == 4 && memcmp(buf, "next", 4) == 0,
	      "the next datagram is the next one sent");

	/* Connected: send and recv, read and write. */
	CHECK(connect(s, (struct sockaddr *)&a, sizeof(a)) == 0, "connect a UDP socket");
	CHECK(write(s, "hello", 5) == 5 && read(r, buf, sizeof(buf)) == 5 &&
	      memcmp(buf, "hello", 5) == 0, "write on it, read on the other");
	CHECK(send(s, "", 0, 0) == 0 && recv(r, buf, sizeof(buf), 0) == 0,
	      "an empty datagram is one");
	close(r);
	close(s);
}
