/* Request heads (httpd.h): the request line, then the headers httpd
 * heeds (Connection, Content-Length, Transfer-Encoding); anything that
 * does not read as HTTP/1.x is 400. */
#include "httpd.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define BODY_MAX 65536          /* a request body httpd reads and drops */

/* The line at *p (ending in CRLF) of at most end - *p bytes: its length,
 * *p moved past it; -1 when there is no CRLF. */
static long line(const char **p, const char *end)
{
	const char *s = *p;

	for (const char *c = s; c + 1 < end; c++) {
		if (c[0] == '\r' && c[1] == '\n') {
			*p = c + 2;
			return c - s;
		}
		if (c[0] == '\r' || c[0] == '\n' || c[0] == '\0')
			return -1;
	}
	return -1;
}

static bool token_char(char c)
{
	return isalnum((unsigned char)c) || strchr("!#$%&'*+-.^_`|~", c);
}

/* Methods are case-sensitive (RFC 9110 9.1): "get" is none of these. */
static enum method method(const char *s, size_t n)
{
	/* RFC 9110 9.3 defines these besides GET and HEAD; PATCH is RFC 5789. */
	static const char *const known[] = { "POST", "PUT", "DELETE", "CONNECT", "OPTIONS",
					     "TRACE", "PATCH" };

	if (n == 3 && !memcmp(s, "GET", 3))
		return M_GET;
	if (n == 4 && !memcmp(s, "HEAD", 4))
		return M_HEAD;
	for (size_t k = 0; k < sizeof(known) / sizeof(known[0]); k++)
		if (strlen(known[k]) == n && !memcmp(s, known[k], n))
			return M_KNOWN;
	return M_OTHER;
}

/* The request line: METHOD SP TARGET SP HTTP/1.x */
static int request_line(const char *s, long n, struct request *r, int *minor)
{
	long i = 0;

	while (i < n && token_char(s[i]))
		i++;
	if (i == 0 || i >= n || s[i] != ' ')
		return 400;
	r->method = method(s, (size_t)i);
	long t = ++i;
	while (i < n && s[i] > ' ' && s[i] < 0x7f)
		i++;
	if (i == t || i >= n || s[i] != ' ' || s[t] != '/' || i - t >= PATH_MAX_LEN)
		return 400;
	memcpy(r->path, s + t, (size_t)(i - t));
	r->path[i - t] = '\0';
	i++;
	if (n - i != 8 || memcmp(s + i, "HTTP/1.", 7) || !isdigit((unsigned char)s[i + 7]))
		return 400;
	*minor = s[i + 7] - '0';
	return 0;
}

/* One header; 0 or the status to answer with. */
static int header(const char *s, long n, struct request *r)
{
	const char *colon = memchr(s, ':', (size_t)n);

	if (!colon || colon == s)
		return 400;
	for (const char *c = s; c < colon; c++)
		if (!token_char(*c))
			return 400;
	size_t name = (size_t)(colon - s);
	const char *v = colon + 1, *end = s + n;
	while (v < end && (*v == ' ' || *v == '\t'))
		v++;
	size_t vlen = (size_t)(end - v);
	if (name == 10 && !strncasecmp(s, "Connection", 10)) {
		if (vlen >= 5 && !strncasecmp(v, "close", 5))
			r->keep_alive = false;
		else if (vlen >= 10 && !strncasecmp(v, "keep-alive", 10))
			r->keep_alive = true;
	} else if (name == 14 && !strncasecmp(s, "Content-Length", 14)) {
		char num[16];
		if (vlen == 0 || vlen >= sizeof(num))
			return 400;
		memcpy(num, v, vlen);
		num[vlen] = '\0';
		char *stop;
		unsigned long len = strtoul(num, &stop, 10);
		if (!isdigit((unsigned char)num[0]) || (*stop && *stop != ' ') || len > BODY_MAX)
			return 400;
		r->body = len;
	} else if (name == 17 && !strncasecmp(s, "Transfer-Encoding", 17)) {
		return 501;
	}
	return 0;
}

int parse_request(const char *buf, size_t len, struct request *r)
{
	const char *p = buf, *end = buf + len;
	int minor = 0;

	memset(r, 0, sizeof(*r));
	long n = line(&p, end);
	const char *s = buf;
	if (n <= 0)
		return 400;
	int status = request_line(s, n, r, &minor);
	if (status)
		return status;
	r->keep_alive = minor >= 1;
	for (;;) {
		s = p;
		n = line(&p, end);
		if (n < 0)
			return 400;
		if (n == 0)
			break;
		if ((status = header(s, n, r)))
			return status;
	}
	return r->method == M_KNOWN ? 405 : r->method == M_OTHER ? 501 : 0;
}
