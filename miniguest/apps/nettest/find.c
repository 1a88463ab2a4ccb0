/* Finding the server when neither guest knows the other's address (both
 * leased by DHCP, in whatever order the leases came): wait for a lease,
 * then a broadcast to the UDP echo port, whose answer comes from the
 * server's address. */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "lwip/netif.h"
#include "nettest.h"

#define TRIES 60                /* a second each */

/* The address of this guest's default interface (its first vif): 0
 * until the lease came. lwIP's own word: a socket bound to any address
 * does not say which one it sends from. */
static in_addr_t own_address(void)
{
	return netif_default ? ip4_addr_get_u32(netif_ip4_addr(netif_default)) : 0;
}

bool find_server(struct in_addr *server)
{
	struct sockaddr_in all = { .sin_family = AF_INET, .sin_port = htons(ECHO_PORT),
				   .sin_addr = { INADDR_BROADCAST } }, from;
	struct timeval tv = { .tv_sec = 1 };
	struct in_addr self = { 0 };
	int s = socket(AF_INET, SOCK_DGRAM, 0), one = 1, tries;
	char buf[16], a[16];

	setsockopt(s, SOL_SOCKET, SO_BROADCAST, &one, sizeof(one));
	setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	for (tries = 0; tries < TRIES && !self.s_addr; tries++)
		if (!(self.s_addr = own_address()))
			sleep(1);
	server->s_addr = 0;
	for (; tries < TRIES && !server->s_addr; tries++) {
		socklen_t fl = sizeof(from);

		sendto(s, "find", 4, 0, (struct sockaddr *)&all, sizeof(all));
		if (recvfrom(s, buf, sizeof(buf), 0, (struct sockaddr *)&from, &fl) == 4 &&
		    memcmp(buf, "find", 4) == 0 && from.sin_addr.s_addr != self.s_addr)
			*server = from.sin_addr;
	}
	close(s);
	snprintf(a, sizeof(a), "%s", inet_ntoa(self));
	check(server->s_addr && self.s_addr && server->s_addr != self.s_addr,
	      "found the server at %s by broadcast; this guest is %s", inet_ntoa(*server), a);
	return server->s_addr != 0;
}
