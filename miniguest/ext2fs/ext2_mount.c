/* Opening ext2 on a registered block device (ext2.h). */
#include <errno.h>

#include "blkdev.h"
#include "blkdev_io.h"
#include "ext2.h"

long ext2_mount(const char *name, int flags, ext2_filsys *out)
{
	struct blkdev *dev = blkdev_find(name);
	ext2_filsys fs = NULL;
	errcode_t rc;

	if (!dev)
		return -ENOENT;
	if ((rc = ext2fs_open(name, flags, 0, 0, blkdev_io_manager, &fs)))
		return -rc;
	/* libext2fs trusts the superblock's size; a truncated image must not
	 * mount, as the kernel refuses a "bad geometry". */
	uint64_t need = ext2fs_blocks_count(fs->super);
	if (need > UINT64_MAX / fs->blocksize ||
	    dev->sectors < (need * fs->blocksize + dev->sector_size - 1) / dev->sector_size)
		rc = EXT2_ET_CORRUPT_SUPERBLOCK;
	if (!rc)
		rc = ext2fs_read_bitmaps(fs);
	if (rc) {
		ext2fs_free(fs);
		return -rc;
	}
	*out = fs;
	return 0;
}
