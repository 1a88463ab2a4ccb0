/* stat on a mounted ext2 filesystem, and lookups by path (ext2_vfs.h). */
#include <errno.h>
#include <string.h>

#include "ext2_vfs.h"

int ext2_vfs_name_ok(const char *path)
{
	const char *p = path, *slash;

	while (*p) {
		slash = strchr(p, '/');
		if ((slash ? (size_t)(slash - p) : strlen(p)) > EXT2_NAME_LEN)
			return -ENAMETOOLONG;
		if (!slash)
			break;
		p = slash + 1;
	}
	return 0;
}

int ext2_vfs_lookup(struct ext2_sb *sb, const char *path, ext2_ino_t *ino)
{
	int rc = ext2_vfs_name_ok(path);

	if (rc < 0)
		return rc;
	if (!sb->fs)
		return -EIO;
	if (strcmp(path, "/") == 0) {
		*ino = EXT2_ROOT_INO;
		return 0;
	}
	return ext2_errno(ext2fs_namei(sb->fs, EXT2_ROOT_INO, EXT2_ROOT_INO, path, ino));
}

int ext2_vfs_fill_stat(struct ext2_sb *sb, ext2_ino_t ino, struct stat *st)
{
	struct ext2_inode i;
	errcode_t rc = ext2fs_read_inode(sb->fs, ino, &i);

	if (rc)
		return ext2_errno(rc);
	memset(st, 0, sizeof(*st));
	st->st_dev = sb->dev;
	st->st_ino = ino;
	/* The types ext2 and POSIX share have the same bits. */
	st->st_mode = i.i_mode;
	st->st_nlink = i.i_links_count;
	st->st_uid = FS_UID;
	st->st_gid = FS_GID;
	st->st_size = (off_t)EXT2_I_SIZE(&i);
	st->st_atime = i.i_atime;
	st->st_mtime = i.i_mtime;
	st->st_ctime = i.i_ctime;
	st->st_blksize = sb->fs->blocksize;
	st->st_blocks = i.i_blocks;
	return 0;
}
