/* Turning the loader's memory map into RAM the hypervisor may use. */
#ifndef BOOT_MEMMAP_H
#define BOOT_MEMMAP_H

#include <stdint.h>

#include "boot/bootinfo.h"

#define MEMMAP_PAGE 4096u

/* From n ranges in any order, overlapping or not, compute the usable RAM:
 * bytes some MEM_RAM range claims and no other-typed range does (when the
 * two disagree, the conservative answer wins), cut to whole 4 KiB pages.
 * Ranges with end <= start are ignored. out receives the result sorted,
 * merged and non-overlapping, all of type MEM_RAM; *nr_out its count.
 * *nr_conflicts counts the non-RAM ranges that overlap some RAM range.
 * Returns -1 if more than max_out ranges would be needed (*nr_out then
 * holds how many were written). */
int memmap_usable(const struct mem_range *in, unsigned n, struct mem_range *out,
		  unsigned max_out, unsigned *nr_out, unsigned *nr_conflicts);

/* Remove [start, end), widened to whole pages, from the sorted,
 * non-overlapping list r of *n ranges (at most max), splitting a range if
 * needed. Returns -1, leaving the list unchanged, if a split needs room
 * there is not. */
int memmap_subtract(struct mem_range *r, unsigned *n, unsigned max,
		    uint64_t start, uint64_t end);

/* Total bytes in the ranges. */
uint64_t memmap_total(const struct mem_range *r, unsigned n);

#endif
