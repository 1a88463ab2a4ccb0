/* Thread stacks (stack.h). Each slot of the stack region is a stack with
 * an unmapped page below it, so an overflow faults with a dump instead of
 * corrupting memory. Freed slots are kept for reuse by size. */
#include "kernel/stack.h"

#include "kernel/frames.h"
#include "kernel/pagetable.h"

struct free_slot {
	uint32_t lo, size;
};

#define MAX_FREE 32

static uint32_t next_va = MG_STACKS_START;
static struct free_slot free_slots[MAX_FREE];
static unsigned nr_free_slots;

static void release(uint32_t lo, uint32_t size)
{
	for (uint32_t va = lo; va < lo + size; va += PAGE_SIZE)
		unmap_and_free(va);
}

/* A slot: a free one of this size, else fresh address space. */
static uint32_t take_slot(uint32_t size)
{
	for (unsigned i = 0; i < nr_free_slots; i++) {
		if (free_slots[i].size == size) {
			uint32_t lo = free_slots[i].lo;
			free_slots[i] = free_slots[--nr_free_slots];
			return lo;
		}
	}
	if (MG_STACKS_END - next_va < size + PAGE_SIZE)
		return 0;
	next_va += PAGE_SIZE;   /* the guard page */
	uint32_t lo = next_va;
	next_va += size;
	return lo;
}

/* Keeps an empty slot for reuse; when the list is full the address space
 * is simply not reused (there is plenty). */
static void stack_free_slot(uint32_t lo, uint32_t size)
{
	if (nr_free_slots < MAX_FREE)
		free_slots[nr_free_slots++] = (struct free_slot){ lo, size };
}

uint32_t stack_alloc(uint32_t size)
{
	uint32_t lo = take_slot(size);

	if (!lo)
		return 0;
	for (uint32_t va = lo; va < lo + size; va += PAGE_SIZE) {
		uint32_t pfn = frame_alloc();
		if (pfn == FRAME_NONE || map_frame(va, pfn, MG_PTE_DATA) < 0) {
			if (pfn != FRAME_NONE)
				frame_free(pfn);
			release(lo, va - lo);
			stack_free_slot(lo, size);
			return 0;
		}
	}
	return lo;
}

void stack_free(uint32_t lo, uint32_t size)
{
	release(lo, size);
	stack_free_slot(lo, size);
}
