/* The hostile frontend's parts (main.c: vif 0's tx lies; flip.c: vif 1
 * asking for rx by flipping and lying about its buffers). */
#ifndef NETHOSTILE_H
#define NETHOSTILE_H

#include <stdint.h>

#define SECOND 1000000000ull

void check(int ok, const char *what, long got);
/* One tx request on vif 0 alone: its status. */
int one(uint32_t gref, uint16_t offset, uint16_t flags, uint16_t size);
/* vif 0's broadcast frame's grant, 60 bytes of it a frame. */
extern int frame_ref;

void flip_lies(void);

#endif
