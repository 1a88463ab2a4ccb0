/* Paths to nodes, and the operations on names: lookup, create, unlink,
 * rmdir, link. */
#include <errno.h>
#include <string.h>

#include "ramfs_internal.h"

int ramfs_walk(struct ramfs *fs, const char *path, struct ramfs_walk *w)
{
	struct ramfs_node *dir = path && path[0] == '/' ? fs->root : fs->cwd;
	struct path_comp c, next;
	const char *p = path;
	size_t len;

	if (!path)
		return -EFAULT;
	len = strnlen(path, RAMFS_PATH_MAX);
	if (len == 0)
		return -ENOENT;
	if (len == RAMFS_PATH_MAX)
		return -ENAMETOOLONG;      /* no room left for the NUL */
	w->last = (struct path_comp){ path, 0 };
	w->wants_dir = path_wants_dir(path);
	if (!path_next(&p, &c)) {
		w->dir = dir;
		return 0;
	}
	for (;;) {
		if (c.len > RAMFS_NAME_MAX)
			return -ENAMETOOLONG;
		if (!path_next(&p, &next))
			break;
		dir = ramfs_dir_find(dir, c.name, c.len);
		if (!dir)
			return -ENOENT;
		if (dir->type != RAMFS_DIR)
			return -ENOTDIR;
		c = next;
	}
	/* Only a removed current directory leads here: nothing lives in it. */
	if (!dir->parent)
		return -ENOENT;
	w->dir = dir;
	w->last = c;
	return 0;
}

static bool names_dot(const struct ramfs_walk *w)
{
	return path_is_dot(&w->last) || path_is_dotdot(&w->last);
}

/* The node a walk ends on (the root when the path has no components). */
static int walk_end(const struct ramfs_walk *w, struct ramfs_node **out)
{
	struct ramfs_node *n = w->dir;

	if (w->last.len)
		n = ramfs_dir_find(w->dir, w->last.name, w->last.len);
	if (!n)
		return -ENOENT;
	if (w->wants_dir && n->type != RAMFS_DIR)
		return -ENOTDIR;
	*out = n;
	return 0;
}

int ramfs_lookup(struct ramfs *fs, const char *path, struct ramfs_node **out)
{
	struct ramfs_walk w;
	int rc = ramfs_walk(fs, path, &w);

	return rc < 0 ? rc : walk_end(&w, out);
}

int ramfs_create(struct ramfs *fs, const char *path, enum ramfs_type type,
		 unsigned mode, struct ramfs_node **out)
{
	struct ramfs_walk w;
	int rc = ramfs_walk(fs, path, &w);

	if (rc < 0)
		return rc;
	if (w.last.len == 0 || names_dot(&w) ||
	    ramfs_dir_find(w.dir, w.last.name, w.last.len))
		return -EEXIST;
	/* "name/" can only ever be a directory. */
	if (w.wants_dir && type != RAMFS_DIR)
		return -EISDIR;
	if (type != RAMFS_DIR && type != RAMFS_FILE && type != RAMFS_CONSOLE)
		return -EINVAL;
	return ramfs_dir_make(fs, w.dir, w.last.name, w.last.len, type, mode, out);
}

int ramfs_mkdir(struct ramfs *fs, const char *path, unsigned mode)
{
	return ramfs_create(fs, path, RAMFS_DIR, mode, NULL);
}

/* Finds the slot a removal is about: the root and "."/".." are refused
 * with root_err and dot_err, and dotdot_err for "..". */
static long removable_slot(struct ramfs *fs, const char *path, struct ramfs_walk *w,
			   int root_err, int dot_err, int dotdot_err)
{
	int rc = ramfs_walk(fs, path, w);
	long i;

	if (rc < 0)
		return rc;
	if (w->last.len == 0)
		return root_err;
	if (path_is_dot(&w->last))
		return dot_err;
	if (path_is_dotdot(&w->last))
		return dotdot_err;
	i = ramfs_dir_slot(w->dir, w->last.name, w->last.len);
	return i < 0 ? -ENOENT : i;
}

int ramfs_unlink(struct ramfs *fs, const char *path)
{
	struct ramfs_walk w;
	long i = removable_slot(fs, path, &w, -EISDIR, -EISDIR, -EISDIR);

	if (i < 0)
		return (int)i;
	if (w.dir->u.dir.slots[i].node->type == RAMFS_DIR)
		return -EISDIR;
	if (w.wants_dir)
		return -ENOTDIR;
	ramfs_dir_unlink(fs, w.dir, (size_t)i);
	return 0;
}

int ramfs_rmdir(struct ramfs *fs, const char *path)
{
	struct ramfs_walk w;
	long i = removable_slot(fs, path, &w, -EBUSY, -EINVAL, -ENOTEMPTY);
	struct ramfs_node *n;

	if (i < 0)
		return (int)i;
	n = w.dir->u.dir.slots[i].node;
	if (n->type != RAMFS_DIR)
		return -ENOTDIR;
	if (n->u.dir.count)
		return -ENOTEMPTY;
	ramfs_dir_unlink(fs, w.dir, (size_t)i);
	return 0;
}

int ramfs_link(struct ramfs *fs, const char *from, const char *to)
{
	struct ramfs_node *n;
	struct ramfs_walk w;
	int rc = ramfs_lookup(fs, from, &n);

	if (rc < 0)
		return rc;
	if (n->type == RAMFS_DIR)
		return -EPERM;
	rc = ramfs_walk(fs, to, &w);
	if (rc < 0)
		return rc;
	if (w.last.len == 0 || names_dot(&w) ||
	    ramfs_dir_find(w.dir, w.last.name, w.last.len))
		return -EEXIST;
	if (w.wants_dir)
		return -ENOTDIR;
	return ramfs_dir_link(fs, w.dir, w.last.name, w.last.len, n);
}
