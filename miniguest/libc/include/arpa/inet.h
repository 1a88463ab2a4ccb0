/* Text forms of IPv4 addresses (miniguest/net/inet.c). */
#ifndef _ARPA_INET_H
#define _ARPA_INET_H

#include <netinet/in.h>

#ifdef __cplusplus
extern "C" {
#endif

/* 1 when src is a dotted quad of four decimal numbers up to 255 (the form
 * POSIX asks of inet_pton), 0 when not; -1 with EAFNOSUPPORT for a family
 * other than AF_INET. */
int inet_pton(int af, const char *src, void *dst);
/* NULL with ENOSPC when size is too small, EAFNOSUPPORT as above. */
const char *inet_ntop(int af, const void *src, char *dst, socklen_t size);
/* The forms inet_aton takes: a, a.b, a.b.c, a.b.c.d, each part decimal,
 * octal (0...) or hexadecimal (0x...). */
int inet_aton(const char *cp, struct in_addr *inp);
in_addr_t inet_addr(const char *cp);            /* INADDR_NONE if bad */
char *inet_ntoa(struct in_addr in);             /* a static buffer */

#ifdef __cplusplus
}
#endif

#endif
