/* IPv4 addresses from text: the parsing behind inet_pton and inet_aton
 * (plain C, so that host unit tests build it too). */
#include <stddef.h>
#include <stdint.h>

#include "inet_parse.h"

/* One part of an address as inet_aton reads it (decimal, 0 octal, 0x hex)
 * into *v, at most max; the text after it, or NULL. Only decimal when
 * strict (inet_pton), and then no leading zeros. */
static const char *part(const char *p, uint32_t max, int strict, uint32_t *v)
{
	unsigned base = 10, digits = 0;
	uint64_t n = 0;

	if (!strict && p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
		base = 16;
		p += 2;
	} else if (!strict && p[0] == '0') {
		base = 8;
	}
	const char *start = p;

	for (;; p++, digits++) {
		unsigned d;

		if (*p >= '0' && *p <= '9')
			d = (unsigned)(*p - '0');
		else if (base == 16 && *p >= 'a' && *p <= 'f')
			d = (unsigned)(*p - 'a' + 10);
		else if (base == 16 && *p >= 'A' && *p <= 'F')
			d = (unsigned)(*p - 'A' + 10);
		else
			break;
		if (d >= base)
			return NULL;
		n = n * base + d;
		if (n > max)
			return NULL;
	}
	if (digits == 0 && base != 8)
		return NULL;
	if (strict && (digits > 3 || (digits > 1 && *start == '0')))
		return NULL;
	*v = (uint32_t)n;
	return p;
}

int inet_parse(const char *s, int strict, uint32_t *out)
{
	uint32_t parts[4], v;
	int n = 0;

	for (;;) {
		s = part(s, 0xffffffffu, strict, &v);
		if (!s)
			return 0;
		parts[n++] = v;
		if (*s != '.')
			break;
		if (n == 4)
			return 0;
		s++;
	}
	if (*s != '\0' || (strict && n != 4))
		return 0;
	/* All parts but the last are bytes; the last fills what is left. */
	v = 0;
	for (int i = 0; i < n - 1; i++) {
		if (parts[i] > 0xff)
			return 0;
		v |= parts[i] << (24 - 8 * i);
	}
	if (n > 1 && parts[n - 1] > (0xffffffffu >> (8 * (n - 1))))
		return 0;
	*out = v | parts[n - 1];
	return 1;
}
