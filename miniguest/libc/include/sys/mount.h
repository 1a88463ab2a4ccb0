/* Mounting filesystems on block devices: miniguest's own calls (there is
 * no mount(2) here). */
#ifndef _SYS_MOUNT_H
#define _SYS_MOUNT_H

#ifdef __cplusplus
extern "C" {
#endif

/* miniguest_mount's flags. */
#define MINIGUEST_MOUNT_RDONLY 1

/* Mounts the ext2 filesystem on the block device registered as blkdev
 * ("xvda", ...) at dir, a directory made if missing; 0, or -1 with errno:
 * ENODEV when the program was linked without the ext2 layer, ENOENT for
 * no such device, EINVAL when it holds no ext2 filesystem (or a bad one),
 * EBUSY when dir is or lies in a mount already, EIO. */
int miniguest_mount(const char *dir, const char *blkdev, int flags);

/* Writes everything out, flushes the device and closes the filesystem;
 * EINVAL when dir is not a mount point. Descriptors still open on it
 * fail with EIO afterwards. */
int miniguest_unmount(const char *dir);

#ifdef __cplusplus
}
#endif

#endif
