/* Directories on a mounted ext2 filesystem as descriptors: readdir walks
 * the entries from the start to the position each time (so a directory
 * changed between calls is read as it is now). */
#include <errno.h>
#include <string.h>

#include "ext2_vfs.h"

struct walk {
	long skip;                  /* entries before the one wanted */
	struct fs_dirent *out;
	int found;
};

static int entry(struct ext2_dir_entry *de, int offset, int blocksize, char *buf,
		 void *priv)
{
	static const unsigned char dt[] = {
		[EXT2_FT_REG_FILE] = FS_DT_REG, [EXT2_FT_DIR] = FS_DT_DIR,
		[EXT2_FT_CHRDEV] = FS_DT_CHR, [EXT2_FT_FIFO] = FS_DT_FIFO,
		[EXT2_FT_SYMLINK] = FS_DT_LNK,
	};
	struct walk *w = priv;
	int len = ext2fs_dirent_name_len(de), type = ext2fs_dirent_file_type(de);

	(void)offset, (void)blocksize, (void)buf;
	if (w->skip-- > 0)
		return 0;
	w->out->ino = de->inode;
	w->out->type = type < (int)sizeof(dt) ? dt[type] : 0;
	memcpy(w->out->name, de->name, (size_t)len);
	w->out->name[len] = '\0';
	w->found = 1;
	return DIRENT_ABORT;
}

static int dir_getdents(struct fd_file *f, struct fs_dirent *out)
{
	struct ext2_node *n = f->obj;
	struct walk w = { f->pos, out, 0 };
	errcode_t rc;

	if (!n->sb->fs)
		return -EIO;
	rc = ext2fs_dir_iterate(n->sb->fs, n->ino, 0, NULL, entry, &w);
	if (rc)
		return ext2_errno(rc);
	f->pos += w.found;
	return w.found;
}

/* Only back to the start, as rewinddir does. */
static long dir_lseek(struct fd_file *f, long offset, int whence)
{
	if (offset != 0 || whence != SEEK_SET)
		return -EINVAL;
	f->pos = 0;
	return 0;
}

static int dir_fstat(struct fd_file *f, struct stat *st)
{
	struct ext2_node *n = f->obj;

	return n->sb->fs ? ext2_vfs_fill_stat(n->sb, n->ino, st) : -EIO;
}

static int dir_fsync(struct fd_file *f)
{
	return ext2_vfs_sync(((struct ext2_node *)f->obj)->sb);
}

static int dir_close(struct fd_file *f)
{
	return ext2_node_put(f->obj);
}

const struct file_ops ext2_dir_raw = {
	.close = dir_close, .fstat = dir_fstat, .lseek = dir_lseek, .fsync = dir_fsync,
	.getdents = dir_getdents,
};
