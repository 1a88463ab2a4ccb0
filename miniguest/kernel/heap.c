/* The heap (heap.h): [MG_HEAP_START, brk) is in use, pages up to mapped_end
 * are mapped. Growing maps fresh frames; shrinking gives whole pages back. */
#include "kernel/heap.h"

#include "kernel/frames.h"
#include "kernel/pagetable.h"

static uint32_t brk = MG_HEAP_START, mapped_end = MG_HEAP_START;

static void shrink_to(uint32_t end)
{
	while (mapped_end > end) {
		mapped_end -= PAGE_SIZE;
		unmap_and_free(mapped_end);
	}
}

static int grow_to(uint32_t end)
{
	while (mapped_end < end) {
		uint32_t pfn = frame_alloc();
		if (pfn == FRAME_NONE)
			return -1;
		if (map_frame(mapped_end, pfn, MG_PTE_DATA) < 0) {
			frame_free(pfn);
			return -1;
		}
		mapped_end += PAGE_SIZE;
	}
	return 0;
}

void *heap_sbrk(intptr_t incr)
{
	uint32_t old = brk;
	uint64_t want = (uint64_t)brk + (int64_t)incr;

	if (want < MG_HEAP_START || want > MG_HEAP_END)
		return 0;
	uint32_t end = ((uint32_t)want + PAGE_SIZE - 1) & PAGE_MASK;
	if (grow_to(end) < 0) {
		shrink_to(((old + PAGE_SIZE - 1) & PAGE_MASK));
		return 0;
	}
	shrink_to(end);
	brk = (uint32_t)want;
	return (void *)(uintptr_t)old;
}

uint32_t heap_size(void)
{
	return brk - MG_HEAP_START;
}
