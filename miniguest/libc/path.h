/* Splitting slash-separated paths into their components.
 *
 * "//" and "." add nothing, and ".." steps back; the filesystem starts a
 * relative path at its current directory. The filesystem walks components
 * one by one, following symbolic links (so "/file/.." fails as it should);
 * the archive loader instead cleans a name into a canonical absolute path
 * without looking at the tree. */
#ifndef MINIGUEST_PATH_H
#define MINIGUEST_PATH_H

#include <stdbool.h>
#include <stddef.h>

/* The longest component, and the longest path including its NUL (the
 * usual POSIX figures). */
#define PATH_NAME_MAX 255
#define PATH_LEN_MAX  1024

struct path_comp {
	const char *name;    /* not NUL-terminated: it points into the path */
	size_t len;
};

/* The component at or after *p, skipping slashes; *p moves past it.
 * Returns false at the end of the path. */
bool path_next(const char **p, struct path_comp *c);

bool path_is_dot(const struct path_comp *c);
bool path_is_dotdot(const struct path_comp *c);

/* Whether the path ends with a slash after at least one component, which
 * insists that the last component be a directory ("a/", "a//"). */
bool path_wants_dir(const char *path);

/* Cleans path into out as "/a/b" ("/" for the root), resolving "." and
 * ".." by name alone. Returns the length written, -EINVAL when ".." would
 * climb above the root, or -ENAMETOOLONG for a component longer than
 * PATH_NAME_MAX or a result that does not fit outlen bytes. */
int path_clean(const char *path, char *out, size_t outlen);

#endif
