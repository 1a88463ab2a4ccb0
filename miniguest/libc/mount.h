/* The mount table: filesystems other than the ramfs, each at a directory
 * of the ramfs (default /disk). Paths are handed to a mount by name alone:
 * the absolute path, cleaned ("//", "." and ".." resolved as path_clean
 * does, a relative path joined to the current directory), that is the
 * mount's directory or lies below it goes to the mount as the rest ("/" for
 * the mount's own root). A symbolic link of the ramfs into a mount is not
 * followed into it. */
#ifndef MINIGUEST_MOUNT_H
#define MINIGUEST_MOUNT_H

#include <stdbool.h>
#include <sys/stat.h>

#define MOUNT_MAX 4
/* Where xvda is mounted, on the first use of a path at or below it. */
#define MOUNT_DEFAULT_DIR "/disk"

/* A mounted filesystem's operations by path (the rest, always absolute
 * and clean); each returns 0, a descriptor or a negative errno. The
 * descriptors open calls install are ops files (fd.h). mode is already
 * less the umask. */
struct fs_type {
	int (*open)(void *sb, const char *path, int flags, unsigned mode);
	int (*stat)(void *sb, const char *path, struct stat *st);
	int (*unlink)(void *sb, const char *path);
	int (*mkdir)(void *sb, const char *path, unsigned mode);
	int (*rmdir)(void *sb, const char *path);
	int (*rename)(void *sb, const char *from, const char *to);
	int (*truncate)(void *sb, const char *path, long length);
	/* Everything written so far onto the device, then the device's
	 * flush: returns only after the device said it is done. */
	int (*sync)(void *sb);
	/* sync, then the filesystem is closed and sb freed, whatever the
	 * error (the first one met is returned). */
	int (*unmount)(void *sb);
};

/* Which mount path lies in: its sb and type, and the rest of the path in
 * rest (PATH_LEN_MAX bytes). false for the ramfs (or a path that does not
 * clean, left to the ramfs to refuse). A path at or below
 * MOUNT_DEFAULT_DIR first makes the default mount (fs_mount_default). */
bool mount_find(const char *path, const struct fs_type **type, void **sb, char *rest);

/* -ENOTSUP for a path below a mount point (for the calls the mounts do
 * not have), else 0: the mount point itself is the ramfs's directory. */
int mount_refuse(const char *path);

/* Adds a mount at dir (made in the ramfs if missing): -EBUSY when dir is
 * a mount already, -ENOSPC when MOUNT_MAX are. A mount asked for at
 * MOUNT_DEFAULT_DIR before its first use leaves the default one unmade. */
int mount_add(const char *dir, const struct fs_type *type, void *sb);

/* sync on every mount: the first error. */
int mount_sync_all(void);

/* Unmounts dir (-EINVAL if it is not a mount point) or every mount. */
int mount_remove(const char *dir);
int mount_remove_all(void);

/* What the ext2 layer (miniguest/ext2fs/ext2_vfs*.c, linked into the
 * programs that use it; weak here) provides: opens the ext2 filesystem on
 * the block device registered as blkdev, read-only when flags has
 * MINIGUEST_MOUNT_RDONLY. */
int ext2_vfs_open(const char *blkdev, int flags, const struct fs_type **type, void **sb);

/* miniguest_mount and miniguest_unmount (sys/mount.h) with a negative
 * errno for a failure. The first fs_mount connects the domain's disks
 * (blkfront_probe, when the program has blkfront). */
int fs_mount(const char *dir, const char *blkdev, int flags);
int fs_unmount(const char *dir);

/* Once, when a program first reaches for a path under MOUNT_DEFAULT_DIR
 * (never at start, so that a program that does not pays nothing): xvda
 * mounted there when it is there (fs_mount connects the disks first). A
 * disk that does not mount is reported on the console. 0 when it is
 * mounted now; a negative errno, and -ENOENT on every later call. */
int fs_mount_default(void);

#endif
