/* Symbolic links: making and reading them, following them, and the path
 * they all resolve to. A link's target lives in u.file, NUL-terminated
 * (size does not count the NUL), so that a walk can start on it. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ramfs_internal.h"

int ramfs_follow(struct ramfs *fs, struct ramfs_walk *w, struct ramfs_node **n,
		 unsigned *links)
{
	struct ramfs_walk t;
	int rc;

	if (++*links > RAMFS_SYMLOOP_MAX)
		return -ELOOP;
	rc = ramfs_walk_from(fs, w->dir, (const char *)(*n)->u.file.data, &t, links);
	if (rc == 0)
		rc = ramfs_walk_end(fs, &t, true, n, links);
	if (rc == 0)
		*w = t;
	return rc;
}

int ramfs_dir_symlink(struct ramfs *fs, struct ramfs_node *dir, const char *name,
		      size_t len, const char *target, size_t tlen, struct ramfs_node **out)
{
	char *copy = malloc(tlen + 1);
	int rc;

	if (!copy)
		return -ENOMEM;
	memcpy(copy, target, tlen);
	copy[tlen] = '\0';
	rc = ramfs_dir_make(fs, dir, name, len, RAMFS_LINK, 0777, out);
	if (rc < 0) {
		free(copy);
		return rc;
	}
	(*out)->u.file.data = (unsigned char *)copy;
	(*out)->u.file.size = tlen;
	(*out)->u.file.cap = tlen + 1;
	return 0;
}

int ramfs_symlink(struct ramfs *fs, const char *target, const char *path)
{
	struct ramfs_walk w;
	struct ramfs_node *n;
	size_t len = target ? strnlen(target, RAMFS_PATH_MAX) : 0;
	int rc;

	if (!target)
		return -EFAULT;
	if (len == 0)
		return -ENOENT;
	if (len == RAMFS_PATH_MAX)
		return -ENAMETOOLONG;
	rc = ramfs_walk_new(fs, path, &w);
	if (rc < 0)
		return rc;
	if (w.wants_dir)
		return -ENOENT;     /* as Linux: "name/" names no directory */
	return ramfs_dir_symlink(fs, w.dir, w.last.name, w.last.len, target, len, &n);
}

long ramfs_readlink(const struct ramfs_node *n, char *buf, size_t size)
{
	size_t len;

	if (n->type != RAMFS_LINK)
		return -EINVAL;
	len = n->u.file.size < size ? n->u.file.size : size;
	memcpy(buf, n->u.file.data, len);
	return (long)len;
}

int ramfs_realpath(struct ramfs *fs, const char *path, char *buf, size_t size)
{
	struct ramfs_walk w;
	struct ramfs_node *n;
	unsigned links = 0;
	size_t at;
	int rc = ramfs_walk_from(fs, fs->cwd, path, &w, &links);

	if (rc == 0)
		rc = ramfs_walk_end(fs, &w, true, &n, &links);
	if (rc == 0 && n->type == RAMFS_DIR)
		return ramfs_dir_path(fs, n, buf, size);
	if (rc == 0)
		rc = ramfs_dir_path(fs, w.dir, buf, size);
	if (rc < 0)
		return rc;
	/* A non-directory: its directory's path, a slash, its name. */
	at = strlen(buf);
	if (at == 1)
		at = 0;
	if (w.last.len + 2 > size - at)
		return -ERANGE;
	buf[at] = '/';
	memcpy(buf + at + 1, w.last.name, w.last.len);
	buf[at + 1 + w.last.len] = '\0';
	return 0;
}
