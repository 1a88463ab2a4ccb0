/* libext2fs's error codes as errno values (ext2_vfs.h). */
#include <errno.h>

#include "ext2_vfs.h"

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
