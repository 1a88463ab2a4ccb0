/* An in-memory tree of directories, regular files and symbolic links (plus
 * console nodes, which hold no data: the file layer sends their I/O to the
 * console, and pipes, which no name refers to).
 *
 * A relative path is taken from the current directory (the root at
 * first; ramfs_chdir moves it). Every function returns 0 (or a count) on
 * success and a negative errno on failure, and changes nothing when it
 * fails. Memory comes from malloc/realloc/free.
 *
 * A node lives while a name refers to it or someone holds it: an open
 * file keeps its data after the last name is unlinked, as POSIX says, and
 * the node goes away with the last ramfs_release. Pointers from
 * ramfs_lookup are valid until the tree changes unless held. */
#ifndef MINIGUEST_RAMFS_H
#define MINIGUEST_RAMFS_H

#include <stddef.h>

#include "path.h"

#define RAMFS_NAME_MAX PATH_NAME_MAX
#define RAMFS_PATH_MAX PATH_LEN_MAX

/* No file grows beyond this: it keeps offsets far from overflow on a
 * 32-bit guest, whose memory would run out long before anyway. */
#define RAMFS_FILE_MAX 0x40000000u

enum ramfs_type { RAMFS_DIR = 1, RAMFS_FILE, RAMFS_CONSOLE, RAMFS_PIPE, RAMFS_LINK };

/* Symbolic links followed in resolving one path before it is -ELOOP. */
#define RAMFS_SYMLOOP_MAX 40

struct ramfs;
struct ramfs_node;

/* What stat reports. */
struct ramfs_info {
	enum ramfs_type type;
	unsigned mode;          /* permission bits only (07777) */
	unsigned long ino;
	unsigned long nlink;    /* names; for a directory 2 + subdirectories */
	size_t size;            /* bytes of a file or a link's target; 0 otherwise */
	long mtime;             /* the clock's value at the last change */
	long atime;             /* set by ramfs_set_times only (no reads) */
};

struct ramfs_dirent {
	const char *name;       /* valid until the directory changes */
	unsigned long ino;
	enum ramfs_type type;
};

/* How ramfs_load_cpio went. */
struct ramfs_load_stats {
	unsigned files, dirs, links, symlinks;
	unsigned skipped;       /* devices, fifos, sockets */
	size_t bad_offset;      /* after an error: the entry at fault */
};

/* A tree holding only the root directory (mode 0755). clock gives the time
 * stamped on changes (NULL: always 0). NULL when out of memory. */
struct ramfs *ramfs_new(long (*clock)(void));

/* Frees the tree; nothing may be held any more. */
void ramfs_free(struct ramfs *fs);

/* Symbolic links are followed in every component of a path: a relative
 * target from the link's directory, an absolute one from the root, at most
 * RAMFS_SYMLOOP_MAX of them (-ELOOP). ramfs_lookup follows a link in the
 * last component too, ramfs_lookup_link gives the link itself (as lstat;
 * a trailing slash follows it all the same). The calls on names
 * (create, unlink, rename, link) act on a last-component link itself. */
int ramfs_lookup(struct ramfs *fs, const char *path, struct ramfs_node **out);
int ramfs_lookup_link(struct ramfs *fs, const char *path, struct ramfs_node **out);

/* A symbolic link at path holding target (not checked: it may dangle);
 * -ENOENT for an empty target, -ENAMETOOLONG for one of RAMFS_PATH_MAX
 * bytes or more, -EEXIST if the name is taken. */
int ramfs_symlink(struct ramfs *fs, const char *target, const char *path);

/* Up to size bytes of link n's target, without a NUL: the count copied,
 * or -EINVAL when n is not a link. */
long ramfs_readlink(const struct ramfs_node *n, char *buf, size_t size);

/* The absolute path, with no link, "." or "..", of what path leads to. */
int ramfs_realpath(struct ramfs *fs, const char *path, char *buf, size_t size);

/* A new node of the given type (mode: permission bits), in *out if out is
 * not NULL; -EEXIST if the name is taken. */
int ramfs_create(struct ramfs *fs, const char *path, enum ramfs_type type,
		 unsigned mode, struct ramfs_node **out);
int ramfs_mkdir(struct ramfs *fs, const char *path, unsigned mode);

int ramfs_unlink(struct ramfs *fs, const char *path);      /* not directories */
int ramfs_rmdir(struct ramfs *fs, const char *path);       /* empty ones only */

/* POSIX rename: replaces a file by a non-directory, or an empty directory
 * by a directory; renaming a node onto itself does nothing; a directory
 * cannot move into itself (-EINVAL). */
int ramfs_rename(struct ramfs *fs, const char *from, const char *to);

/* A second name for a non-directory. */
int ramfs_link(struct ramfs *fs, const char *from, const char *to);

void ramfs_hold(struct ramfs_node *n);
void ramfs_release(struct ramfs_node *n);

enum ramfs_type ramfs_type(const struct ramfs_node *n);
void ramfs_info(const struct ramfs_node *n, struct ramfs_info *out);

/* Bytes read at off (0 at or past the end), or -EISDIR / -EINVAL for a
 * node without data. */
long ramfs_read(const struct ramfs_node *n, void *buf, size_t len, size_t off);

/* Bytes written at off; a gap past the end reads as zeros. -EFBIG when off
 * is at or past RAMFS_FILE_MAX (a write reaching beyond it is cut short). */
long ramfs_write(struct ramfs *fs, struct ramfs_node *n, const void *buf,
		 size_t len, size_t off);

/* Cuts or extends (with zeros) a file to size bytes. */
int ramfs_truncate(struct ramfs *fs, struct ramfs_node *n, size_t size);

/* Permission bits (07777) and times, as chmod and utime set them. */
void ramfs_set_mode(struct ramfs_node *n, unsigned mode);
void ramfs_set_times(struct ramfs_node *n, long atime, long mtime);

/* The current directory: ramfs_chdir moves it to a directory (-ENOTDIR
 * otherwise), ramfs_fchdir to a node already found. ramfs_getcwd writes
 * its absolute path into buf: -ERANGE if size is too small, -ENOENT once
 * the directory has been removed. */
int ramfs_chdir(struct ramfs *fs, const char *path);
int ramfs_fchdir(struct ramfs *fs, struct ramfs_node *dir);
int ramfs_getcwd(struct ramfs *fs, char *buf, size_t size);
/* The same for any directory d. */
int ramfs_dir_path(struct ramfs *fs, const struct ramfs_node *d, char *buf, size_t size);

/* A pipe holds up to RAMFS_PIPE_MAX bytes, first in first out. A new one
 * (NULL when out of memory) has no name, no ends and no holds: the file
 * layer holds it and counts its ends (delta +1 or -1 for each). */
#define RAMFS_PIPE_MAX 65536u
struct ramfs_node *ramfs_pipe_new(struct ramfs *fs);
void ramfs_pipe_ends(struct ramfs_node *p, int readers, int writers);
unsigned ramfs_pipe_readers(const struct ramfs_node *p);
unsigned ramfs_pipe_writers(const struct ramfs_node *p);
/* Takes up to len bytes out (0 when empty). */
long ramfs_pipe_read(struct ramfs_node *p, void *buf, size_t len);
/* Puts up to len bytes in, as many as there is room for (0 when full);
 * -ENOMEM. */
long ramfs_pipe_write(struct ramfs *fs, struct ramfs_node *p, const void *buf, size_t len);

/* Entry index of a directory: 0 is ".", 1 is "..", then the names in the
 * order they were made. Returns 1 with *out filled, 0 past the last entry
 * (at once for a removed directory), -ENOTDIR for other nodes. */
int ramfs_readdir(const struct ramfs_node *dir, size_t index, struct ramfs_dirent *out);

/* Adds what a cpio newc archive holds: directories (parents made as
 * needed, 0755), regular files and symbolic links (the entry's data is the
 * target); an existing file or link is replaced, an existing directory
 * takes the entry's mode; hard links (entries sharing an inode) become
 * links again. Devices and the like are skipped and counted. Names are taken from the root, and one whose ".."
 * would climb above it is refused (-EINVAL). Returns the number skipped,
 * or the first error (a CPIO_E* code or a ramfs one) with the offset of
 * the entry at fault in stats->bad_offset; entries before it stay.
 * stats may be NULL. */
int ramfs_load_cpio(struct ramfs *fs, const void *archive, size_t len,
		    struct ramfs_load_stats *stats);

#endif
