/* IPv4 addresses to and from text. */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>

#include "inet_parse.h"

int inet_pton(int af, const char *src, void *dst)
{
	uint32_t a;

	if (af != AF_INET) {
		errno = EAFNOSUPPORT;
		return -1;
	}
	if (!inet_parse(src, 1, &a))
		return 0;
	((struct in_addr *)dst)->s_addr = htonl(a);
	return 1;
}

int inet_aton(const char *cp, struct in_addr *inp)
{
	uint32_t a;

	if (!inet_parse(cp, 0, &a))
		return 0;
	if (inp)
		inp->s_addr = htonl(a);
	return 1;
}

in_addr_t inet_addr(const char *cp)
{
	struct in_addr a;

	return inet_aton(cp, &a) ? a.s_addr : INADDR_NONE;
}

const char *inet_ntop(int af, const void *src, char *dst, socklen_t size)
{
	const unsigned char *b = src;
	char text[INET_ADDRSTRLEN];
	int n;

	if (af != AF_INET) {
		errno = EAFNOSUPPORT;
		return NULL;
	}
	n = snprintf(text, sizeof(text), "%u.%u.%u.%u", b[0], b[1], b[2], b[3]);
	if ((socklen_t)n >= size) {
		errno = ENOSPC;
		return NULL;
	}
	for (int i = 0; i <= n; i++)
		dst[i] = text[i];
	return dst;
}

char *inet_ntoa(struct in_addr in)
{
	static char text[INET_ADDRSTRLEN];

	return (char *)inet_ntop(AF_INET, &in, text, sizeof(text));
}
