/* The hypervisor's heap: objects of up to 2 KiB come from pages carved into
 * power-of-two slots; anything larger gets a run of whole pages. The heap
 * owns a range of virtual pages and asks its backer for a frame under each
 * page only when the page is used, so it is tested on the host with a plain
 * buffer and runs in the hypervisor over the frame allocator. A page carved
 * into slots stays with its size class. */
#ifndef MM_HEAP_H
#define MM_HEAP_H

#include <stddef.h>
#include <stdint.h>

#define HEAP_PAGE        4096u
#define HEAP_MIN_SHIFT   4
#define HEAP_CLASSES     8          /* 16, 32, ... 2048 bytes */
#define HEAP_MAX_RUN     0xffffu    /* pages in one large allocation */

struct heap {
	uintptr_t base;
	uint32_t pages;
	uint8_t *state;                 /* per page, see heap.c */
	uint16_t *run;                  /* per page: length of the run it heads */
	void *free_slot[HEAP_CLASSES];
	uint32_t hint;                  /* no free page lies below this one */
	int (*back)(void *ctx, uintptr_t va);      /* 0, or -1 when out of memory */
	void (*unback)(void *ctx, uintptr_t va);
	void *ctx;
	uint32_t pages_used;
};

/* state and run must have room for pages entries. */
void heap_init(struct heap *h, uintptr_t base, uint32_t pages, uint8_t *state,
	       uint16_t *run, int (*back)(void *, uintptr_t),
	       void (*unback)(void *, uintptr_t), void *ctx);

/* 16-byte aligned (page aligned above 2 KiB); NULL when size is 0 or
 * memory is exhausted. */
void *heap_alloc(struct heap *h, size_t size);

/* 0, or -1 when p is not something heap_alloc returned (NULL is fine). */
int heap_free(struct heap *h, void *p);

#endif
