/* Renaming on ext2 (ext2.h). */
#include <string.h>

#include "ext2.h"

/* Points a directory's ".." entry at priv's inode. */
static int repoint_dotdot(struct ext2_dir_entry *de, int offset, int blocksize,
			  char *buf, void *priv)
{
	(void)offset, (void)blocksize, (void)buf;
	if (ext2fs_dirent_name_len(de) == 2 && de->name[0] == '.' && de->name[1] == '.') {
		de->inode = *(ext2_ino_t *)priv;
		return DIRENT_CHANGED | DIRENT_ABORT;
	}
	return 0;
}

/* Adds delta to ino's link count. */
static errcode_t links(ext2_filsys fs, ext2_ino_t ino, int delta)
{
	struct ext2_inode inode;
	errcode_t rc = ext2fs_read_inode(fs, ino, &inode);

	if (rc)
		return rc;
	if (delta > 0 || inode.i_links_count > 1)
		inode.i_links_count += delta;
	return ext2fs_write_inode(fs, ino, &inode);
}

/* Whether dir is ino or lies below it: walks ".." up to the root, at most
 * as many steps as there are inodes (a corrupt loop ends). */
static int below(ext2_filsys fs, ext2_ino_t dir, ext2_ino_t ino)
{
	for (uint32_t n = 0; n <= fs->super->s_inodes_count; n++) {
		if (dir == ino)
			return 1;
		if (dir == EXT2_ROOT_INO ||
		    ext2fs_lookup(fs, dir, "..", 2, NULL, &dir) != 0)
			return 0;
	}
	return 1;
}

long ext2_rename(ext2_filsys fs, const char *from, const char *to)
{
	ext2_ino_t fdir, tdir, ino, old;
	const char *fleaf, *tleaf;
	struct ext2_inode inode;
	long bad = ext2_parent(fs, from, &fdir, &fleaf);
	errcode_t rc;

	if (bad || (bad = ext2_parent(fs, to, &tdir, &tleaf)))
		return bad;
	if ((rc = ext2fs_lookup(fs, fdir, fleaf, strlen(fleaf), NULL, &ino)) ||
	    (rc = ext2fs_read_inode(fs, ino, &inode)))
		return -rc;
	if (ext2fs_lookup(fs, tdir, tleaf, strlen(tleaf), NULL, &old) == 0)
		return -EXT2_ET_FILE_EXISTS;
	int isdir = LINUX_S_ISDIR(inode.i_mode);
	if (isdir && below(fs, tdir, ino))
		return -EXT2_ET_INVALID_ARGUMENT;
	/* The new name first: a crash between the two leaves two names, not
	 * none. */
	if ((bad = ext2_link(fs, tdir, tleaf, ino, isdir ? EXT2_FT_DIR : EXT2_FT_REG_FILE)))
		return bad;
	if ((rc = ext2fs_unlink(fs, fdir, fleaf, ino, 0)))
		return -rc;
	if (!isdir || fdir == tdir)
		return 0;
	/* A directory's ".." is a link to its parent: it moves too. */
	if ((rc = ext2fs_dir_iterate(fs, ino, 0, NULL, repoint_dotdot, &tdir)) ||
	    (rc = links(fs, tdir, +1)) || (rc = links(fs, fdir, -1)))
		return -rc;
	return 0;
}
