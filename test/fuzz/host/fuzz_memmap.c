/* memmap_usable and memmap_subtract on any list of ranges (24 bytes each:
 * u64 start, u64 end, u32 type, u32 unused; the last 16 bytes of the input
 * are a range to subtract). What comes out is sorted, page-aligned,
 * disjoint RAM that some input RAM range covers; subtracting keeps that
 * so and removes the range. */
#include <stdbool.h>
#include <string.h>

#include "fuzz.h"
#include "boot/memmap.h"
#include "lib/le.h"

#define MAX_IN 64
#define MAX_OUT 32

static uint64_t le64_at(const uint8_t *p)
{
	return le32(p) | (uint64_t)le32(p + 4) << 32;
}

static bool covered_by_ram(const struct mem_range *in, unsigned n, uint64_t at)
{
	for (unsigned i = 0; i < n; i++)
		if (in[i].type == MEM_RAM && in[i].start <= at && at < in[i].end)
			return true;
	return false;
}

static void check_list(const struct mem_range *r, unsigned n, const struct mem_range *in,
		       unsigned nr_in)
{
	for (unsigned i = 0; i < n; i++) {
		FUZZ_CHECK(r[i].type == MEM_RAM && r[i].start < r[i].end);
		FUZZ_CHECK(r[i].start % MEMMAP_PAGE == 0 && r[i].end % MEMMAP_PAGE == 0);
		FUZZ_CHECK(i == 0 || r[i - 1].end < r[i].start);
		FUZZ_CHECK(covered_by_ram(in, nr_in, r[i].start) &&
			   covered_by_ram(in, nr_in, r[i].end - 1));
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mem_range in[MAX_IN], out[MAX_OUT];
	unsigned n = 0, nr = 0, conflicts = 0;

	if (size < 16)
		return 0;
	for (size_t at = 0; at + 24 <= size - 16 && n < MAX_IN; at += 24, n++) {
		in[n].start = le64_at(data + at);
		in[n].end = le64_at(data + at + 8);
		in[n].type = le32(data + at + 16) % 6;
	}
	int rc = memmap_usable(in, n, out, MAX_OUT, &nr, &conflicts);
	FUZZ_CHECK(nr <= MAX_OUT && conflicts <= n);
	if (rc < 0)
		return 0;
	check_list(out, nr, in, n);
	uint64_t total = memmap_total(out, nr);
	uint64_t start = le64_at(data + size - 16), end = le64_at(data + size - 8);
	if (memmap_subtract(out, &nr, MAX_OUT, start, end) < 0)
		return 0;
	check_list(out, nr, in, n);
	FUZZ_CHECK(memmap_total(out, nr) <= total);
	for (unsigned i = 0; i < nr && start < end; i++)
		FUZZ_CHECK(out[i].end <= start || out[i].start >= end);
	return 0;
}
