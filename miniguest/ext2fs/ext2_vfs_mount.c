/* Mounting, syncing and unmounting ext2 for the libc (ext2_vfs.h). */
#include <errno.h>
#include <stdlib.h>
#include <sys/mount.h>

#include "blkdev.h"
#include "ext2.h"
#include "ext2_vfs.h"

int ext2_vfs_sync(void *p)
{
	struct ext2_sb *sb = p;
	errcode_t rc = 0;

	if (!sb->fs)
		return -EIO;
	if (sb->rdonly)
		return 0;
	for (struct ext2_node *n = sb->open; n && !rc; n = n->next)
		if (n->file)
			rc = ext2fs_file_flush(n->file);
	if (!rc)
		rc = ext2fs_write_bitmaps(sb->fs);
	if (!rc)
		rc = ext2fs_flush(sb->fs);
	/* ext2fs_flush flushes too unless told not to; the device's flush is
	 * what fsync promises, so it is asked for here whatever the flags. */
	if (!rc)
		rc = io_channel_flush(sb->fs->io);
	return ext2_errno(rc);
}

static int vfs_unmount(void *p)
{
	struct ext2_sb *sb = p;
	int rc = ext2_node_close_all(sb), rc2 = ext2_vfs_sync(sb);
	errcode_t closed = ext2fs_close_free(&sb->fs);

	sb->fs = NULL;
	if (!rc)
		rc = rc2 ? rc2 : ext2_errno(closed);
	ext2_sb_put(sb);
	return rc;
}

int ext2_vfs_mount(const char *blkdev, int flags, const struct fs_type **type, void **out)
{
	static unsigned next_dev = 2;
	struct ext2_sb *sb;
	long bad;

	struct blkdev *dev = blkdev_find(blkdev);

	if (!dev)
		return -ENOENT;
	sb = calloc(1, sizeof(*sb));
	if (!sb)
		return -ENOMEM;
	/* A read-only disk mounts read-only: writes are EROFS at open. */
	sb->rdonly = (flags & MINIGUEST_MOUNT_RDONLY) || !dev->write;
	bad = ext2_mount(blkdev, sb->rdonly ? 0 : EXT2_FLAG_RW, &sb->fs);
	if (bad) {
		free(sb);
		/* The device failing is EIO; anything else says it is no
		 * (good) ext2 filesystem. */
		return ext2_io_error(-bad) ? -EIO : bad == -EXT2_ET_NO_MEMORY ? -ENOMEM : -EINVAL;
	}
	sb->refs = 1;
	sb->dev = next_dev++;
	*type = &ext2_vfs_type;
	*out = sb;
	return 0;
}

const struct fs_type ext2_vfs_raw = {
	.open = ext2_vfs_open_path, .stat = ext2_vfs_stat, .unlink = ext2_vfs_unlink,
	.mkdir = ext2_vfs_mkdir, .rmdir = ext2_vfs_rmdir, .rename = ext2_vfs_rename,
	.truncate = ext2_vfs_truncate, .sync = ext2_vfs_sync, .unmount = vfs_unmount,
};
