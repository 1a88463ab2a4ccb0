/* rename(2) for the tree: the one operation touching two names at once. */
#include <errno.h>

#include "ramfs_internal.h"

/* Whether dir is n or lies below it. Every directory on the way up is
 * reachable, so its parent is set; the root is its own. */
static bool inside(const struct ramfs_node *dir, const struct ramfs_node *n)
{
	for (;;) {
		if (dir == n)
			return true;
		if (dir->parent == dir)
			return false;
		dir = dir->parent;
	}
}

/* The POSIX refusals, checked before anything changes. */
static int check(const struct ramfs_walk *b, const struct ramfs_node *src,
		 const struct ramfs_node *dst)
{
	if (src->type == RAMFS_DIR && inside(b->dir, src))
		return -EINVAL;
	if (src->type != RAMFS_DIR && b->wants_dir)
		return -ENOTDIR;
	if (!dst)
		return 0;
	if (src->type == RAMFS_DIR && dst->type != RAMFS_DIR)
		return -ENOTDIR;
	if (src->type != RAMFS_DIR && dst->type == RAMFS_DIR)
		return -EISDIR;
	if (dst->type == RAMFS_DIR && dst->u.dir.count)
		return -ENOTEMPTY;
	return 0;
}

static bool dotted(const struct ramfs_walk *w)
{
	return path_is_dot(&w->last) || path_is_dotdot(&w->last);
}

int ramfs_rename(struct ramfs *fs, const char *from, const char *to)
{
	struct ramfs_walk a, b;
	struct ramfs_node *src, *dst;
	long si, di;
	int rc = ramfs_walk(fs, from, &a);

	if (rc == 0)
		rc = ramfs_walk(fs, to, &b);
	if (rc < 0)
		return rc;
	if (a.last.len == 0 || b.last.len == 0)
		return -EBUSY;
	if (dotted(&a) || dotted(&b))
		return -EINVAL;
	si = ramfs_dir_slot(a.dir, a.last.name, a.last.len);
	if (si < 0)
		return -ENOENT;
	src = a.dir->u.dir.slots[si].node;
	if (a.wants_dir && src->type != RAMFS_DIR)
		return -ENOTDIR;
	di = ramfs_dir_slot(b.dir, b.last.name, b.last.len);
	dst = di < 0 ? NULL : b.dir->u.dir.slots[di].node;
	/* Two names of one file: POSIX says do nothing. */
	if (dst == src)
		return 0;
	rc = check(&b, src, dst);
	if (rc < 0)
		return rc;

	/* The new name first, as it is the only step that can fail. Adding
	 * appends and replacing keeps places, so si stays right. */
	if (dst) {
		ramfs_uncount_name(b.dir, dst);
		b.dir->u.dir.slots[di].node = src;
	} else {
		rc = ramfs_slot_add(b.dir, b.last.name, b.last.len, src);
		if (rc < 0)
			return rc;
	}
	ramfs_slot_drop(a.dir, (size_t)si);
	ramfs_uncount_name(a.dir, src);
	ramfs_count_name(b.dir, src);
	a.dir->mtime = b.dir->mtime = ramfs_now(fs);
	if (dst)
		ramfs_node_put(dst);
	return 0;
}
