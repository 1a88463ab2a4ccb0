/* Paths to nodes, and the operations on names: lookup, create, unlink,
 * rmdir, link. Following a link is ramfs_link.c's. */
#include <errno.h>
#include <string.h>

#include "ramfs_internal.h"

int ramfs_walk_from(struct ramfs *fs, struct ramfs_node *dir, const char *path,
		    struct ramfs_walk *w, unsigned *links)
{
	struct path_comp c, next;
	const char *p = path;
	size_t len;

	if (!path)
		return -EFAULT;
	if (path[0] == '/')
		dir = fs->root;
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
		struct ramfs_node *n;

		if (c.len > RAMFS_NAME_MAX)
			return -ENAMETOOLONG;
		if (!path_next(&p, &next))
			break;
		n = ramfs_dir_find(dir, c.name, c.len);
		if (!n)
			return -ENOENT;
		if (n->type == RAMFS_LINK) {
			struct ramfs_walk at = { dir, c, false };
			int rc = ramfs_follow(fs, &at, &n, links);

			if (rc < 0)
				return rc;
		}
		if (n->type != RAMFS_DIR)
			return -ENOTDIR;
		dir = n;
		c = next;
	}
	/* Only a removed current directory leads here: nothing lives in it. */
	if (!dir->parent)
		return -ENOENT;
	w->dir = dir;
	w->last = c;
	return 0;
}

int ramfs_walk(struct ramfs *fs, const char *path, struct ramfs_walk *w)
{
	unsigned links = 0;

	return ramfs_walk_from(fs, fs->cwd, path, w, &links);
}

static bool names_dot(const struct ramfs_walk *w)
{
	return path_is_dot(&w->last) || path_is_dotdot(&w->last);
}

int ramfs_walk_end(struct ramfs *fs, struct ramfs_walk *w, bool follow,
		   struct ramfs_node **out, unsigned *links)
{
	struct ramfs_node *n = w->dir;

	if (w->last.len)
		n = ramfs_dir_find(w->dir, w->last.name, w->last.len);
	if (!n)
		return -ENOENT;
	/* "link/" means the directory the link leads to. */
	if (n->type == RAMFS_LINK && (follow || w->wants_dir)) {
		bool wants_dir = w->wants_dir;
		int rc = ramfs_follow(fs, w, &n, links);

		if (rc < 0)
			return rc;
		w->wants_dir = wants_dir;
	}
	if (w->wants_dir && n->type != RAMFS_DIR)
		return -ENOTDIR;
	*out = n;
	return 0;
}

static int lookup(struct ramfs *fs, const char *path, bool follow, struct ramfs_node **out)
{
	struct ramfs_walk w;
	unsigned links = 0;
	int rc = ramfs_walk_from(fs, fs->cwd, path, &w, &links);

	return rc < 0 ? rc : ramfs_walk_end(fs, &w, follow, out, &links);
}

int ramfs_lookup(struct ramfs *fs, const char *path, struct ramfs_node **out)
{
	return lookup(fs, path, true, out);
}

int ramfs_lookup_link(struct ramfs *fs, const char *path, struct ramfs_node **out)
{
	return lookup(fs, path, false, out);
}

int ramfs_walk_new(struct ramfs *fs, const char *path, struct ramfs_walk *w)
{
	int rc = ramfs_walk(fs, path, w);

	if (rc < 0)
		return rc;
	if (w->last.len == 0 || names_dot(w) ||
	    ramfs_dir_find(w->dir, w->last.name, w->last.len))
		return -EEXIST;
	return 0;
}

int ramfs_create(struct ramfs *fs, const char *path, enum ramfs_type type,
		 unsigned mode, struct ramfs_node **out)
{
	struct ramfs_walk w;
	int rc = ramfs_walk_new(fs, path, &w);

	if (rc < 0)
		return rc;
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
	int rc = ramfs_lookup_link(fs, from, &n);

	if (rc < 0)
		return rc;
	if (n->type == RAMFS_DIR)
		return -EPERM;
	rc = ramfs_walk_new(fs, to, &w);
	if (rc < 0)
		return rc;
	if (w.wants_dir)
		return -ENOTDIR;
	return ramfs_dir_link(fs, w.dir, w.last.name, w.last.len, n);
}
