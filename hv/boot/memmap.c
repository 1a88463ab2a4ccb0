/* Usable RAM from a loader's memory map.
 *
 * Loaders hand over maps that may be unsorted, overlapping, and may call
 * the same bytes both RAM and reserved. Rather than sort and patch the
 * list in place, memmap_usable() sweeps the address space from one range
 * boundary to the next: between two boundaries every byte has the same
 * answer, so each step looks at all ranges once. That is quadratic, which
 * is nothing for a map of BOOT_MAX_RANGES entries, and needs no scratch
 * memory before there is an allocator. */
#include <stdbool.h>

#include "boot/memmap.h"

#define PAGE_MASK ((uint64_t)MEMMAP_PAGE - 1)

static bool valid(const struct mem_range *r)
{
	return r->end > r->start;
}

/* The first range boundary strictly above x; false when there is none. */
static bool next_boundary(const struct mem_range *in, unsigned n, uint64_t x, uint64_t *next)
{
	bool found = false;

	for (unsigned i = 0; i < n; i++) {
		if (!valid(&in[i]))
			continue;
		uint64_t b[2] = { in[i].start, in[i].end };
		for (int k = 0; k < 2; k++) {
			if (b[k] > x && (!found || b[k] < *next)) {
				*next = b[k];
				found = true;
			}
		}
	}
	return found;
}

/* Whether some range of the wanted kind covers byte x. */
static bool covered(const struct mem_range *in, unsigned n, uint64_t x, bool ram)
{
	for (unsigned i = 0; i < n; i++) {
		if (valid(&in[i]) && (in[i].type == MEM_RAM) == ram &&
		    in[i].start <= x && x < in[i].end)
			return true;
	}
	return false;
}

/* Shrink [start, end) to whole pages and append it if anything is left. */
static int emit(uint64_t start, uint64_t end, struct mem_range *out, unsigned max_out,
		unsigned *nr_out)
{
	if (start > UINT64_MAX - PAGE_MASK)
		return 0;
	start = (start + PAGE_MASK) & ~PAGE_MASK;
	end &= ~PAGE_MASK;
	if (end <= start)
		return 0;
	if (*nr_out == max_out)
		return -1;
	out[(*nr_out)++] = (struct mem_range){ start, end, MEM_RAM };
	return 0;
}

static unsigned count_conflicts(const struct mem_range *in, unsigned n)
{
	unsigned conflicts = 0;

	for (unsigned i = 0; i < n; i++) {
		if (!valid(&in[i]) || in[i].type == MEM_RAM)
			continue;
		for (unsigned j = 0; j < n; j++) {
			if (valid(&in[j]) && in[j].type == MEM_RAM &&
			    in[j].start < in[i].end && in[i].start < in[j].end) {
				conflicts++;
				break;
			}
		}
	}
	return conflicts;
}

int memmap_usable(const struct mem_range *in, unsigned n, struct mem_range *out,
		  unsigned max_out, unsigned *nr_out, unsigned *nr_conflicts)
{
	bool found = false, in_run = false;
	uint64_t x = 0, run_start = 0;

	*nr_out = 0;
	*nr_conflicts = count_conflicts(in, n);

	for (unsigned i = 0; i < n; i++) {
		if (valid(&in[i]) && (!found || in[i].start < x)) {
			x = in[i].start;
			found = true;
		}
	}
	if (!found)
		return 0;

	/* Invariant: [x, next) has one answer for every byte in it; a run
	 * of usable steps is emitted when the first unusable one ends it. */
	uint64_t next;
	while (next_boundary(in, n, x, &next)) {
		bool usable = covered(in, n, x, true) && !covered(in, n, x, false);
		if (usable && !in_run) {
			run_start = x;
			in_run = true;
		} else if (!usable && in_run) {
			if (emit(run_start, x, out, max_out, nr_out) < 0)
				return -1;
			in_run = false;
		}
		x = next;
	}
	/* x is now the highest end of all; a run still open ends there. */
	if (in_run && emit(run_start, x, out, max_out, nr_out) < 0)
		return -1;
	return 0;
}

int memmap_subtract(struct mem_range *r, unsigned *n, unsigned max,
		    uint64_t start, uint64_t end)
{
	start &= ~PAGE_MASK;
	end = end > UINT64_MAX - PAGE_MASK ? UINT64_MAX : (end + PAGE_MASK) & ~PAGE_MASK;
	if (end <= start)
		return 0;

	/* In a non-overlapping list at most one range can need splitting;
	 * check for room first so a failure changes nothing. */
	for (unsigned i = 0; i < *n; i++) {
		if (r[i].start < start && r[i].end > end && *n == max)
			return -1;
	}

	unsigned i = 0;
	while (i < *n) {
		struct mem_range *cur = &r[i];
		if (cur->end <= start || cur->start >= end) {
			i++;
		} else if (cur->start >= start && cur->end <= end) {
			/* Swallowed whole. */
			for (unsigned j = i; j + 1 < *n; j++)
				r[j] = r[j + 1];
			(*n)--;
		} else if (cur->start < start && cur->end > end) {
			/* Hole in the middle: the tail becomes a new range. */
			for (unsigned j = *n; j > i + 1; j--)
				r[j] = r[j - 1];
			r[i + 1] = (struct mem_range){ end, cur->end, cur->type };
			cur->end = start;
			(*n)++;
			i += 2;
		} else if (cur->start < start) {
			cur->end = start;
			i++;
		} else {
			cur->start = end;
			i++;
		}
	}
	return 0;
}

uint64_t memmap_total(const struct mem_range *r, unsigned n)
{
	uint64_t total = 0;

	for (unsigned i = 0; i < n; i++) {
		if (r[i].end > r[i].start)
			total += r[i].end - r[i].start;
	}
	return total;
}
