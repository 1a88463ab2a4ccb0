/* getaddrinfo and getnameinfo without DNS: numeric IPv4 addresses,
 * "localhost", and the names in /etc/hosts (the domain's cpio archive may
 * bring one); numeric ports. */
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "net/hosts.h"

/* The port of service (NULL: 0) in *port; 0 or an EAI_ code. */
static int service_port(const char *service, in_port_t *port)
{
	char *end;
	unsigned long n;

	*port = 0;
	if (!service)
		return 0;
	if (*service < '0' || *service > '9')
		return EAI_SERVICE;
	n = strtoul(service, &end, 10);
	if (*end || n > 65535)
		return EAI_SERVICE;
	*port = htons((in_port_t)n);
	return 0;
}

/* The address of node (host byte order) in *addr; 0 or an EAI_ code. */
static int node_addr(const char *node, int flags, uint32_t *addr)
{
	struct in_addr a;

	if (!node) {
		*addr = (flags & AI_PASSIVE) ? INADDR_ANY : INADDR_LOOPBACK;
		return 0;
	}
	if (inet_aton(node, &a)) {
		*addr = ntohl(a.s_addr);
		return 0;
	}
	if (flags & AI_NUMERICHOST)
		return EAI_NONAME;
	if (strcasecmp(node, "localhost") == 0) {
		*addr = INADDR_LOOPBACK;
		return 0;
	}
	return hosts_lookup(node, addr) ? 0 : EAI_NONAME;
}

/* One result for socktype (and its protocol). */
static struct addrinfo *result(uint32_t addr, in_port_t port, int socktype,
			       const char *canon)
{
	struct {
		struct addrinfo ai;
		struct sockaddr_in sin;
	} *r = calloc(1, sizeof(*r));

	if (!r)
		return NULL;
	r->sin.sin_len = sizeof(r->sin);
	r->sin.sin_family = AF_INET;
	r->sin.sin_port = port;
	r->sin.sin_addr.s_addr = htonl(addr);
	r->ai.ai_family = AF_INET;
	r->ai.ai_socktype = socktype;
	r->ai.ai_protocol = socktype == SOCK_STREAM ? IPPROTO_TCP : IPPROTO_UDP;
	r->ai.ai_addrlen = sizeof(r->sin);
	r->ai.ai_addr = (struct sockaddr *)&r->sin;
	if (canon && !(r->ai.ai_canonname = strdup(canon))) {
		free(r);
		return NULL;
	}
	return &r->ai;
}

int getaddrinfo(const char *node, const char *service, const struct addrinfo *hints,
		struct addrinfo **res)
{
	static const int types[] = { SOCK_STREAM, SOCK_DGRAM };
	struct addrinfo h = { .ai_family = AF_UNSPEC }, *head = NULL, **tail = &head;
	uint32_t addr;
	in_port_t port;
	int e;

	if (hints)
		h = *hints;
	if (!res)
		return EAI_FAIL;
	if (!node && !service)
		return EAI_NONAME;
	if (h.ai_flags & ~(AI_PASSIVE | AI_CANONNAME | AI_NUMERICHOST | AI_NUMERICSERV |
			   AI_V4MAPPED | AI_ALL | AI_ADDRCONFIG))
		return EAI_BADFLAGS;
	if ((h.ai_flags & AI_CANONNAME) && !node)
		return EAI_BADFLAGS;
	if (h.ai_family != AF_UNSPEC && h.ai_family != AF_INET)
		return EAI_FAMILY;
	if (h.ai_socktype != 0 && h.ai_socktype != SOCK_STREAM && h.ai_socktype != SOCK_DGRAM)
		return EAI_SOCKTYPE;
	if ((e = service_port(service, &port)) != 0 || (e = node_addr(node, h.ai_flags, &addr)) != 0)
		return e;
	for (unsigned i = 0; i < 2; i++) {
		if (h.ai_socktype && h.ai_socktype != types[i])
			continue;
		*tail = result(addr, port, types[i],
			       head || !(h.ai_flags & AI_CANONNAME) ? NULL : node);
		if (!*tail) {
			freeaddrinfo(head);
			return EAI_MEMORY;
		}
		tail = &(*tail)->ai_next;
	}
	*res = head;
	return 0;
}

void freeaddrinfo(struct addrinfo *res)
{
	while (res) {
		struct addrinfo *next = res->ai_next;

		free(res->ai_canonname);
		free(res);
		res = next;
	}
}

const char *gai_strerror(int code)
{
	switch (code) {
	case 0: return "Success";
	case EAI_BADFLAGS: return "Bad value for ai_flags";
	case EAI_NONAME: return "Name or service not known";
	case EAI_AGAIN: return "Temporary failure in name resolution";
	case EAI_FAIL: return "Non-recoverable failure in name resolution";
	case EAI_FAMILY: return "ai_family not supported";
	case EAI_SOCKTYPE: return "ai_socktype not supported";
	case EAI_SERVICE: return "Servname not supported for ai_socktype";
	case EAI_MEMORY: return "Memory allocation failure";
	case EAI_SYSTEM: return "System error";
	case EAI_OVERFLOW: return "Argument buffer overflow";
	default: return "Unknown error";
	}
}

/* text into buf of size len; EAI_OVERFLOW when it does not fit. */
static int put(char *buf, socklen_t len, const char *text)
{
	size_t n = strlen(text);

	if (n >= len)
		return EAI_OVERFLOW;
	memcpy(buf, text, n + 1);
	return 0;
}

int getnameinfo(const struct sockaddr *sa, socklen_t salen, char *host, socklen_t hostlen,
		char *serv, socklen_t servlen, int flags)
{
	const struct sockaddr_in *sin = (const struct sockaddr_in *)sa;
	char text[NI_MAXHOST];
	uint32_t addr;
	int e;

	if (!sa || salen < sizeof(*sin))
		return EAI_FAMILY;
	if (sin->sin_family != AF_INET)
		return EAI_FAMILY;
	if ((!host || !hostlen) && (!serv || !servlen))
		return EAI_NONAME;
	if (host && hostlen) {
		addr = ntohl(sin->sin_addr.s_addr);
		if (!(flags & NI_NUMERICHOST) && hosts_name(addr, text, sizeof(text))) {
			e = put(host, hostlen, text);
		} else if (flags & NI_NAMEREQD) {
			return EAI_NONAME;
		} else {
			inet_ntop(AF_INET, &sin->sin_addr, text, sizeof(text));
			e = put(host, hostlen, text);
		}
		if (e)
			return e;
	}
	if (serv && servlen) {
		snprintf(text, sizeof(text), "%u", ntohs(sin->sin_port));
		if ((e = put(serv, servlen, text)) != 0)
			return e;
	}
	return 0;
}
