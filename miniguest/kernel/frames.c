/* The frame allocator: a bitmap over the pseudo-physical frames the linear
 * map can hold, a set bit meaning free. Allocation takes the lowest free
 * frame, so the first ones come from the already-mapped padding the
 * builder leaves after the initial region. */
#include <stdbool.h>

#include "kernel/frames.h"

uint32_t *mg_p2m;
static uint32_t free_map[MG_MAX_PFNS / 32];
static uint32_t nr_frames, nr_free, search_from;

static bool is_free(uint32_t pfn)
{
	return free_map[pfn / 32] & (1u << (pfn % 32));
}

void frames_init(uint32_t first_free)
{
	mg_p2m = (uint32_t *)(uintptr_t)start_info->mfn_list;
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
	if (pfn >= nr_frames || is_free(pfn))
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

void frames_extend(uint32_t nr)
{
	if (nr > nr_frames)
		nr_frames = nr < MG_MAX_PFNS ? nr : MG_MAX_PFNS;
}

/* Boot-time only: a plain scan. */
uint32_t frames_alloc_run(uint32_t n)
{
	uint32_t len = 0;

	for (uint32_t pfn = 0; n && pfn < nr_frames; pfn++) {
		len = is_free(pfn) ? len + 1 : 0;
		if (len < n)
			continue;
		uint32_t first = pfn + 1 - n;
		for (uint32_t p = first; p <= pfn; p++)
			free_map[p / 32] &= ~(1u << (p % 32));
		nr_free -= n;
		return first;
	}
	return FRAME_NONE;
}
