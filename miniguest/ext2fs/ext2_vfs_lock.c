/* The ext2 layer's entry points under one lock (ext2_vfs.h): each calls
 * the unlocked operation of the same name. The lock is recursive, since
 * an entry may close a descriptor it made (ext2_vfs_open_path). */
#include <pthread.h>

#include "ext2_vfs.h"

static pthread_mutex_t lock;

/* Threads are cooperative: nothing runs between the test and the set. */
static void take(void)
{
	static int made;
	pthread_mutexattr_t a;

	if (!made) {
		pthread_mutexattr_init(&a);
		pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
		pthread_mutex_init(&lock, &a);
		pthread_mutexattr_destroy(&a);
		made = 1;
	}
	pthread_mutex_lock(&lock);
}

/* Returns rc, after letting go of the lock. */
static long give(long rc)
{
	pthread_mutex_unlock(&lock);
	return rc;
}

/* f's unlocked operations. */
static const struct file_ops *raw(struct fd_file *f)
{
	return f->ops == &ext2_dir_ops ? &ext2_dir_raw : &ext2_file_raw;
}

static long l_read(struct fd_file *f, void *buf, size_t len)
{
	take();
	return give(raw(f)->read(f, buf, len));
}

static long l_write(struct fd_file *f, const void *buf, size_t len)
{
	take();
	return give(raw(f)->write(f, buf, len));
}

static int l_close(struct fd_file *f)
{
	take();
	return (int)give(raw(f)->close(f));
}

static int l_fstat(struct fd_file *f, struct stat *st)
{
	take();
	return (int)give(raw(f)->fstat(f, st));
}

static long l_lseek(struct fd_file *f, long offset, int whence)
{
	take();
	return give(raw(f)->lseek(f, offset, whence));
}

static long l_pread(struct fd_file *f, void *buf, size_t len, long off)
{
	take();
	return give(raw(f)->pread(f, buf, len, off));
}

static long l_pwrite(struct fd_file *f, const void *buf, size_t len, long off)
{
	take();
	return give(raw(f)->pwrite(f, buf, len, off));
}

static int l_fsync(struct fd_file *f)
{
	take();
	return (int)give(raw(f)->fsync(f));
}

static int l_ftruncate(struct fd_file *f, long length)
{
	take();
	return (int)give(raw(f)->ftruncate(f, length));
}

static int l_getdents(struct fd_file *f, struct fs_dirent *out)
{
	take();
	return (int)give(raw(f)->getdents(f, out));
}

const struct file_ops ext2_file_ops = {
	.read = l_read, .write = l_write, .close = l_close, .fstat = l_fstat,
	.lseek = l_lseek, .pread = l_pread, .pwrite = l_pwrite, .fsync = l_fsync,
	.ftruncate = l_ftruncate,
};

const struct file_ops ext2_dir_ops = {
	.close = l_close, .fstat = l_fstat, .lseek = l_lseek, .fsync = l_fsync,
	.getdents = l_getdents,
};

static int l_open(void *sb, const char *path, int flags, unsigned mode)
{
	take();
	return (int)give(ext2_vfs_raw.open(sb, path, flags, mode));
}

static int l_stat(void *sb, const char *path, struct stat *st)
{
	take();
	return (int)give(ext2_vfs_raw.stat(sb, path, st));
}

static int l_unlink(void *sb, const char *path)
{
	take();
	return (int)give(ext2_vfs_raw.unlink(sb, path));
}

static int l_mkdir(void *sb, const char *path, unsigned mode)
{
	take();
	return (int)give(ext2_vfs_raw.mkdir(sb, path, mode));
}

static int l_rmdir(void *sb, const char *path)
{
	take();
	return (int)give(ext2_vfs_raw.rmdir(sb, path));
}

static int l_rename(void *sb, const char *from, const char *to)
{
	take();
	return (int)give(ext2_vfs_raw.rename(sb, from, to));
}

static int l_truncate(void *sb, const char *path, long length)
{
	take();
	return (int)give(ext2_vfs_raw.truncate(sb, path, length));
}

static int l_sync(void *sb)
{
	take();
	return (int)give(ext2_vfs_raw.sync(sb));
}

static int l_unmount(void *sb)
{
	take();
	return (int)give(ext2_vfs_raw.unmount(sb));
}

const struct fs_type ext2_vfs_type = {
	.open = l_open, .stat = l_stat, .unlink = l_unlink, .mkdir = l_mkdir,
	.rmdir = l_rmdir, .rename = l_rename, .truncate = l_truncate, .sync = l_sync,
	.unmount = l_unmount,
};

int ext2_vfs_open(const char *blkdev, int flags, const struct fs_type **type, void **sb)
{
	take();
	return (int)give(ext2_vfs_mount(blkdev, flags, type, sb));
}
