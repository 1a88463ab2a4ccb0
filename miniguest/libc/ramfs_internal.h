/* The inside of ramfs, shared by its files: nodes and the tree itself
 * (ramfs_node.c), file contents (ramfs_data.c), names and paths
 * (ramfs_path.c, ramfs_rename.c), symbolic links (ramfs_link.c) and the
 * archive loader (ramfs_cpio.c). */
#ifndef MINIGUEST_RAMFS_INTERNAL_H
#define MINIGUEST_RAMFS_INTERNAL_H

#include <stdbool.h>

#include "ramfs.h"

struct ramfs_slot {
	char *name;             /* NUL-terminated, owned by the slot */
	size_t len;
	struct ramfs_node *node;
};

struct ramfs_node {
	enum ramfs_type type;
	unsigned mode;
	unsigned long ino;
	unsigned long nlink;    /* see struct ramfs_info */
	unsigned long holds;
	long mtime, atime;
	/* A pipe's open ends (ramfs_pipe.c). */
	unsigned readers, writers;
	/* A directory's parent (the root's is itself); NULL once removed. */
	struct ramfs_node *parent;
	union {
		struct {
			unsigned char *data;
			size_t size, cap;
		} file;                 /* a pipe's bytes, a link's target too */
		struct {
			struct ramfs_slot *slots;
			size_t count, cap;
		} dir;
	} u;
};

struct ramfs {
	struct ramfs_node *root;
	struct ramfs_node *cwd;     /* held; where relative paths start */
	unsigned long next_ino;
	long (*clock)(void);
};

long ramfs_now(const struct ramfs *fs);

/* A node in no directory yet: nlink 0 (a directory's own "." counts once
 * it has a name). NULL when out of memory. */
struct ramfs_node *ramfs_node_new(struct ramfs *fs, enum ramfs_type type, unsigned mode);

/* Frees n if nothing names or holds it any more. */
void ramfs_node_put(struct ramfs_node *n);

/* The entry called name in dir ("." and ".." included), or NULL. */
struct ramfs_node *ramfs_dir_find(struct ramfs_node *dir, const char *name, size_t len);
/* The slot index of name in dir, or -1. */
long ramfs_dir_slot(const struct ramfs_node *dir, const char *name, size_t len);

/* Slots only, link counts untouched: add one at the end (-ENOMEM), or take
 * one out, keeping the others in order. */
int ramfs_slot_add(struct ramfs_node *dir, const char *name, size_t len,
		   struct ramfs_node *n);
void ramfs_slot_drop(struct ramfs_node *dir, size_t index);

/* Link counts for child gaining or losing its name in dir (with a
 * directory's "." and "..", and its parent pointer). */
void ramfs_count_name(struct ramfs_node *dir, struct ramfs_node *child);
void ramfs_uncount_name(struct ramfs_node *dir, struct ramfs_node *child);

/* A new node named name in dir, counted; -ENOMEM. */
int ramfs_dir_make(struct ramfs *fs, struct ramfs_node *dir, const char *name,
		   size_t len, enum ramfs_type type, unsigned mode,
		   struct ramfs_node **out);

/* A new link named name in dir holding the tlen bytes of target (no NUL
 * among them); -ENOMEM. */
int ramfs_dir_symlink(struct ramfs *fs, struct ramfs_node *dir, const char *name,
		      size_t len, const char *target, size_t tlen, struct ramfs_node **out);

/* Names an existing node in dir too (a hard link or a move). */
int ramfs_dir_link(struct ramfs *fs, struct ramfs_node *dir, const char *name,
		   size_t len, struct ramfs_node *n);

/* Removes slot index of dir, freeing the node if that was all. */
void ramfs_dir_unlink(struct ramfs *fs, struct ramfs_node *dir, size_t index);

/* A path resolved up to its last component. */
struct ramfs_walk {
	struct ramfs_node *dir;     /* where the last component lives */
	struct path_comp last;      /* len 0 when the path is the root itself */
	bool wants_dir;             /* a trailing slash */
};

/* Walks to path's last component from dir (the root for an absolute path)
 * following links on the way; links counts those followed so far. */
int ramfs_walk_from(struct ramfs *fs, struct ramfs_node *dir, const char *path,
		    struct ramfs_walk *w, unsigned *links);
/* The same from the current directory, counting afresh. */
int ramfs_walk(struct ramfs *fs, const char *path, struct ramfs_walk *w);

/* The same for a name about to be made: -EEXIST when it is taken (by a
 * link too, dangling or not), is "." or "..", or is the root. */
int ramfs_walk_new(struct ramfs *fs, const char *path, struct ramfs_walk *w);

/* The node a walk ends on (the root when the path has no components); a
 * link there is followed if follow or a trailing slash says so, and *w
 * becomes the walk that found what it leads to. */
int ramfs_walk_end(struct ramfs *fs, struct ramfs_walk *w, bool follow,
		   struct ramfs_node **out, unsigned *links);

/* *n, the link w ends on, replaced by what its target leads to (links
 * followed all the way), and *w by the walk that found that. */
int ramfs_follow(struct ramfs *fs, struct ramfs_walk *w, struct ramfs_node **n,
		 unsigned *links);

#endif
