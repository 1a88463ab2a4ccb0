/* libext2fs's io_manager over miniguest's block devices (blkdev.h):
 * ext2fs_open(name, ..., blkdev_io_manager, &fs) opens the device
 * registered under name. */
#include <errno.h>
#include <limits.h>
#include <string.h>

#include <ext2fs/ext2fs.h>

#include "blkdev.h"
#include "blkdev_io.h"

struct chan {
	struct blkdev *dev;
	struct struct_io_stats stats;
};

static struct struct_io_manager manager;
io_manager blkdev_io_manager = &manager;

static errcode_t chan_open(const char *name, int flags, io_channel *out)
{
	struct blkdev *dev = name ? blkdev_find(name) : NULL;
	io_channel ch = NULL;
	struct chan *c = NULL;
	errcode_t rc;

	if (!dev)
		return ENOENT;
	if ((rc = ext2fs_get_memzero(sizeof(*ch), &ch)) ||
	    (rc = ext2fs_get_memzero(sizeof(*c), &c)) ||
	    (rc = ext2fs_get_mem(strlen(name) + 1, &ch->name))) {
		ext2fs_free_mem(&c);
		ext2fs_free_mem(&ch);
		return rc;
	}
	strcpy(ch->name, name);
	c->dev = dev;
	c->stats.num_fields = 2;
	ch->magic = EXT2_ET_MAGIC_IO_CHANNEL;
	ch->manager = blkdev_io_manager;
	ch->block_size = 1024;
	ch->refcount = 1;
	ch->flags = flags;
	ch->private_data = c;
	*out = ch;
	return 0;
}

static errcode_t chan_close(io_channel ch)
{
	if (--ch->refcount > 0)
		return 0;
	ext2fs_free_mem(&ch->private_data);
	ext2fs_free_mem(&ch->name);
	ext2fs_free_mem(&ch);
	return 0;
}

static errcode_t chan_set_blksize(io_channel ch, int blksize)
{
	if (blksize <= 0)
		return EXT2_ET_INVALID_ARGUMENT;
	ch->block_size = blksize;
	return 0;
}

/* The bytes that count blocks from block mean (a negative count is a byte
 * count), or 0 when that range cannot be expressed in 64 bits. */
static uint64_t span(io_channel ch, unsigned long long block, int count,
		     uint64_t *off)
{
	uint64_t bs = ch->block_size;

	if (block > UINT64_MAX / bs)
		return 0;
	*off = block * bs;
	return count < 0 ? (uint64_t)-(int64_t)count : (uint64_t)count * bs;
}

/* Reads into rbuf or writes wbuf, whichever is given. */
static errcode_t chan_io(io_channel ch, unsigned long long block, int count,
			 void *rbuf, const void *wbuf)
{
	struct chan *c = ch->private_data;
	errcode_t short_io = rbuf ? EXT2_ET_SHORT_READ : EXT2_ET_SHORT_WRITE;
	uint64_t off, len = span(ch, block, count, &off);

	if (wbuf && !(ch->flags & IO_FLAG_RW))
		return EXT2_ET_RO_FILSYS;
	if (len == 0 && count != 0)
		return short_io;
	if ((rbuf ? blkdev_pread(c->dev, rbuf, len, off)
		  : blkdev_pwrite(c->dev, wbuf, len, off)) != 0)
		return short_io;
	*(rbuf ? &c->stats.bytes_read : &c->stats.bytes_written) += len;
	return 0;
}

static errcode_t chan_read64(io_channel ch, unsigned long long block, int count,
			     void *data)
{
	return chan_io(ch, block, count, data, NULL);
}

static errcode_t chan_write64(io_channel ch, unsigned long long block, int count,
			      const void *data)
{
	return chan_io(ch, block, count, NULL, data);
}

static errcode_t chan_read(io_channel ch, unsigned long block, int count, void *data)
{
	return chan_read64(ch, block, count, data);
}

static errcode_t chan_write(io_channel ch, unsigned long block, int count,
			    const void *data)
{
	return chan_write64(ch, block, count, data);
}

static errcode_t chan_write_byte(io_channel ch, unsigned long offset, int size,
				 const void *data)
{
	struct chan *c = ch->private_data;

	if (!(ch->flags & IO_FLAG_RW))
		return EXT2_ET_RO_FILSYS;
	if (size < 0 || blkdev_pwrite(c->dev, data, (uint64_t)size, offset) != 0)
		return EXT2_ET_SHORT_WRITE;
	c->stats.bytes_written += (uint64_t)size;
	return 0;
}

static errcode_t chan_flush(io_channel ch)
{
	struct chan *c = ch->private_data;

	return c->dev->flush(c->dev) ? EIO : 0;
}

static errcode_t chan_discard(io_channel ch, unsigned long long block,
			      unsigned long long count)
{
	struct chan *c = ch->private_data;
	uint64_t off, len;

	if (!(ch->flags & IO_FLAG_RW))
		return EXT2_ET_RO_FILSYS;
	if (count > INT_MAX)
		return EXT2_ET_INVALID_ARGUMENT;
	len = span(ch, block, (int)count, &off);
	if (len == 0 && count != 0)
		return EXT2_ET_INVALID_ARGUMENT;
	int rc = blkdev_discard(c->dev, len, off);
	/* The device's errno, as libext2fs's unix manager gives it on Linux:
	 * EOPNOTSUPP for a device without discard, EIO for one that failed. */
	return (errcode_t)-rc;
}

static errcode_t chan_set_option(io_channel ch, const char *option, const char *arg)
{
	(void)ch, (void)option, (void)arg;
	return EXT2_ET_INVALID_ARGUMENT;
}

static errcode_t chan_get_stats(io_channel ch, io_stats *stats)
{
	*stats = &((struct chan *)ch->private_data)->stats;
	return 0;
}

static struct struct_io_manager manager = {
	.magic = EXT2_ET_MAGIC_IO_MANAGER,
	.name = "miniguest block device",
	.open = chan_open,
	.close = chan_close,
	.set_blksize = chan_set_blksize,
	.read_blk = chan_read,
	.write_blk = chan_write,
	.flush = chan_flush,
	.discard = chan_discard,
	.write_byte = chan_write_byte,
	.set_option = chan_set_option,
	.get_stats = chan_get_stats,
	.read_blk64 = chan_read64,
	.write_blk64 = chan_write64,
};
