/* virtio_blk_submit's range check alone (the host's unit tests take it). */
#ifndef MG_VIRTIO_BLK_CHECK_H
#define MG_VIRTIO_BLK_CHECK_H

#include <stdint.h>

/* 0, -EINVAL for a count of 0 or above max_count, -ENOSPC for sectors
 * past capacity; in 64 bits, so that neither a huge sector nor a huge
 * count wraps past the end. */
int virtio_blk_check(uint64_t capacity, uint64_t sector, uint64_t count, uint64_t max_count);

#endif
