/* Seeding the tree from a cpio newc archive (an initrd). */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cpio.h"
#include "ramfs_internal.h"

/* Files that have several names: newc repeats the inode number on each
 * name, and GNU cpio gives the data with the last one only. */
struct memo {
	uint32_t ino, devmajor, devminor;
	struct ramfs_node *node;    /* held while loading */
};

struct loader {
	struct ramfs *fs;
	struct ramfs_load_stats *st;
	struct memo *memo;
	size_t count, cap;
	char path[RAMFS_PATH_MAX];
};

static struct memo *memo_find(const struct loader *l, const struct cpio_entry *e)
{
	for (size_t i = 0; i < l->count; i++) {
		struct memo *m = &l->memo[i];

		if (m->ino == e->ino && m->devmajor == e->devmajor && m->devminor == e->devminor)
			return m;
	}
	return NULL;
}

static int memo_add(struct loader *l, const struct cpio_entry *e, struct ramfs_node *n)
{
	if (l->count == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 8;
		struct memo *m = realloc(l->memo, cap * sizeof(*m));

		if (!m)
			return -ENOMEM;
		l->memo = m;
		l->cap = cap;
	}
	ramfs_hold(n);
	l->memo[l->count++] = (struct memo){ e->ino, e->devmajor, e->devminor, n };
	return 0;
}

/* Walks l->path (already clean), making missing directories; leaves the
 * last component in *last (len 0 for the root) and its directory in *dir. */
static int make_parents(struct loader *l, struct ramfs_node **dir, struct path_comp *last)
{
	struct ramfs_node *d = l->fs->root, *child;
	struct path_comp c, next;
	const char *p = l->path;
	int rc;

	*last = (struct path_comp){ l->path, 0 };
	if (!path_next(&p, &c)) {
		*dir = d;
		return 0;
	}
	while (path_next(&p, &next)) {
		child = ramfs_dir_find(d, c.name, c.len);
		if (!child) {
			rc = ramfs_dir_make(l->fs, d, c.name, c.len, RAMFS_DIR, 0755, &child);
			if (rc < 0)
				return rc;
			l->st->dirs++;
		} else if (child->type != RAMFS_DIR) {
			return -ENOTDIR;
		}
		d = child;
		c = next;
	}
	*dir = d;
	*last = c;
	return 0;
}

static int load_dir(struct loader *l, const struct cpio_entry *e)
{
	struct ramfs_node *dir, *n;
	struct path_comp c;
	int rc = make_parents(l, &dir, &c);

	if (rc < 0)
		return rc;
	n = c.len ? ramfs_dir_find(dir, c.name, c.len) : dir;
	if (!n) {
		rc = ramfs_dir_make(l->fs, dir, c.name, c.len, RAMFS_DIR, e->mode, &n);
		if (rc < 0)
			return rc;
	} else if (n->type != RAMFS_DIR) {
		return -EEXIST;
	}
	n->mode = e->mode & 07777;
	n->mtime = (long)e->mtime;
	l->st->dirs++;
	return 0;
}

/* Makes the entry's data the whole content of n. */
static int fill(struct loader *l, struct ramfs_node *n, const struct cpio_entry *e)
{
	int rc = ramfs_truncate(l->fs, n, 0);
	long put = rc < 0 ? rc : ramfs_write(l->fs, n, e->data, e->size, 0);

	if (put < 0)
		return (int)put;
	if ((uint32_t)put != e->size)
		return -EFBIG;
	n->mode = e->mode & 07777;
	n->mtime = (long)e->mtime;
	return 0;
}

/* Where a non-directory entry goes, and what it replaces (*old, or NULL):
 * a name given again replaces what it named, as when unpacking, unless
 * that is a directory. */
static int place(struct loader *l, struct ramfs_node **dir, struct path_comp *c,
		 struct ramfs_node **old)
{
	int rc = make_parents(l, dir, c);

	if (rc < 0)
		return rc;
	if (c->len == 0)
		return -EISDIR;
	*old = ramfs_dir_find(*dir, c->name, c->len);
	return *old && (*old)->type == RAMFS_DIR ? -EISDIR : 0;
}

/* A symbolic link: the entry's data is its target. */
static int load_link(struct loader *l, const struct cpio_entry *e)
{
	struct ramfs_node *dir, *old, *n;
	struct path_comp c;
	int rc = place(l, &dir, &c, &old);

	if (rc < 0)
		return rc;
	if (e->size == 0 || e->size >= RAMFS_PATH_MAX || memchr(e->data, 0, e->size))
		return -EINVAL;
	if (old)
		ramfs_dir_unlink(l->fs, dir, (size_t)ramfs_dir_slot(dir, c.name, c.len));
	rc = ramfs_dir_symlink(l->fs, dir, c.name, c.len, (const char *)e->data, e->size, &n);
	if (rc < 0)
		return rc;
	n->mtime = (long)e->mtime;
	l->st->symlinks++;
	return 0;
}

static int load_file(struct loader *l, const struct cpio_entry *e)
{
	struct memo *m = e->nlink > 1 ? memo_find(l, e) : NULL;
	struct ramfs_node *dir, *old, *n;
	struct path_comp c;
	int rc = place(l, &dir, &c, &old);

	if (rc < 0)
		return rc;
	if (m && old == m->node)
		return e->size ? fill(l, m->node, e) : 0;
	if (old)
		ramfs_dir_unlink(l->fs, dir, (size_t)ramfs_dir_slot(dir, c.name, c.len));
	if (m) {
		rc = ramfs_dir_link(l->fs, dir, c.name, c.len, m->node);
		if (rc == 0 && e->size)
			rc = fill(l, m->node, e);
		l->st->links += rc == 0;
		return rc;
	}
	rc = ramfs_dir_make(l->fs, dir, c.name, c.len, RAMFS_FILE, e->mode, &n);
	if (rc == 0)
		rc = fill(l, n, e);
	if (rc == 0 && e->nlink > 1)
		rc = memo_add(l, e, n);
	l->st->files += rc == 0;
	return rc;
}

static int load_entry(struct loader *l, const struct cpio_entry *e)
{
	int rc;

	switch (e->mode & CPIO_S_IFMT) {
	case CPIO_S_IFDIR:
	case CPIO_S_IFREG:
	case CPIO_S_IFLNK:
		break;
	default:
		l->st->skipped++;
		return 0;
	}
	rc = path_clean(e->name, l->path, sizeof(l->path));
	if (rc < 0)
		return rc;
	switch (e->mode & CPIO_S_IFMT) {
	case CPIO_S_IFDIR: return load_dir(l, e);
	case CPIO_S_IFLNK: return load_link(l, e);
	default: return load_file(l, e);
	}
}

int ramfs_load_cpio(struct ramfs *fs, const void *archive, size_t len,
		    struct ramfs_load_stats *stats)
{
	struct ramfs_load_stats ignored;
	struct loader *l = calloc(1, sizeof(*l));
	struct cpio_reader r;
	struct cpio_entry e;
	int rc;

	if (!stats)
		stats = &ignored;
	*stats = (struct ramfs_load_stats){ 0 };
	if (!l)
		return -ENOMEM;
	l->fs = fs;
	l->st = stats;
	cpio_begin(&r, archive, len);
	for (;;) {
		rc = cpio_next(&r, &e);
		if (rc < 0)
			stats->bad_offset = r.pos;
		if (rc <= 0)
			break;
		rc = load_entry(l, &e);
		if (rc < 0) {
			stats->bad_offset = e.offset;
			break;
		}
	}
	for (size_t i = 0; i < l->count; i++)
		ramfs_release(l->memo[i].node);
	free(l->memo);
	free(l);
	return rc < 0 ? rc : (int)stats->skipped;
}
