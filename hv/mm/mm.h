/* Machine memory at run time: the frame table, the frame allocator and the
 * heap, set up from the boot memory map. */
#ifndef MM_MM_H
#define MM_MM_H

#include <stddef.h>
#include <stdint.h>
#include "boot/bootinfo.h"
#include "mm/frame.h"

extern struct frame_table frame_table;

/* Returns 0, or -1 after logging why memory cannot be set up. */
int mm_init(const struct bootinfo *bi);

/* A frame owned by the hypervisor; panics when memory is exhausted. */
uint64_t alloc_frame(void);
void free_frame(uint64_t mfn);

/* Lend a hypervisor frame to a domain (its shared info page): owned by the
 * domain, but never freed as guest memory. */
void frame_share(uint32_t mfn, uint16_t domid);

/* A guest frame's last reference went: flush, then free it. */
void frame_release(uint32_t mfn);

void *xmalloc(size_t size);       /* NULL when out of memory */
void *xzalloc(size_t size);
void xfree(void *p);

struct mm_stats {
	uint32_t frames_total, frames_ram, frames_free;
	uint32_t heap_pages;
	uint32_t boot_frames;             /* taken before the allocator existed */
};
void mm_stats(struct mm_stats *s);

#endif
