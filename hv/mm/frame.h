/* The frame table: one descriptor per machine frame, saying who owns it,
 * what it is used as and how many references it has. The free list of the
 * frame allocator is threaded through the descriptors of free frames.
 *
 * The page-type system of later subsystems lives in type_info: a type in the
 * top bits, pinned and validated flags, and a type count below. */
#ifndef MM_FRAME_H
#define MM_FRAME_H

#include <stdbool.h>
#include <stdint.h>

/* Owners, numbered as Xen's special domain ids. */
#define DOMID_IO       0x7ff1u
#define DOMID_XEN      0x7ff2u
#define DOMID_INVALID  0x7ff4u

/* flags */
#define FRAME_RAM      0x0001u     /* backed by RAM (not a hole or MMIO) */
#define FRAME_FREE     0x0002u     /* on the free list */
#define FRAME_SHARED   0x0004u     /* a hypervisor page lent to its owner (shared info) */
#define FRAME_ALLOCATED 0x0008u    /* holds its owner's allocation reference */
#define FRAME_GIVEN_BACK 0x0010u   /* given back by its owner while still referenced */

enum frame_type {
	FT_NONE = 0,
	FT_L1,
	FT_L2,
	FT_L2_HV,          /* an L2 carrying the hypervisor's slots */
	FT_L3,
	FT_SEG_DESC,
	FT_WRITABLE,
};
#define FT_TYPE_SHIFT   28
#define FT_PINNED       (1u << 27)
#define FT_VALIDATED    (1u << 26)
#define FT_PARTIAL      (1u << 25)  /* validation under way: next = the entry it goes on at */
#define FT_QUEUED       (1u << 24)  /* let go of, waiting to be taken apart: next = link */
#define FT_COUNT_MASK   ((1u << 24) - 1)

struct frame {
	union {
		uint32_t count;     /* general references */
		uint32_t prev;      /* a free frame's (it has none): free-list back link */
	};
	uint32_t type_info;     /* type, flags and type count, as above */
	uint16_t owner;         /* a domain id, DOMID_XEN or DOMID_INVALID */
	uint16_t flags;
	uint32_t next;          /* free-list link; see FT_PARTIAL, FT_QUEUED */
};
_Static_assert(sizeof(struct frame) == 16, "frame descriptors pack the frame table");

#define FRAME_NONE 0xffffffffu

/* Frames below 4 GiB are kept for what a 32-bit guest must be told the
 * machine address of (its shared info page): the allocator hands out
 * frames above 4 GiB first. */
#define FRAME_LOW_LIMIT 0x100000u

struct frame_table {
	struct frame *f;
	uint32_t nr;            /* frames described: machine frames [0, nr) */
	uint32_t free_head;     /* free frames below FRAME_LOW_LIMIT */
	uint32_t free_high;     /* free frames at or above it */
	uint32_t nr_free, nr_ram;
};

static inline enum frame_type frame_type(const struct frame *f)
{
	return (enum frame_type)(f->type_info >> FT_TYPE_SHIFT);
}

/* Every frame starts reserved: owned by the hypervisor, not RAM, not free. */
void frames_setup(struct frame_table *ft, struct frame *mem, uint32_t nr);
void frames_mark_ram(struct frame_table *ft, uint32_t start, uint32_t end);
/* Put RAM frames [start, end) on the free list; -1 if any is not RAM or
 * already free (nothing is changed then). */
int frames_release(struct frame_table *ft, uint32_t start, uint32_t end);

/* A free frame, now owned by owner with no type and no references, or
 * FRAME_NONE when memory is exhausted; frame_alloc_low only from below
 * FRAME_LOW_LIMIT. Each list hands out its lowest frames first. */
uint32_t frame_alloc(struct frame_table *ft, uint16_t owner);
uint32_t frame_alloc_low(struct frame_table *ft, uint16_t owner);
/* Return a frame; -1 when it is not an allocated RAM frame or still has
 * references (the caller decides how loud to be). */
int frame_free(struct frame_table *ft, uint32_t mfn);

/* Take free frame mfn off its free list, wherever it is in it, now
 * owner's. */
void unlink_free(struct frame_table *ft, uint32_t mfn, uint16_t owner);

/* Runs of 2^order free frames starting at a multiple of 2^order (what a
 * guest asks for as one machine-contiguous extent) that end at or below
 * frame below. The search looks at no more than *left frames, from *at on
 * (wrapping at below or the end of the table), and leaves both where it stopped: a caller with a budget calls
 * again to go on. The first frame of a run, or FRAME_NONE. */
uint32_t frames_find_run(struct frame_table *ft, uint32_t order, uint32_t below, uint32_t *at,
			 uint32_t *left);
/* Take the run found at first off the free lists, now owner's as
 * frame_alloc's frames are; -1 (nothing changed) unless all are free. */
int frames_take_run(struct frame_table *ft, uint32_t first, uint32_t order, uint16_t owner);

#endif
