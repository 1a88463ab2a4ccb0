/* Regular files on a mounted ext2 filesystem: descriptors over the
 * node's shared libext2fs file (ext2_vfs.h). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>

#include "ext2_vfs.h"

/* f's node, or NULL once its filesystem is unmounted. */
static struct ext2_node *live(struct fd_file *f)
{
	struct ext2_node *n = f->obj;

	return n->sb->fs && n->file ? n : NULL;
}

static long size_of(struct ext2_node *n)
{
	__u64 size = 0;

	ext2fs_file_get_lsize(n->file, &size);
	return size > LONG_MAX ? LONG_MAX : (long)size;
}

static long file_pread(struct fd_file *f, void *buf, size_t len, long off)
{
	struct ext2_node *n = live(f);
	unsigned got = 0;
	errcode_t rc;

	if (!n)
		return -EIO;
	rc = ext2fs_file_llseek(n->file, (uint64_t)off, EXT2_SEEK_SET, NULL);
	if (!rc)
		rc = ext2fs_file_read(n->file, buf, (unsigned)len, &got);
	return got || !rc ? (long)got : ext2_errno(rc);
}

/* A write may stop short: what was written, or the error when nothing. */
static long file_pwrite(struct fd_file *f, const void *buf, size_t len, long off)
{
	struct ext2_node *n = live(f);
	unsigned done = 0;
	errcode_t rc;

	if (!n)
		return -EIO;
	if ((uint64_t)off + len > LONG_MAX)
		return -EFBIG;
	rc = ext2fs_file_llseek(n->file, (uint64_t)off, EXT2_SEEK_SET, NULL);
	if (!rc)
		rc = ext2fs_file_write(n->file, buf, (unsigned)len, &done);
	return done || !rc ? (long)done : ext2_errno(rc);
}

static long file_read(struct fd_file *f, void *buf, size_t len)
{
	long got = file_pread(f, buf, len, f->pos);

	if (got > 0)
		f->pos += got;
	return got;
}

static long file_write(struct fd_file *f, const void *buf, size_t len)
{
	long done;

	if ((f->flags & O_APPEND) && live(f))
		f->pos = size_of(f->obj);
	done = file_pwrite(f, buf, len, f->pos);
	if (done > 0)
		f->pos += done;
	return done;
}

static long file_lseek(struct fd_file *f, long offset, int whence)
{
	struct ext2_node *n = live(f);

	return n ? fd_seek(f, offset, whence, size_of(n)) : -EIO;
}

static int file_fstat(struct fd_file *f, struct stat *st)
{
	struct ext2_node *n = live(f);
	errcode_t rc;

	if (!n)
		return -EIO;
	/* The inode on the device is current once the file's buffer is. */
	rc = ext2fs_file_flush(n->file);
	return rc ? ext2_errno(rc) : ext2_vfs_fill_stat(n->sb, n->ino, st);
}

static int file_ftruncate(struct fd_file *f, long length)
{
	struct ext2_node *n = live(f);

	return n ? ext2_errno(ext2fs_file_set_size2(n->file, (uint64_t)length)) : -EIO;
}

static int file_fsync(struct fd_file *f)
{
	struct ext2_node *n = live(f);
	errcode_t rc;

	if (!n)
		return -EIO;
	rc = ext2fs_file_flush(n->file);
	return rc ? ext2_errno(rc) : ext2_vfs_sync(n->sb);
}

static int file_close(struct fd_file *f)
{
	return ext2_node_put(f->obj);
}

const struct file_ops ext2_file_raw = {
	.read = file_read, .write = file_write, .close = file_close, .fstat = file_fstat,
	.lseek = file_lseek, .pread = file_pread, .pwrite = file_pwrite,
	.fsync = file_fsync, .ftruncate = file_ftruncate,
};
