/* A small frame table for the allocator's tests: 64 frames, 40-47 a
 * hole, all reserved until a test releases them. */
#ifndef UNIT_FRAME_FIXTURE_H
#define UNIT_FRAME_FIXTURE_H

#include "mm/frame.h"

#define NR 64

static struct frame mem[NR];
static struct frame_table ft;

static void setup(void)
{
	frames_setup(&ft, mem, NR);
	frames_mark_ram(&ft, 0, 40);
	frames_mark_ram(&ft, 48, NR);     /* 40..47 is a hole */
}

#endif
