/* A request's payload: NUL-terminated strings, one after another. */
#include <string.h>
#include "internal.h"

const char *arg_str(const char *p, uint32_t len, unsigned n)
{
	uint32_t at = 0;

	for (unsigned i = 0; at < len; i++) {
		const char *end = memchr(p + at, 0, len - at);
		if (!end)
			return NULL;
		if (i == n)
			return p + at;
		at = (uint32_t)(end - p) + 1;
	}
	return NULL;
}

bool args_exactly(const char *p, uint32_t len, unsigned n)
{
	uint32_t at = 0;
	unsigned i = 0;

	while (at < len) {
		const char *end = memchr(p + at, 0, len - at);
		if (!end)
			return false;
		at = (uint32_t)(end - p) + 1;
		i++;
	}
	return i == n;
}

int arg_num(const char *a, uint32_t limit, uint32_t *out)
{
	uint64_t v = 0;

	if (!a || !*a || strlen(a) > 10)
		return -XSE_EINVAL;
	for (; *a; a++) {
		if (*a < '0' || *a > '9')
			return -XSE_EINVAL;
		v = v * 10 + (uint64_t)(*a - '0');
	}
	if (v >= limit)
		return -XSE_EINVAL;
	*out = (uint32_t)v;
	return 0;
}

static const char *const names[] = {
	"OK",
#define XSE_NAME(e) #e,
	XS_ERRORS(XSE_NAME)
#undef XSE_NAME
};

const char *xse_name(int err)
{
	unsigned e = (unsigned)(err < 0 ? -err : err);
	return e < sizeof(names) / sizeof(names[0]) ? names[e] : "EIO";
}
