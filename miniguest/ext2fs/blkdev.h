/* A block device as libext2fs sees it through miniguest's io_manager
 * (blkdev_io.c): whole sectors read, written, flushed and discarded by
 * callbacks; a device without write is read-only, one without discard
 * has none.
 * A RAM disk (blkdev_ram.c) is one; the blkif frontend plugs in the same
 * way. Callbacks return 0 or a negative errno; the device's size bounds
 * every request before a callback sees it. */
#ifndef MINIGUEST_BLKDEV_H
#define MINIGUEST_BLKDEV_H

#include <stddef.h>
#include <stdint.h>

struct blkdev {
	uint32_t sector_size;           /* a power of two, 512 to 4096 */
	uint64_t sectors;
	int (*read)(struct blkdev *dev, uint64_t sector, uint32_t count, void *buf);
	int (*write)(struct blkdev *dev, uint64_t sector, uint32_t count,
		     const void *buf);
	int (*flush)(struct blkdev *dev);
	/* The sectors' contents are no longer needed: they read back as
	 * zeroes, or as before (whichever the device does). */
	int (*discard)(struct blkdev *dev, uint64_t sector, uint64_t count);
	unsigned flags;                 /* BLKDEV_*: what the device says it is */
	void *priv;
};

#define BLKDEV_CDROM 0x1u
#define BLKDEV_REMOVABLE 0x2u

/* len bytes at byte offset off, any alignment: whole sectors go straight
 * to the callbacks, partial ones through a sector-sized bounce buffer
 * (read, patch, write back). -EINVAL for a bad sector size, -ENOSPC for a
 * range past the end (nothing is done), -ENOMEM, or the callback's error. */
int blkdev_pread(struct blkdev *dev, void *buf, uint64_t len, uint64_t off);
int blkdev_pwrite(struct blkdev *dev, const void *buf, uint64_t len, uint64_t off);
/* Discards the whole sectors of [off, off + len): -EROFS for a device
 * without write, -EOPNOTSUPP for one without discard, -EINVAL for a range
 * not on sector boundaries, -ENOSPC past the end (nothing is done). */
int blkdev_discard(struct blkdev *dev, uint64_t len, uint64_t off);

/* A device over len bytes of memory (whole sectors of 512 bytes; a tail
 * shorter than a sector is left out). Flushing does nothing; there is no
 * discard. */
void blkdev_ram(struct blkdev *dev, void *mem, size_t len);

/* Names that ext2fs_open takes with blkdev_io_manager (at most
 * BLKDEV_NAMES of them): 0, -EEXIST, -ENOSPC. */
#define BLKDEV_NAMES 8
int blkdev_register(const char *name, struct blkdev *dev);
struct blkdev *blkdev_find(const char *name);
void blkdev_unregister(const char *name);

#endif
