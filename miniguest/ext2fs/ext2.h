/* Whole-file operations on an open ext2 filesystem by absolute path, the
 * steps the libc's /disk calls are made of. Each returns 0 (or a byte
 * count) or a libext2fs error code, negated. */
#ifndef MINIGUEST_EXT2_H
#define MINIGUEST_EXT2_H

#include <ext2fs/ext2fs.h>

/* Opens the filesystem on the block device registered as name (blkdev.h)
 * with ext2fs_open's flags (EXT2_FLAG_RW to write) and reads its bitmaps;
 * refuses a device smaller than the filesystem says it is. */
long ext2_mount(const char *name, int flags, ext2_filsys *out);

/* path's directory's inode in *dir and its last component in *leaf
 * (pointing into path); -EXT2_ET_FILE_NOT_FOUND and the like. */
long ext2_parent(ext2_filsys fs, const char *path, ext2_ino_t *dir, const char **leaf);

/* Links ino into dir as name (type: EXT2_FT_*), growing the directory
 * when it is full. */
long ext2_link(ext2_filsys fs, ext2_ino_t dir, const char *name, ext2_ino_t ino,
	       int type);

long ext2_read(ext2_filsys fs, const char *path, void *buf, unsigned len);
/* Creates path (it must not exist) holding len bytes of data. */
long ext2_write(ext2_filsys fs, const char *path, const void *data, unsigned len);
long ext2_mkdir(ext2_filsys fs, const char *path);
/* A file, or an empty directory (-ENOTEMPTY otherwise). */
long ext2_remove(ext2_filsys fs, const char *path);
/* Files and directories, within a directory or between them; the target
 * must not exist, and a directory cannot move into itself or below it
 * (-EXT2_ET_INVALID_ARGUMENT). */
long ext2_rename(ext2_filsys fs, const char *from, const char *to);

#endif
