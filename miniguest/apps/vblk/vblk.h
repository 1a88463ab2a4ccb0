/* vblk: a driver domain's look at its virtio-blk disks (main.c). */
#ifndef VBLK_H
#define VBLK_H

#include <stdbool.h>
#include <stdint.h>

#include "virtio/blk.h"

extern unsigned failures;

/* Prints "ok"/"FAIL" with the message; counts failures. */
bool check(bool ok, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The deterministic bytes of sector s under seed (a 64 KiB buffer's worth
 * at most per call). */
void pattern(uint8_t *buf, uint64_t sector, uint32_t sectors, uint32_t seed);

void check_disk(struct virtio_blk *b);
void bad_requests(struct virtio_blk *b);
void persist_write(struct virtio_blk *b, uint32_t seed);
void persist_verify(struct virtio_blk *b, uint32_t seed);
void bench(struct virtio_blk *b);

#endif
