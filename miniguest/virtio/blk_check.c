/* virtio_blk_check (blk_check.h). */
#include "blk_check.h"

#include <errno.h>

int virtio_blk_check(uint64_t capacity, uint64_t sector, uint64_t count, uint64_t max_count)
{
	if (count == 0 || count > max_count)
		return -EINVAL;
	if (sector >= capacity || count > capacity - sector)
		return -ENOSPC;
	return 0;
}
