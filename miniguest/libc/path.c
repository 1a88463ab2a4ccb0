/* Path components, and cleaning a path by name alone. */
#include <errno.h>
#include <string.h>

#include "path.h"

bool path_next(const char **p, struct path_comp *c)
{
	const char *s = *p;

	while (*s == '/')
		s++;
	if (*s == '\0') {
		*p = s;
		return false;
	}
	c->name = s;
	while (*s != '\0' && *s != '/')
		s++;
	c->len = (size_t)(s - c->name);
	*p = s;
	return true;
}

bool path_is_dot(const struct path_comp *c)
{
	return c->len == 1 && c->name[0] == '.';
}

bool path_is_dotdot(const struct path_comp *c)
{
	return c->len == 2 && c->name[0] == '.' && c->name[1] == '.';
}

bool path_wants_dir(const char *path)
{
	size_t len = strlen(path);
	size_t i = len;

	while (i > 0 && path[i - 1] == '/')
		i--;
	/* Only slashes ("/", "//") name the root: no component to insist on. */
	return i > 0 && i < len;
}

int path_clean(const char *path, char *out, size_t outlen)
{
	struct path_comp c;
	size_t n = 0;

	if (outlen < 2)
		return -ENAMETOOLONG;
	while (path_next(&path, &c)) {
		if (c.len > PATH_NAME_MAX)
			return -ENAMETOOLONG;
		if (path_is_dot(&c))
			continue;
		if (path_is_dotdot(&c)) {
			if (n == 0)
				return -EINVAL;
			while (out[--n] != '/')
				;
			continue;
		}
		/* Room for '/', the name and the final NUL. */
		if (c.len + 2 > outlen - n)
			return -ENAMETOOLONG;
		out[n++] = '/';
		memcpy(out + n, c.name, c.len);
		n += c.len;
	}
	if (n == 0)
		out[n++] = '/';
	out[n] = '\0';
	return (int)n;
}
