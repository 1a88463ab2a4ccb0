/* Nodes and directories: making, naming, counting and freeing them. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ramfs_internal.h"

long ramfs_now(const struct ramfs *fs)
{
	return fs->clock ? fs->clock() : 0;
}

struct ramfs_node *ramfs_node_new(struct ramfs *fs, enum ramfs_type type, unsigned mode)
{
	struct ramfs_node *n = calloc(1, sizeof(*n));

	if (!n)
		return NULL;
	n->type = type;
	n->mode = mode & 07777;
	n->ino = fs->next_ino++;
	n->mtime = n->atime = ramfs_now(fs);
	return n;
}

static void node_free(struct ramfs_node *n)
{
	if (n->type == RAMFS_DIR)
		free(n->u.dir.slots);
	else if (n->type == RAMFS_FILE || n->type == RAMFS_PIPE || n->type == RAMFS_LINK)
		free(n->u.file.data);
	free(n);
}

void ramfs_node_put(struct ramfs_node *n)
{
	if (n->nlink == 0 && n->holds == 0)
		node_free(n);
}

struct ramfs *ramfs_new(long (*clock)(void))
{
	struct ramfs *fs = calloc(1, sizeof(*fs));

	if (!fs)
		return NULL;
	fs->clock = clock;
	fs->next_ino = 1;
	fs->root = ramfs_node_new(fs, RAMFS_DIR, 0755);
	if (!fs->root) {
		free(fs);
		return NULL;
	}
	/* The root is its own parent: ".." stays there. */
	fs->root->parent = fs->root;
	fs->root->nlink = 2;
	fs->cwd = fs->root;
	ramfs_hold(fs->cwd);
	return fs;
}

/* Drops dir's names one by one; a file goes with its last name, and a
 * subdirectory (which has only one) right away. */
static void free_tree(struct ramfs_node *dir)
{
	for (size_t i = 0; i < dir->u.dir.count; i++) {
		struct ramfs_node *n = dir->u.dir.slots[i].node;

		free(dir->u.dir.slots[i].name);
		if (n->type == RAMFS_DIR)
			free_tree(n);
		else if (--n->nlink == 0)
			node_free(n);
	}
	node_free(dir);
}

void ramfs_free(struct ramfs *fs)
{
	if (!fs)
		return;
	/* A removed directory held as the cwd is in the tree no more. */
	if (fs->cwd != fs->root && !fs->cwd->parent)
		ramfs_release(fs->cwd);
	free_tree(fs->root);
	free(fs);
}

void ramfs_hold(struct ramfs_node *n)
{
	n->holds++;
}

void ramfs_release(struct ramfs_node *n)
{
	n->holds--;
	ramfs_node_put(n);
}

enum ramfs_type ramfs_type(const struct ramfs_node *n)
{
	return n->type;
}

void ramfs_info(const struct ramfs_node *n, struct ramfs_info *out)
{
	out->type = n->type;
	out->mode = n->mode;
	out->ino = n->ino;
	out->nlink = n->nlink;
	out->size = n->type == RAMFS_DIR || n->type == RAMFS_CONSOLE ? 0 : n->u.file.size;
	out->mtime = n->mtime;
	out->atime = n->atime;
}

long ramfs_dir_slot(const struct ramfs_node *dir, const char *name, size_t len)
{
	for (size_t i = 0; i < dir->u.dir.count; i++) {
		const struct ramfs_slot *s = &dir->u.dir.slots[i];

		if (s->len == len && memcmp(s->name, name, len) == 0)
			return (long)i;
	}
	return -1;
}

struct ramfs_node *ramfs_dir_find(struct ramfs_node *dir, const char *name, size_t len)
{
	long i;

	if (len == 1 && name[0] == '.')
		return dir;
	if (len == 2 && name[0] == '.' && name[1] == '.')
		return dir->parent;
	i = ramfs_dir_slot(dir, name, len);
	return i < 0 ? NULL : dir->u.dir.slots[i].node;
}

int ramfs_slot_add(struct ramfs_node *dir, const char *name, size_t len,
		   struct ramfs_node *n)
{
	struct ramfs_slot *s = dir->u.dir.slots;
	char *copy;

	if (dir->u.dir.count == dir->u.dir.cap) {
		size_t cap = dir->u.dir.cap ? dir->u.dir.cap * 2 : 8;

		s = realloc(s, cap * sizeof(*s));
		if (!s)
			return -ENOMEM;
		dir->u.dir.slots = s;
		dir->u.dir.cap = cap;
	}
	copy = malloc(len + 1);
	if (!copy)
		return -ENOMEM;
	memcpy(copy, name, len);
	copy[len] = '\0';
	s[dir->u.dir.count++] = (struct ramfs_slot){ copy, len, n };
	return 0;
}

void ramfs_slot_drop(struct ramfs_node *dir, size_t index)
{
	struct ramfs_slot *s = dir->u.dir.slots;

	free(s[index].name);
	memmove(s + index, s + index + 1, (dir->u.dir.count - index - 1) * sizeof(*s));
	dir->u.dir.count--;
}

void ramfs_count_name(struct ramfs_node *dir, struct ramfs_node *child)
{
	child->nlink++;
	if (child->type == RAMFS_DIR) {
		child->nlink++;         /* its "." */
		dir->nlink++;           /* its ".." */
		child->parent = dir;
	}
}

void ramfs_uncount_name(struct ramfs_node *dir, struct ramfs_node *child)
{
	child->nlink--;
	if (child->type == RAMFS_DIR) {
		child->nlink--;
		dir->nlink--;
		child->parent = NULL;
	}
}

int ramfs_dir_link(struct ramfs *fs, struct ramfs_node *dir, const char *name,
		   size_t len, struct ramfs_node *n)
{
	int rc = ramfs_slot_add(dir, name, len, n);

	if (rc < 0)
		return rc;
	ramfs_count_name(dir, n);
	dir->mtime = ramfs_now(fs);
	return 0;
}

int ramfs_dir_make(struct ramfs *fs, struct ramfs_node *dir, const char *name,
		   size_t len, enum ramfs_type type, unsigned mode,
		   struct ramfs_node **out)
{
	struct ramfs_node *n = ramfs_node_new(fs, type, mode);
	int rc;

	if (!n)
		return -ENOMEM;
	rc = ramfs_dir_link(fs, dir, name, len, n);
	if (rc < 0) {
		node_free(n);
		return rc;
	}
	if (out)
		*out = n;
	return 0;
}

void ramfs_dir_unlink(struct ramfs *fs, struct ramfs_node *dir, size_t index)
{
	struct ramfs_node *n = dir->u.dir.slots[index].node;

	ramfs_slot_drop(dir, index);
	ramfs_uncount_name(dir, n);
	dir->mtime = ramfs_now(fs);
	ramfs_node_put(n);
}

int ramfs_readdir(const struct ramfs_node *dir, size_t index, struct ramfs_dirent *out)
{
	const struct ramfs_node *n;

	if (dir->type != RAMFS_DIR)
		return -ENOTDIR;
	if (!dir->parent)
		return 0;
	if (index < 2) {
		n = index == 0 ? dir : dir->parent;
		out->name = index == 0 ? "." : "..";
	} else if (index - 2 < dir->u.dir.count) {
		n = dir->u.dir.slots[index - 2].node;
		out->name = dir->u.dir.slots[index - 2].name;
	} else {
		return 0;
	}
	out->ino = n->ino;
	out->type = n->type;
	return 1;
}
