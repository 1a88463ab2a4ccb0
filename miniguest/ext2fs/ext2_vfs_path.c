/* stat, unlink, mkdir, rmdir, rename and truncate by path on a mounted
 * ext2 filesystem (ext2_vfs.h). Paths come clean and absolute. */
#include <errno.h>
#include <string.h>

#include "ext2.h"
#include "ext2_vfs.h"

/* path's inode and whether it is a directory. */
static int find(struct ext2_sb *sb, const char *path, ext2_ino_t *ino, bool *dir)
{
	struct ext2_inode inode;
	int rc = ext2_vfs_lookup(sb, path, ino);

	if (rc < 0)
		return rc;
	rc = ext2_errno(ext2fs_read_inode(sb->fs, *ino, &inode));
	*dir = LINUX_S_ISDIR(inode.i_mode);
	return rc;
}

int ext2_vfs_stat(void *p, const char *path, struct stat *st)
{
	struct ext2_sb *sb = p;
	ext2_ino_t ino;
	int rc = ext2_vfs_lookup(sb, path, &ino);

	return rc < 0 ? rc : ext2_vfs_fill_stat(sb, ino, st);
}

/* Removes the name path of the file ino. An open file keeps its inode and
 * blocks until its last descriptor closes (an orphan). */
static int remove_file(struct ext2_sb *sb, const char *path, ext2_ino_t ino)
{
	struct ext2_node *n = ext2_node_find(sb, ino);
	struct ext2_inode *inode;
	ext2_ino_t dir;
	const char *leaf;
	long bad;
	errcode_t rc;

	if (!n || !n->file)
		return ext2_errno(-ext2_remove(sb->fs, path));
	if ((bad = ext2_parent(sb->fs, path, &dir, &leaf)))
		return ext2_errno(-bad);
	if ((rc = ext2fs_unlink(sb->fs, dir, leaf, ino, 0)))
		return ext2_errno(rc);
	inode = ext2fs_file_get_inode(n->file);
	if (inode->i_links_count > 0)
		inode->i_links_count--;
	n->orphan = inode->i_links_count == 0;
	return ext2_errno(ext2fs_write_inode(sb->fs, ino, inode));
}

/* unlink (want_dir false) and rmdir. */
static int remove_path(struct ext2_sb *sb, const char *path, bool want_dir)
{
	ext2_ino_t ino;
	bool dir;
	int rc = find(sb, path, &ino, &dir);

	if (rc < 0)
		return rc;
	if (dir != want_dir)
		return dir ? -EISDIR : -ENOTDIR;
	if (ino == EXT2_ROOT_INO)
		return -EBUSY;
	if (sb->rdonly)
		return -EROFS;
	return dir ? ext2_errno(-ext2_remove(sb->fs, path)) : remove_file(sb, path, ino);
}

int ext2_vfs_unlink(void *sb, const char *path)
{
	return remove_path(sb, path, false);
}

int ext2_vfs_rmdir(void *sb, const char *path)
{
	return remove_path(sb, path, true);
}

int ext2_vfs_mkdir(void *p, const char *path, unsigned mode)
{
	struct ext2_sb *sb = p;
	struct ext2_inode inode;
	ext2_ino_t ino;
	int rc = ext2_vfs_name_ok(path);

	if (rc < 0)
		return rc;
	if (!sb->fs)
		return -EIO;
	if (strcmp(path, "/") == 0)
		return -EEXIST;
	if (sb->rdonly)
		return -EROFS;
	rc = ext2_errno(-ext2_mkdir(sb->fs, path));
	if (rc == 0)
		rc = ext2_vfs_lookup(sb, path, &ino);
	if (rc == 0)
		rc = ext2_errno(ext2fs_read_inode(sb->fs, ino, &inode));
	if (rc == 0) {
		inode.i_mode = LINUX_S_IFDIR | (mode & 07777);
		rc = ext2_errno(ext2fs_write_inode(sb->fs, ino, &inode));
	}
	return rc;
}

/* Whether path lies below dir (both clean). */
static bool below(const char *path, const char *dir)
{
	size_t n = strlen(dir);

	return strncmp(path, dir, n) == 0 && path[n] == '/';
}

/* rename's target, if there is one, goes first (the two steps are not one
 * on the device: a crash between them loses the target's name). */
int ext2_vfs_rename(void *p, const char *from, const char *to)
{
	struct ext2_sb *sb = p;
	ext2_ino_t ino, old;
	bool dir, old_dir;
	int rc = find(sb, from, &ino, &dir);

	if (rc < 0)
		return rc;
	if (ino == EXT2_ROOT_INO || strcmp(to, "/") == 0)
		return -EBUSY;
	if (dir && below(to, from))
		return -EINVAL;
	rc = find(sb, to, &old, &old_dir);
	if (rc < 0 && rc != -ENOENT)
		return rc;
	if (sb->rdonly)
		return -EROFS;
	if (rc == 0) {
		if (old == ino)
			return 0;
		if (dir != old_dir)
			return dir ? -ENOTDIR : -EISDIR;
		rc = dir ? ext2_errno(-ext2_remove(sb->fs, to)) : remove_file(sb, to, old);
		if (rc < 0)
			return rc;
	}
	return ext2_errno(-ext2_rename(sb->fs, from, to));
}

int ext2_vfs_truncate(void *p, const char *path, long length)
{
	struct ext2_sb *sb = p;
	struct ext2_node *n;
	ext2_ino_t ino;
	bool dir;
	int rc = find(sb, path, &ino, &dir), rc2;

	if (rc < 0)
		return rc;
	if (dir)
		return -EISDIR;
	if (sb->rdonly)
		return -EROFS;
	rc = ext2_node_get(sb, ino, false, &n);
	if (rc < 0)
		return rc;
	rc = ext2_errno(ext2fs_file_set_size2(n->file, (uint64_t)length));
	rc2 = ext2_node_put(n);
	return rc ? rc : rc2;
}
