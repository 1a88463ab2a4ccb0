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
	*dev = (struct blkdev){ .sector_size = 512, .sectors = len / 512, .read = ram_read,
				.write = ram_write, .flush = ram_flush, .priv = mem };
}
