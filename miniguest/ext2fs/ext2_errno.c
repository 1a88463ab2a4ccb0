/* libext2fs's error codes as errno values (ext2_vfs.h). */
#include <errno.h>

#include "ext2_vfs.h"

bool ext2_io_error(errcode_t rc)
{
	switch (rc) {
	case EIO:
	case EXT2_ET_SHORT_READ: case EXT2_ET_SHORT_WRITE:
	case EXT2_ET_GDESC_READ: case EXT2_ET_GDESC_WRITE:
	case EXT2_ET_BLOCK_BITMAP_READ: case EXT2_ET_BLOCK_BITMAP_WRITE:
	case EXT2_ET_INODE_BITMAP_READ: case EXT2_ET_INODE_BITMAP_WRITE:
	case EXT2_ET_INODE_TABLE_READ: case EXT2_ET_INODE_TABLE_WRITE:
	case EXT2_ET_NEXT_INODE_READ:
		return true;
	default:
		return false;
	}
}

int ext2_errno(errcode_t rc)
{
	/* Small values are errno already (the io_manager's, ext2_remove's). */
	if (rc > 0 && rc < 256)
		return -(int)rc;
	switch (rc) {
	case 0:
		return 0;
	case EXT2_ET_FILE_NOT_FOUND:
		return -ENOENT;
	case EXT2_ET_FILE_EXISTS:
		return -EEXIST;
	case EXT2_ET_NO_DIRECTORY:
		return -ENOTDIR;
	case EXT2_ET_BLOCK_ALLOC_FAIL:
	case EXT2_ET_INODE_ALLOC_FAIL:
	case EXT2_ET_DIR_NO_SPACE:
	case EXT2_ET_TOOSMALL:
		return -ENOSPC;
	case EXT2_ET_RO_FILSYS:
		return -EROFS;
	case EXT2_ET_NO_MEMORY:
		return -ENOMEM;
	case EXT2_ET_INVALID_ARGUMENT:
		return -EINVAL;
	case EXT2_ET_FILE_TOO_BIG:
		return -EFBIG;
	default:
		return -EIO;
	}
}
