#include "mm/frame.h"

void frames_setup(struct frame_table *ft, struct frame *mem, uint32_t nr)
{
	ft->f = mem;
	ft->nr = nr;
	ft->free_head = ft->free_high = FRAME_NONE;
	ft->nr_free = ft->nr_ram = 0;
	for (uint32_t i = 0; i < nr; i++)
		mem[i] = (struct frame){ .owner = DOMID_XEN, .next = FRAME_NONE };
}

void frames_mark_ram(struct frame_table *ft, uint32_t start, uint32_t end)
{
	for (uint32_t i = start; i < end && i < ft->nr; i++) {
		if (!(ft->f[i].flags & FRAME_RAM))
			ft->nr_ram++;
		ft->f[i].flags |= FRAME_RAM;
	}
}

static uint32_t *list_of(struct frame_table *ft, uint32_t mfn)
{
	return mfn < FRAME_LOW_LIMIT ? &ft->free_head : &ft->free_high;
}

static void push_free(struct frame_table *ft, uint32_t mfn)
{
	struct frame *f = &ft->f[mfn];
	uint32_t *head = list_of(ft, mfn);

	*f = (struct frame){ .owner = DOMID_INVALID, .flags = FRAME_RAM | FRAME_FREE,
			     .next = *head, .prev = FRAME_NONE };
	if (*head != FRAME_NONE)
		ft->f[*head].prev = mfn;
	*head = mfn;
	ft->nr_free++;
}

int frames_release(struct frame_table *ft, uint32_t start, uint32_t end)
{
	if (start > end || end > ft->nr)
		return -1;
	for (uint32_t i = start; i < end; i++)
		if ((ft->f[i].flags & (FRAME_RAM | FRAME_FREE)) != FRAME_RAM)
			return -1;
	/* Pushed from the top down, so allocation starts at low addresses. */
	for (uint32_t i = end; i > start; i--)
		push_free(ft, i - 1);
	return 0;
}

void unlink_free(struct frame_table *ft, uint32_t mfn, uint16_t owner)
{
	struct frame *f = &ft->f[mfn];

	if (f->prev != FRAME_NONE)
		ft->f[f->prev].next = f->next;
	else
		*list_of(ft, mfn) = f->next;
	if (f->next != FRAME_NONE)
		ft->f[f->next].prev = f->prev;
	ft->nr_free--;
	*f = (struct frame){ .owner = owner, .flags = FRAME_RAM, .next = FRAME_NONE };
}

static uint32_t pop(struct frame_table *ft, uint32_t *head, uint16_t owner)
{
	uint32_t mfn = *head;

	if (mfn != FRAME_NONE)
		unlink_free(ft, mfn, owner);
	return mfn;
}

uint32_t frame_alloc(struct frame_table *ft, uint16_t owner)
{
	uint32_t mfn = pop(ft, &ft->free_high, owner);

	return mfn != FRAME_NONE ? mfn : pop(ft, &ft->free_head, owner);
}

uint32_t frame_alloc_low(struct frame_table *ft, uint16_t owner)
{
	return pop(ft, &ft->free_head, owner);
}

int frame_free(struct frame_table *ft, uint32_t mfn)
{
	if (mfn >= ft->nr)
		return -1;
	struct frame *f = &ft->f[mfn];
	if ((f->flags & (FRAME_RAM | FRAME_FREE)) != FRAME_RAM || f->count ||
	    (f->type_info & FT_COUNT_MASK))
		return -1;
	push_free(ft, mfn);
	return 0;
}
