/* Machine-contiguous runs of free frames: the free lists are doubly
 * linked, so a run found by walking the frame table comes off them in
 * constant time a frame. */
#include "mm/frame.h"

static bool is_free(const struct frame_table *ft, uint32_t mfn)
{
	return (ft->f[mfn].flags & (FRAME_RAM | FRAME_FREE)) == (FRAME_RAM | FRAME_FREE);
}

uint32_t frames_find_run(struct frame_table *ft, uint32_t order, uint32_t below, uint32_t *at,
			 uint32_t *left)
{
	if (below > ft->nr)
		below = ft->nr;
	if (order >= 32)
		return FRAME_NONE;
	uint64_t n = 1ull << order;
	if (n > below)
		return FRAME_NONE;
	/* Candidates are the aligned runs; a frame that is not free moves the
	 * search past the run it lies in. A search that goes on takes the
	 * frames it saw free as free still: frames_take_run checks them. */
	uint32_t run = (uint32_t)(*at & ~(n - 1)), got = *at - run;
	while (*left) {
		if ((uint64_t)run + n > below) {
			run = 0;
			got = 0;
		}
		uint32_t mfn = run + got;
		(*left)--;
		*at = mfn + 1;
		if (!is_free(ft, mfn)) {
			run += (uint32_t)n;
			got = 0;
			*at = run;
			continue;
		}
		if (++got == n) {
			*at = run + (uint32_t)n;
			return run;
		}
	}
	return FRAME_NONE;
}

int frames_take_run(struct frame_table *ft, uint32_t first, uint32_t order, uint16_t owner)
{
	if (order >= 32 || first & ((1u << order) - 1) || (uint64_t)first + (1ull << order) > ft->nr)
		return -1;
	uint32_t n = 1u << order;
	for (uint32_t i = 0; i < n; i++)
		if (!is_free(ft, first + i))
			return -1;
	for (uint32_t i = 0; i < n; i++)
		unlink_free(ft, first + i, owner);
	return 0;
}
