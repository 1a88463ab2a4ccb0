/* Byte ranges over a sector device (blkdev.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "blkdev.h"

/* Whether [off, off + len) lies on the device, in 64 bits without wrap. */
static int check(struct blkdev *dev, uint64_t len, uint64_t off)
{
	uint32_t ss = dev->sector_size;

	if (ss < 512 || ss > 4096 || (ss & (ss - 1)))
		return -EINVAL;
	if (dev->sectors > UINT64_MAX / ss)
		return -EINVAL;
	uint64_t size = dev->sectors * ss;
	if (off > size || len > size - off)
		return -ENOSPC;
	return 0;
}

/* One pass over the range: whole sectors through the callbacks, partial
 * ones through bounce (write: read, patch, write back). */
static int transfer(struct blkdev *dev, char *rbuf, const char *wbuf,
		    uint64_t len, uint64_t off)
{
	uint32_t ss = dev->sector_size;
	char *bounce = NULL;
	int rc = check(dev, len, off);

	if (wbuf && !dev->write)
		return -EROFS;
	while (rc == 0 && len > 0) {
		uint64_t sector = off / ss;
		uint32_t head = off % ss;
		if (head == 0 && len >= ss) {
			/* Whole sectors, at most 2^16 at a time. */
			uint64_t n = len / ss;
			if (n > 65536)
				n = 65536;
			rc = rbuf ? dev->read(dev, sector, n, rbuf)
				  : dev->write(dev, sector, n, wbuf);
			if (rbuf)
				rbuf += n * ss;
			else
				wbuf += n * ss;
			off += n * ss;
			len -= n * ss;
			continue;
		}
		if (!bounce && !(bounce = malloc(ss)))
			return -ENOMEM;
		uint64_t part = ss - head < len ? ss - head : len;
		rc = dev->read(dev, sector, 1, bounce);
		if (rc == 0 && rbuf) {
			memcpy(rbuf, bounce + head, part);
			rbuf += part;
		} else if (rc == 0) {
			memcpy(bounce + head, wbuf, part);
			rc = dev->write(dev, sector, 1, bounce);
			wbuf += part;
		}
		off += part;
		len -= part;
	}
	free(bounce);
	return rc;
}

int blkdev_pread(struct blkdev *dev, void *buf, uint64_t len, uint64_t off)
{
	return transfer(dev, buf, NULL, len, off);
}

int blkdev_pwrite(struct blkdev *dev, const void *buf, uint64_t len, uint64_t off)
{
	return transfer(dev, NULL, buf, len, off);
}

int blkdev_discard(struct blkdev *dev, uint64_t len, uint64_t off)
{
	int rc = check(dev, len, off);

	if (rc < 0)
		return rc;
	if (!dev->write)
		return -EROFS;
	if (!dev->discard)
		return -EOPNOTSUPP;
	if (off % dev->sector_size || len % dev->sector_size)
		return -EINVAL;
	return len ? dev->discard(dev, off / dev->sector_size, len / dev->sector_size) : 0;
}
