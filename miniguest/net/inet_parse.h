/* IPv4 addresses from text. */
#ifndef MINIGUEST_NET_INET_PARSE_H
#define MINIGUEST_NET_INET_PARSE_H

#include <stdint.h>

/* The address in host byte order from text of 1 to 4 parts: each part
 * decimal, octal (0...) or hexadecimal (0x...), all but the last a byte,
 * the last filling what is left (inet_aton's forms). strict: exactly 4
 * decimal parts without leading zeros (inet_pton's). 1, or 0 when the text
 * is not an address. */
int inet_parse(const char *s, int strict, uint32_t *out);

#endif
