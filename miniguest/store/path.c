/* Node names: what a domain may name, made absolute. A relative path is
 * below the domain's home, /local/domain/<id>. */
#include <stdio.h>
#include <string.h>
#include "internal.h"

int path_home(uint16_t dom, char *out)
{
	return snprintf(out, 32, "/local/domain/%u", dom);
}

bool path_is_special(const char *p)
{
	return strcmp(p, "@introduceDomain") == 0 || strcmp(p, "@releaseDomain") == 0;
}

static bool valid_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '/' || c == '_' || c == '@';
}

/* No empty component, no trailing slash but the root's, Xen's characters. */
static bool valid_abs(const char *p)
{
	if (p[0] != '/')
		return false;
	if (p[1] == 0)
		return true;
	for (const char *c = p; *c; c++)
		if (!valid_char(*c) || (c[0] == '/' && (c[1] == '/' || c[1] == 0)))
			return false;
	return true;
}

int path_canon(const struct store *s, uint16_t dom, const char *in, char *out, bool special)
{
	size_t n = strlen(in);
	char home[32];
	int hl = path_home(dom, home);

	if (in[0] == '@') {
		if (!special || !path_is_special(in))
			return -XSE_EINVAL;
		memcpy(out, in, n + 1);
		return 0;
	}
	if (in[0] == '/') {
		if (n > XENSTORE_ABS_PATH_MAX)
			return -XSE_EINVAL;
		memcpy(out, in, n + 1);
	} else {
		if (n == 0 || n > XENSTORE_REL_PATH_MAX)
			return -XSE_EINVAL;
		memcpy(out, home, (size_t)hl);
		out[hl] = '/';
		memcpy(out + hl + 1, in, n + 1);
	}
	if (!valid_abs(out))
		return -XSE_EINVAL;
	/* The quota: how deep below its home a domain may name. */
	if (dom != DOM0 && strlen(out) > (size_t)hl + 1 + s->q.path_len)
		return -XSE_EINVAL;
	return 0;
}

bool path_covers(const char *a, const char *p)
{
	size_t n = strlen(a);

	if (strncmp(a, p, n) != 0)
		return false;
	return p[n] == 0 || p[n] == '/' || (n == 1 && a[0] == '/');
}
