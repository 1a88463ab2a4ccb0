/* A RAM disk: a block device over memory (blkdev.h). */
#include <string.h>

#include "blkdev.h"

static int ram_read(struct blkdev *dev, uint64_t sector, uint32_t count, void *buf)
{
	memcpy(buf, (char *)dev->priv + sector * dev->sector_size,
	       (size_t)count * dev->sector_size);
	return 0;
}

static int ram_write(struct blkdev *dev, uint64_t sector, uint32_t count,
		     const void *buf)
{
	memcpy((char *)dev->priv + sector * dev->sector_size, buf,
	       (size_t)count * dev->sector_size);
	return 0;
}

static int ram_flush(struct blkdev *dev)
{
	(void)dev;
	return 0;
}

void blkdev_ram(struct blkdev *dev, void *mem, size_t len)
{
	dev->sector_size = 512;
	dev->sectors = len / 512;
	dev->read = ram_read;
	dev->write = ram_write;
	dev->flush = ram_flush;
	dev->priv = mem;
}
