/* The current directory: where relative paths start, and its name (or
 * any directory's). */
#include <errno.h>
#include <string.h>

#include "ramfs_internal.h"

int ramfs_fchdir(struct ramfs *fs, struct ramfs_node *dir)
{
	if (dir->type != RAMFS_DIR)
		return -ENOTDIR;
	ramfs_hold(dir);
	ramfs_release(fs->cwd);
	fs->cwd = dir;
	return 0;
}

int ramfs_chdir(struct ramfs *fs, const char *path)
{
	struct ramfs_node *dir;
	int rc = ramfs_lookup(fs, path, &dir);

	return rc < 0 ? rc : ramfs_fchdir(fs, dir);
}

/* The slot naming child in its parent (there is exactly one). */
static const struct ramfs_slot *name_of(const struct ramfs_node *child)
{
	const struct ramfs_node *dir = child->parent;

	for (size_t i = 0; i < dir->u.dir.count; i++)
		if (dir->u.dir.slots[i].node == child)
			return &dir->u.dir.slots[i];
	return NULL;
}

/* Built from the end of buf backwards, one name per step up, then moved
 * to the front. */
int ramfs_dir_path(struct ramfs *fs, const struct ramfs_node *d, char *buf, size_t size)
{
	size_t at;

	if (!d->parent)
		return -ENOENT;
	if (size < 2)
		return -ERANGE;
	at = size - 1;
	buf[at] = '\0';
	for (; d != fs->root; d = d->parent) {
		const struct ramfs_slot *s = name_of(d);

		if (!s)
			return -ENOENT;
		if (s->len + 1 > at)
			return -ERANGE;
		at -= s->len;
		memcpy(buf + at, s->name, s->len);
		buf[--at] = '/';
	}
	if (at == size - 1)
		buf[--at] = '/';
	memmove(buf, buf + at, size - at);
	return 0;
}

int ramfs_getcwd(struct ramfs *fs, char *buf, size_t size)
{
	return ramfs_dir_path(fs, fs->cwd, buf, size);
}
