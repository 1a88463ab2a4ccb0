/* Removing files and empty directories from ext2 (ext2.h). */
#include <errno.h>
#include <string.h>
#include <time.h>

#include "ext2.h"

/* Counts the entries other than "." and "..". */
static int count_entry(struct ext2_dir_entry *de, int offset, int blocksize,
		       char *buf, void *priv)
{
	int len = ext2fs_dirent_name_len(de);
	(void)offset, (void)blocksize, (void)buf;
	if (de->inode && !(len == 1 && de->name[0] == '.') &&
	    !(len == 2 && de->name[0] == '.' && de->name[1] == '.'))
		++*(int *)priv;
	return 0;
}

long ext2_remove(ext2_filsys fs, const char *path)
{
	ext2_ino_t dir, ino;
	const char *leaf;
	struct ext2_inode inode, parent;
	long bad = ext2_parent(fs, path, &dir, &leaf);
	errcode_t rc;
	int others = 0;

	if (bad)
		return bad;
	if ((rc = ext2fs_lookup(fs, dir, leaf, strlen(leaf), NULL, &ino)) ||
	    (rc = ext2fs_read_inode(fs, ino, &inode)))
		return -rc;
	int isdir = LINUX_S_ISDIR(inode.i_mode);
	if (isdir) {
		rc = ext2fs_dir_iterate(fs, ino, 0, NULL, count_entry, &others);
		if (rc || others)
			return -(rc ? rc : ENOTEMPTY);
	}
	if ((rc = ext2fs_unlink(fs, dir, leaf, ino, 0)))
		return -rc;
	if (isdir) {
		/* Its ".." held a link to the parent. */
		if ((rc = ext2fs_read_inode(fs, dir, &parent)))
			return -rc;
		if (parent.i_links_count > 1)
			parent.i_links_count--;
		if ((rc = ext2fs_write_inode(fs, dir, &parent)))
			return -rc;
		inode.i_links_count = 0;
	} else if (inode.i_links_count > 0) {
		inode.i_links_count--;
	}
	if (inode.i_links_count == 0) {
		inode.i_dtime = time(NULL);
		rc = ext2fs_punch(fs, ino, &inode, NULL, 0, ~0ULL);
		if (rc)
			return -rc;
		ext2fs_inode_alloc_stats2(fs, ino, -1, isdir);
	}
	return -ext2fs_write_inode(fs, ino, &inode);
}
