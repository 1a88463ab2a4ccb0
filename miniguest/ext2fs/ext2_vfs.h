/* The libc's mounts on ext2 (miniguest/libc/mount.h): a mounted
 * filesystem (ext2_sb), its open inodes (ext2_node, one libext2fs file
 * shared by every descriptor on the inode, so that their writes and the
 * inode's size never diverge), and the file_ops of files and directories.
 * libext2fs is not reentrant, and a thread may block in it on the device:
 * every call from the libc takes one lock (ext2_vfs_lock.c). */
#ifndef MINIGUEST_EXT2_VFS_H
#define MINIGUEST_EXT2_VFS_H

#include <stdbool.h>
#include <sys/stat.h>

#include <ext2fs/ext2fs.h>

#include "fd.h"
#include "fs_ops.h"
#include "mount.h"

struct ext2_node;

struct ext2_sb {
	ext2_filsys fs;             /* NULL once unmounted */
	bool rdonly;
	unsigned refs;              /* the mount itself and each open node */
	unsigned dev;               /* st_dev */
	struct ext2_node *open;     /* the open inodes */
};

struct ext2_node {
	struct ext2_sb *sb;
	ext2_ino_t ino;
	ext2_file_t file;           /* NULL for a directory */
	unsigned refs;              /* the open files (struct fd_file) on it */
	bool orphan;                /* unlinked while open: freed at last close */
	struct ext2_node *next;
};

/* What the libc calls, under the lock (ext2_vfs_lock.c) ... */
extern const struct fs_type ext2_vfs_type;
extern const struct file_ops ext2_file_ops, ext2_dir_ops;
/* ... and the calls themselves. */
extern const struct fs_type ext2_vfs_raw;
extern const struct file_ops ext2_file_raw, ext2_dir_raw;
int ext2_vfs_mount(const char *blkdev, int flags, const struct fs_type **type, void **sb);

/* A libext2fs error code, or an errno passed through, as a negative
 * errno: ENOENT, EEXIST, ENOTDIR, ENOSPC, EROFS, ENOMEM, EINVAL; EIO for
 * the device failing and anything that says the filesystem is bad. */
int ext2_errno(errcode_t rc);

/* Whether rc says the device failed (rather than what it holds). */
bool ext2_io_error(errcode_t rc);

/* path's inode (-ENOENT, -ENOTDIR on the way). */
int ext2_vfs_lookup(struct ext2_sb *sb, const char *path, ext2_ino_t *ino);

/* The open node on ino, made (with a libext2fs file for a regular file)
 * if none; its refs counts one more. */
int ext2_node_get(struct ext2_sb *sb, ext2_ino_t ino, bool dir, struct ext2_node **out);
/* One open file fewer: the last closes the libext2fs file, frees an
 * orphan's blocks and inode, and lets go of the mount. */
int ext2_node_put(struct ext2_node *n);
struct ext2_node *ext2_node_find(struct ext2_sb *sb, ext2_ino_t ino);
/* Closes every open node's libext2fs file (at unmount); the nodes stay,
 * and fail with EIO from then on. */
int ext2_node_close_all(struct ext2_sb *sb);

/* One reference to sb fewer; the last frees it (after unmount). */
void ext2_sb_put(struct ext2_sb *sb);

/* Frees an inode no name links to: its blocks, then the inode itself. */
int ext2_inode_free(struct ext2_sb *sb, ext2_ino_t ino, bool dir);

/* st for ino. */
int ext2_vfs_fill_stat(struct ext2_sb *sb, ext2_ino_t ino, struct stat *st);

/* The fs_type calls by path (ext2_vfs_open.c, ext2_vfs_path.c), sb an
 * ext2_sb. */
int ext2_vfs_open_path(void *sb, const char *path, int flags, unsigned mode);
int ext2_vfs_stat(void *sb, const char *path, struct stat *st);
int ext2_vfs_unlink(void *sb, const char *path);
int ext2_vfs_mkdir(void *sb, const char *path, unsigned mode);
int ext2_vfs_rmdir(void *sb, const char *path);
int ext2_vfs_rename(void *sb, const char *from, const char *to);
int ext2_vfs_truncate(void *sb, const char *path, long length);

/* Everything written out, then the device's flush. */
int ext2_vfs_sync(void *sb);

/* The directory-entry name checks: -ENAMETOOLONG for a component longer
 * than EXT2_NAME_LEN. */
int ext2_vfs_name_ok(const char *path);

#endif
