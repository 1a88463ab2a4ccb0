/* The frame allocator: a bitmap over the pseudo-physical frames the linear
 * map can hold, a set bit meaning free. Allocation takes the lowest free
 * frame, so the first ones come from the already-mapped padding the
 * builder leaves after the initial region. */
#include "kernel/frames.h"

static uint32_t free_map[MG_MAX_PFNS / 32];
static uint32_t nr_frames, nr_free, search_from;

void frames_init(uint32_t first_free)
{
	nr_frames = start_info->nr_pages < MG_MAX_PFNS ? start_info->nr_pages : MG_MAX_PFNS;
	for (uint32_t pfn = first_free; pfn < nr_frames; pfn++)
		free_map[pfn / 32] |= 1u << (pfn % 32);
	nr_free = nr_frames > first_free ? nr_frames - first_free : 0;
	search_from = first_free / 32;
}

uint32_t frame_alloc(void)
{
	for (uint32_t w = search_from; w < (nr_frames + 31) / 32; w++) {
		if (!free_map[w])
			continue;
		uint32_t b = (uint32_t)__builtin_ctz(free_map[w]);
		free_map[w] &= ~(1u << b);
		search_from = w;
		nr_free--;
		return w * 32 + b;
	}
	return FRAME_NONE;
}

void frame_free(uint32_t pfn)
{
	if (pfn >= nr_frames || (free_map[pfn / 32] & (1u << (pfn % 32))))
		return;         /* not ours to free, or freed twice */
	free_map[pfn / 32] |= 1u << (pfn % 32);
	if (pfn / 32 < search_from)
		search_from = pfn / 32;
	nr_free++;
}

uint32_t frames_free_count(void)
{
	return nr_free;
}

uint32_t frames_total(void)
{
	return nr_frames;
}
