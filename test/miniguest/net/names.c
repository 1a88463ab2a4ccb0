/* Addresses as text, and names: getaddrinfo and getnameinfo. */
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <string.h>

#include "net_test.h"

static void text(void)
{
	struct in_addr a;
	char buf[INET_ADDRSTRLEN];

	CHECK(inet_pton(AF_INET, "192.168.1.200", &a) == 1 && ntohl(a.s_addr) == 0xc0a801c8,
	      "inet_pton: a dotted quad");
	CHECK(inet_pton(AF_INET, "1.2.3", &a) == 0, "inet_pton: three parts are not an address");
	CHECK(inet_pton(AF_INET, "1.2.3.256", &a) == 0, "inet_pton: 256 is no byte");
	CHECK(inet_pton(AF_INET, "01.2.3.4", &a) == 0, "inet_pton: no leading zeros");
	CHECK(inet_pton(AF_INET, "1.2.3.4 ", &a) == 0, "inet_pton: nothing after the address");
	CHECK(inet_pton(AF_INET, "", &a) == 0, "inet_pton: the empty string");
	errno = 0;
	CHECK(inet_pton(12345, "1.2.3.4", &a) == -1 && errno == EAFNOSUPPORT,
	      "inet_pton: an unknown family is EAFNOSUPPORT");
	CHECK(inet_aton("0x7f.1", &a) == 1 && ntohl(a.s_addr) == 0x7f000001,
	      "inet_aton: hexadecimal, two parts");
	CHECK(inet_aton("010.0.0.1", &a) == 1 && ntohl(a.s_addr) == 0x08000001,
	      "inet_aton: octal");
	CHECK(inet_aton("1.2.65536", &a) == 0, "inet_aton: a last part too big for two bytes");
	CHECK(inet_addr("4294967295") == 0xffffffffu && inet_addr("x") == INADDR_NONE,
	      "inet_addr: one part, and a bad one");
	a.s_addr = htonl(0x0a00ff01);
	CHECK(strcmp(inet_ntoa(a), "10.0.255.1") == 0, "inet_ntoa");
	CHECK(inet_ntop(AF_INET, &a, buf, sizeof(buf)) == buf && strcmp(buf, "10.0.255.1") == 0,
	      "inet_ntop");
	errno = 0;
	CHECK(inet_ntop(AF_INET, &a, buf, 10) == NULL && errno == ENOSPC,
	      "inet_ntop: a buffer too small is ENOSPC");
	CHECK(htons(0x1234) == 0x3412 && ntohl(htonl(0x01020304)) == 0x01020304,
	      "htons, htonl, ntohl");
}

/* The address of the only or first result, host byte order; 0 if none. */
static uint32_t first(const char *node, const char *serv, int flags, int *port, int *e)
{
	struct addrinfo hints = { .ai_family = AF_INET, .ai_socktype = SOCK_STREAM,
				  .ai_flags = flags }, *res = NULL;
	uint32_t addr = 0;

	*e = getaddrinfo(node, serv, &hints, &res);
	if (*e == 0 && res) {
		struct sockaddr_in *sin = (struct sockaddr_in *)res->ai_addr;
		addr = ntohl(sin->sin_addr.s_addr);
		*port = ntohs(sin->sin_port);
		freeaddrinfo(res);
	}
	return addr;
}

static void lookups(void)
{
	struct addrinfo *res = NULL, *r;
	struct sockaddr_in sin = loopback(8080);
	char host[NI_MAXHOST], serv[NI_MAXSERV];
	int port = -1, e, n = 0;

	CHECK(first("127.0.0.1", "80", 0, &port, &e) == 0x7f000001 && port == 80,
	      "getaddrinfo: numeric host and port");
	CHECK(first("localhost", NULL, 0, &port, &e) == 0x7f000001, "getaddrinfo: localhost");
	CHECK(first("LOOP-two", "7", 0, &port, &e) == 0x7f000002 && port == 7,
	      "getaddrinfo: a second name in /etc/hosts, case ignored");
	CHECK(first("two.example", NULL, 0, &port, &e) == 0x7f000002,
	      "getaddrinfo: a third name on that line");
	CHECK(first(NULL, "9000", AI_PASSIVE, &port, &e) == INADDR_ANY && e == 0 && port == 9000,
	      "getaddrinfo: passive with no node is INADDR_ANY");
	CHECK(first(NULL, "9000", 0, &port, &e) == 0x7f000001, "getaddrinfo: no node is loopback");
	first("no-such-host", NULL, 0, &port, &e);
	CHECK(e == EAI_NONAME, "getaddrinfo: an unknown name is EAI_NONAME (%d)", e);
	first("localhost", NULL, AI_NUMERICHOST, &port, &e);
	CHECK(e == EAI_NONAME, "getaddrinfo: AI_NUMERICHOST refuses a name");
	first("127.0.0.1", "http", 0, &port, &e);
	CHECK(e == EAI_SERVICE, "getaddrinfo: a service name is EAI_SERVICE");
	first("127.0.0.1", "70000", 0, &port, &e);
	CHECK(e == EAI_SERVICE, "getaddrinfo: port 70000 is EAI_SERVICE");
	CHECK(getaddrinfo(NULL, NULL, NULL, &res) == EAI_NONAME,
	      "getaddrinfo: neither node nor service is EAI_NONAME");
	CHECK(getaddrinfo("1.2.3.4", NULL, &(struct addrinfo){ .ai_family = 10 }, &res) ==
	      EAI_FAMILY, "getaddrinfo: AF_INET6 is EAI_FAMILY");
	CHECK(getaddrinfo("1.2.3.4", NULL, &(struct addrinfo){ .ai_socktype = 99 }, &res) ==
	      EAI_SOCKTYPE, "getaddrinfo: a bad socktype is EAI_SOCKTYPE");
	CHECK(getaddrinfo("1.2.3.4", NULL, &(struct addrinfo){ .ai_flags = 0x10000 }, &res) ==
	      EAI_BADFLAGS, "getaddrinfo: unknown flags are EAI_BADFLAGS");
	CHECK(getaddrinfo("10.1.2.3", "5", NULL, &res) == 0, "getaddrinfo: no hints");
	for (r = res; r; r = r->ai_next)
		n++;
	CHECK(n == 2 && res->ai_socktype == SOCK_STREAM && res->ai_protocol == IPPROTO_TCP &&
	      res->ai_next->ai_socktype == SOCK_DGRAM, "getaddrinfo: one result per socket type");
	freeaddrinfo(res);
	CHECK(strlen(gai_strerror(EAI_NONAME)) > 0 && strcmp(gai_strerror(EAI_NONAME),
	      gai_strerror(EAI_SERVICE)) != 0, "gai_strerror");

	CHECK(getnameinfo((struct sockaddr *)&sin, sizeof(sin), host, sizeof(host), serv,
			  sizeof(serv), 0) == 0 && strcmp(host, "localhost") == 0 &&
	      strcmp(serv, "8080") == 0, "getnameinfo: 127.0.0.1 is localhost");
	CHECK(getnameinfo((struct sockaddr *)&sin, sizeof(sin), host, sizeof(host), NULL, 0,
			  NI_NUMERICHOST) == 0 && strcmp(host, "127.0.0.1") == 0,
	      "getnameinfo: NI_NUMERICHOST");
	sin.sin_addr.s_addr = htonl(0x0a010203);
	CHECK(getnameinfo((struct sockaddr *)&sin, sizeof(sin), host, sizeof(host), NULL, 0, 0) ==
	      0 && strcmp(host, "far.example") == 0, "getnameinfo: a name from /etc/hosts");
	CHECK(getnameinfo((struct sockaddr *)&sin, sizeof(sin), host, 5, NULL, 0, 0) ==
	      EAI_OVERFLOW, "getnameinfo: a buffer too small is EAI_OVERFLOW");
	sin.sin_addr.s_addr = htonl(0x0a090909);
	CHECK(getnameinfo((struct sockaddr *)&sin, sizeof(sin), host, sizeof(host), NULL, 0,
			  NI_NAMEREQD) == EAI_NONAME, "getnameinfo: NI_NAMEREQD with no name");
	CHECK(getnameinfo((struct sockaddr *)&sin, 4, host, sizeof(host), NULL, 0, 0) ==
	      EAI_FAMILY, "getnameinfo: a short address is EAI_FAMILY");
}

void test_names(void)
{
	text();
	lookups();
}
