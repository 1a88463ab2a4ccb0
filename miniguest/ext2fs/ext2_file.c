/* Reading and creating whole files, and making directories, on ext2
 * (ext2.h). */
#include <string.h>
#include <time.h>

#include "ext2.h"

long ext2_read(ext2_filsys fs, const char *path, void *buf, unsigned len)
{
	ext2_ino_t ino;
	ext2_file_t f;
	unsigned got = 0;
	errcode_t rc = ext2fs_namei(fs, EXT2_ROOT_INO, EXT2_ROOT_INO, path, &ino);

	if (rc || (rc = ext2fs_file_open(fs, ino, 0, &f)))
		return -rc;
	rc = ext2fs_file_read(f, buf, len, &got);
	ext2fs_file_close(f);
	return rc ? -rc : (long)got;
}

/* path's directory and last component, for a name not taken yet. */
static long new_name(ext2_filsys fs, const char *path, ext2_ino_t *dir,
		     const char **leaf)
{
	ext2_ino_t ino;
	long bad = ext2_parent(fs, path, dir, leaf);

	if (!bad && ext2fs_lookup(fs, *dir, *leaf, strlen(*leaf), NULL, &ino) == 0)
		bad = -EXT2_ET_FILE_EXISTS;
	return bad;
}

long ext2_write(ext2_filsys fs, const char *path, const void *data, unsigned len)
{
	ext2_ino_t dir, ino;
	const char *leaf;
	struct ext2_inode inode;
	ext2_file_t f;
	unsigned done = 0;
	long bad = new_name(fs, path, &dir, &leaf);
	errcode_t rc;

	if (bad)
		return bad;
	if ((rc = ext2fs_new_inode(fs, dir, LINUX_S_IFREG | 0644, NULL, &ino)))
		return -rc;
	if ((bad = ext2_link(fs, dir, leaf, ino, EXT2_FT_REG_FILE)))
		return bad;
	ext2fs_inode_alloc_stats2(fs, ino, +1, 0);
	memset(&inode, 0, sizeof(inode));
	inode.i_mode = LINUX_S_IFREG | 0644;
	inode.i_links_count = 1;
	inode.i_atime = inode.i_ctime = inode.i_mtime = time(NULL);
	if ((rc = ext2fs_write_new_inode(fs, ino, &inode)) ||
	    (rc = ext2fs_file_open(fs, ino, EXT2_FILE_WRITE, &f)))
		return -rc;
	rc = ext2fs_file_write(f, data, len, &done);
	errcode_t rc2 = ext2fs_file_close(f);
	if (!rc && done != len)
		rc = EXT2_ET_SHORT_WRITE;
	return -(rc ? rc : rc2);
}

long ext2_mkdir(ext2_filsys fs, const char *path)
{
	ext2_ino_t dir;
	const char *leaf;
	/* ext2fs_mkdir finds out that the name is taken only after writing
	 * the new directory's inode, which it then leaves behind, in use but
	 * not allocated (e2fsck complains): look first. */
	long bad = new_name(fs, path, &dir, &leaf);
	errcode_t rc;

	if (bad)
		return bad;
	rc = ext2fs_mkdir(fs, dir, 0, leaf);
	if (rc == EXT2_ET_DIR_NO_SPACE && !(rc = ext2fs_expand_dir(fs, dir)))
		rc = ext2fs_mkdir(fs, dir, 0, leaf);
	return -rc;
}
