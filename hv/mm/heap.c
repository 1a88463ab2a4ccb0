#include "mm/heap.h"

/* Page states. */
#define PAGE_FREE      0x00
#define PAGE_SLAB      0x01            /* + size class */
#define PAGE_RUN_HEAD  0xfe
#define PAGE_RUN_TAIL  0xff

void heap_init(struct heap *h, uintptr_t base, uint32_t pages, uint8_t *state,
	       uint16_t *run, int (*back)(void *, uintptr_t),
	       void (*unback)(void *, uintptr_t), void *ctx)
{
	*h = (struct heap){ .base = base, .pages = pages, .state = state, .run = run,
			    .back = back, .unback = unback, .ctx = ctx };
	for (uint32_t i = 0; i < pages; i++) {
		state[i] = PAGE_FREE;
		run[i] = 0;
	}
}

static uintptr_t page_va(const struct heap *h, uint32_t i)
{
	return h->base + (uintptr_t)i * HEAP_PAGE;
}

static void release_pages(struct heap *h, uint32_t first, uint32_t n)
{
	for (uint32_t i = first; i < first + n; i++) {
		h->unback(h->ctx, page_va(h, i));
		h->state[i] = PAGE_FREE;
	}
	h->run[first] = 0;
	h->pages_used -= n;
	if (first < h->hint)
		h->hint = first;
}

/* First fit over the page states; returns the first page index or -1. */
static int64_t take_pages(struct heap *h, uint32_t n, uint8_t head_state)
{
	uint32_t start = h->hint, len = 0;

	for (uint32_t i = h->hint; i < h->pages && len < n; i++) {
		if (h->state[i] != PAGE_FREE) {
			len = 0;
			start = i + 1;
			continue;
		}
		len++;
	}
	if (len < n)
		return -1;
	for (uint32_t i = start; i < start + n; i++) {
		if (h->back(h->ctx, page_va(h, i)) < 0) {
			h->pages_used += i - start;
			if (i > start)
				release_pages(h, start, i - start);
			return -1;
		}
		h->state[i] = i == start ? head_state : PAGE_RUN_TAIL;
	}
	h->run[start] = (uint16_t)n;
	h->pages_used += n;
	if (start == h->hint)
		h->hint = start + n;
	return start;
}

static unsigned size_class(size_t size)
{
	unsigned c = 0;

	while (((size_t)1 << (c + HEAP_MIN_SHIFT)) < size)
		c++;
	return c;
}

static void *slot_alloc(struct heap *h, unsigned c)
{
	if (!h->free_slot[c]) {
		int64_t page = take_pages(h, 1, PAGE_SLAB + c);
		if (page < 0)
			return NULL;
		size_t slot = (size_t)1 << (c + HEAP_MIN_SHIFT);
		uintptr_t va = page_va(h, (uint32_t)page);
		/* Thread the new page's slots onto the free list, lowest first. */
		for (size_t off = HEAP_PAGE; off >= slot; off -= slot) {
			void **s = (void **)(va + off - slot);
			*s = h->free_slot[c];
			h->free_slot[c] = s;
		}
	}
	void **s = h->free_slot[c];
	h->free_slot[c] = *s;
	return s;
}

void *heap_alloc(struct heap *h, size_t size)
{
	if (size == 0)
		return NULL;
	if (size <= HEAP_PAGE / 2)
		return slot_alloc(h, size_class(size));
	size_t n = (size + HEAP_PAGE - 1) / HEAP_PAGE;
	if (n > HEAP_MAX_RUN)
		return NULL;
	int64_t page = take_pages(h, (uint32_t)n, PAGE_RUN_HEAD);
	return page < 0 ? NULL : (void *)page_va(h, (uint32_t)page);
}

int heap_free(struct heap *h, void *p)
{
	uintptr_t a = (uintptr_t)p;

	if (!p)
		return 0;
	if (a < h->base || a >= page_va(h, h->pages))
		return -1;
	uint32_t i = (a - h->base) / HEAP_PAGE;
	uint8_t st = h->state[i];
	if (st == PAGE_RUN_HEAD) {
		if (a % HEAP_PAGE)
			return -1;
		release_pages(h, i, h->run[i]);
		return 0;
	}
	if (st < PAGE_SLAB || st >= PAGE_SLAB + HEAP_CLASSES)
		return -1;
	unsigned c = st - PAGE_SLAB;
	if ((a - page_va(h, i)) % ((size_t)1 << (c + HEAP_MIN_SHIFT)))
		return -1;
	*(void **)p = h->free_slot[c];
	h->free_slot[c] = p;
	return 0;
}
