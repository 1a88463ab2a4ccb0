/* The domain's memory, frame by frame: which pseudo-physical frames are
 * free, and the translations between frames, machine frames and the linear
 * map (layout.h). */
#ifndef MG_FRAMES_H
#define MG_FRAMES_H

#include <stdint.h>

#include "kernel/hypervisor.h"
#include "kernel/layout.h"

#define FRAME_NONE 0xffffffffu
/* The frames the linear map can hold (those above are never used). */
#define MG_MAX_PFNS ((MG_LINEAR_END - MG_VIRT_BASE) / PAGE_SIZE)

/* The p2m: machine frame by pseudo-physical frame, the builder's list
 * (start_info's mfn_list) or a longer one (p2m_room.c). */
extern uint32_t *mg_p2m;

/* Frames below first_free hold the image and what the builder put after
 * it; the others, up to the domain's size, are free. */
void frames_init(uint32_t first_free);
/* Counts pfns up to nr (no more than MG_MAX_PFNS) as the domain's room,
 * none of those above the current count free: the balloon fills them. */
void frames_extend(uint32_t nr);
/* n free frames at consecutive pfns, taken: the first, or FRAME_NONE. */
uint32_t frames_alloc_run(uint32_t n);

/* A free frame, or FRAME_NONE. Its contents are whatever they were. */
uint32_t frame_alloc(void);
void frame_free(uint32_t pfn);
uint32_t frames_free_count(void);
uint32_t frames_total(void);

static inline uint32_t pfn_to_mfn(uint32_t pfn)
{
	return mg_p2m[pfn];
}

/* What a p2m entry holds for a pfn with no frame behind it (ballooned). */
#define INVALID_P2M_ENTRY 0xffffffffu

static inline void p2m_set(uint32_t pfn, uint32_t mfn)
{
	mg_p2m[pfn] = mfn;
}

static inline void *pfn_to_virt(uint32_t pfn)
{
	return (void *)(uintptr_t)(MG_VIRT_BASE + pfn * PAGE_SIZE);
}

static inline uint32_t virt_to_pfn(const void *va)
{
	return ((uint32_t)(uintptr_t)va - MG_VIRT_BASE) >> PAGE_SHIFT;
}

#endif
