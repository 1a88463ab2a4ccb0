/* open on a mounted ext2 filesystem (ext2_vfs.h). */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <time.h>

#include "ext2.h"
#include "ext2_vfs.h"

/* A new empty regular file at path (whose parent must exist). */
static int create(struct ext2_sb *sb, const char *path, unsigned mode, ext2_ino_t *ino)
{
	ext2_filsys fs = sb->fs;
	struct ext2_inode inode;
	ext2_ino_t dir;
	const char *leaf;
	long bad = ext2_parent(fs, path, &dir, &leaf);
	errcode_t rc;

	if (bad)
		return ext2_errno(-bad);
	if ((rc = ext2fs_new_inode(fs, dir, LINUX_S_IFREG | mode, NULL, ino)))
		return ext2_errno(rc);
	if ((bad = ext2_link(fs, dir, leaf, *ino, EXT2_FT_REG_FILE)))
		return ext2_errno(-bad);
	ext2fs_inode_alloc_stats2(fs, *ino, +1, 0);
	memset(&inode, 0, sizeof(inode));
	inode.i_mode = LINUX_S_IFREG | (mode & 07777);
	inode.i_links_count = 1;
	inode.i_atime = inode.i_ctime = inode.i_mtime = time(NULL);
	return ext2_errno(ext2fs_write_new_inode(fs, *ino, &inode));
}

/* Whether ino may be opened so: 0, or the error. */
static int openable(struct ext2_sb *sb, ext2_ino_t ino, int flags, bool *dir)
{
	struct ext2_inode inode;
	int acc = flags & O_ACCMODE;
	errcode_t rc = ext2fs_read_inode(sb->fs, ino, &inode);

	if (rc)
		return ext2_errno(rc);
	*dir = LINUX_S_ISDIR(inode.i_mode);
	if ((flags & O_DIRECTORY) && !*dir)
		return -ENOTDIR;
	if (*dir && acc != O_RDONLY)
		return -EISDIR;
	/* Links, devices and fifos the host made are not followed. */
	if (!*dir && !LINUX_S_ISREG(inode.i_mode))
		return -ENXIO;
	if (acc != O_RDONLY && sb->rdonly)
		return -EROFS;
	return 0;
}

int ext2_vfs_open_path(void *p, const char *path, int flags, unsigned mode)
{
	struct ext2_sb *sb = p;
	struct ext2_node *n;
	ext2_ino_t ino;
	bool dir;
	int rc = ext2_vfs_lookup(sb, path, &ino), fd;

	if (rc == 0 && (flags & O_CREAT) && (flags & O_EXCL))
		return -EEXIST;
	if (rc == -ENOENT && (flags & O_CREAT))
		rc = sb->rdonly ? -EROFS : create(sb, path, mode, &ino);
	if (rc == 0)
		rc = openable(sb, ino, flags, &dir);
	if (rc == 0)
		rc = ext2_node_get(sb, ino, dir, &n);
	if (rc < 0)
		return rc;
	fd = fd_install_ops(dir ? &ext2_dir_ops : &ext2_file_ops, n, flags);
	if (fd < 0) {
		ext2_node_put(n);
		return fd;
	}
	if (!dir && (flags & O_TRUNC) && (flags & O_ACCMODE) != O_RDONLY) {
		rc = ext2_errno(ext2fs_file_set_size2(n->file, 0));
		if (rc < 0) {
			fd_remove(fd);
			return rc;
		}
	}
	return fd;
}
