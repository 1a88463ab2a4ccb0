/* Tokenizing the command line and reading numbers out of it. */
#include "boot/cmdline.h"
#include "lib/format.h"
#include "lib/string.h"

static bool is_sep(char c)
{
	return c == ' ' || c == '\t';
}

static bool is_end_marker(const char *tok, size_t len)
{
	return len == 2 && tok[0] == '-' && tok[1] == '-';
}

/* Skip separators, then measure the token there (length 0 at the end). */
static const char *token(const char *p, size_t *len)
{
	size_t n = 0;

	while (is_sep(*p))
		p++;
	while (p[n] && !is_sep(p[n]))
		n++;
	*len = n;
	return p;
}

const char *cmdline_next(const char *p, struct cmdline_opt *opt)
{
	size_t len;

	if (!p)
		return NULL;
	p = token(p, &len);
	if (len == 0 || is_end_marker(p, len))
		return NULL;

	size_t k = 0;
	while (k < len && p[k] != '=')
		k++;
	opt->key = p;
	if (k < len) {
		opt->keylen = k;
		opt->val = p + k + 1;
		opt->vallen = len - k - 1;
	} else {
		opt->keylen = len;
		opt->val = NULL;
		opt->vallen = 0;
	}
	return p + len;
}

const char *cmdline_rest(const char *cl)
{
	size_t len;

	if (!cl)
		return NULL;
	for (;;) {
		cl = token(cl, &len);
		if (len == 0)
			return NULL;
		if (is_end_marker(cl, len)) {
			cl += len;
			while (is_sep(*cl))
				cl++;
			return cl;
		}
		cl += len;
	}
}

bool cmdline_key_is(const struct cmdline_opt *o, const char *key)
{
	return strlen(key) == o->keylen && memcmp(o->key, key, o->keylen) == 0;
}

int cmdline_check(const char *cl, char *err, size_t errlen)
{
	for (size_t i = 0; cl[i]; i++) {
		unsigned char c = (unsigned char)cl[i];
		if ((c < 0x20 || c > 0x7e) && c != '\t') {
			if (err)
				format(err, errlen, "command line byte %zu is 0x%02x, not printable ASCII",
				       i, c);
			return -1;
		}
	}
	return 0;
}

/* Decimal digits only, no overflow. Each check compares against constants,
 * so no 64-bit division (a runtime-library call on i386) is needed. */
static int parse_decimal(const char *s, size_t len, uint64_t *out)
{
	uint64_t v = 0;

	if (len == 0)
		return -1;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		unsigned d = (unsigned)(s[i] - '0');
		if (v > UINT64_MAX / 10 || (v == UINT64_MAX / 10 && d > UINT64_MAX % 10))
			return -1;
		v = v * 10 + d;
	}
	*out = v;
	return 0;
}

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int parse_size(const char *s, size_t len, uint64_t *out)
{
	unsigned shift = 0;
	uint64_t v;

	if (!s || len == 0)
		return -1;
	switch (s[len - 1]) {
	case 'k': case 'K': shift = 10; break;
	case 'm': case 'M': shift = 20; break;
	case 'g': case 'G': shift = 30; break;
	default: break;
	}
	if (shift)
		len--;
	if (parse_decimal(s, len, &v) < 0 || v > UINT64_MAX >> shift)
		return -1;
	*out = v << shift;
	return 0;
}

int parse_uint(const char *s, size_t len, uint64_t *out)
{
	uint64_t v = 0;

	if (!s)
		return -1;
	if (len < 2 || s[0] != '0' || (s[1] != 'x' && s[1] != 'X'))
		return parse_decimal(s, len, out);
	if (len == 2)
		return -1;
	for (size_t i = 2; i < len; i++) {
		int d = hex_digit(s[i]);
		if (d < 0 || v >> 60)
			return -1;
		v = v << 4 | (unsigned)d;
	}
	*out = v;
	return 0;
}
