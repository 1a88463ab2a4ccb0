/* Usable RAM from messy memory maps, and carving pieces out of it. */
#include <stdbool.h>

#include "unit.h"
#include "boot/memmap.h"

#define RAM MEM_RAM
#define RES MEM_RESERVED
#define MAX_OUT 64

static struct mem_range out[MAX_OUT];
static unsigned nr, conflicts;

static int usable(const struct mem_range *in, unsigned n)
{
	memset(out, 0xa5, sizeof(out));
	return memmap_usable(in, n, out, MAX_OUT, &nr, &conflicts);
}

/* Compare out[] with the expected (start, end) pairs. */
static int result_is(const uint64_t *want, unsigned n)
{
	int ok = nr == n;

	for (unsigned i = 0; ok && i < n; i++)
		ok = out[i].start == want[2 * i] && out[i].end == want[2 * i + 1] &&
		     out[i].type == MEM_RAM;
	if (!ok) {
		printf("#   got %u ranges:", nr);
		for (unsigned i = 0; i < nr && i < MAX_OUT; i++)
			printf(" [0x%" PRIx64 ", 0x%" PRIx64 ")", out[i].start, out[i].end);
		printf("\n");
	}
	return ok;
}

#define N(a) (unsigned)(sizeof(a) / sizeof((a)[0]))
#define EXPECT(...) do { \
	static const uint64_t want_[] = { __VA_ARGS__ }; \
	CHECK(result_is(want_, N(want_) / 2)); \
} while (0)
#define EXPECT_NONE() CHECK_EQ(nr, 0)

static void test_rounds_inward(void)
{
	const struct mem_range in[] = { { 0x1234, 0x9fc00, RAM } };

	CHECK_EQ(usable(in, N(in)), 0);
	EXPECT(0x2000, 0x9f000);
	CHECK_EQ(conflicts, 0);
}

static void test_less_than_a_page(void)
{
	const struct mem_range in[] = {
		{ 0x1001, 0x2000, RAM }, { 0x3000, 0x3fff, RAM }, { 0x5800, 0x6800, RAM },
	};

	CHECK_EQ(usable(in, N(in)), 0);
	EXPECT_NONE();
}

static void test_unsorted_and_overlapping(void)
{
	const struct mem_range in[] = {
		{ 0x100000, 0x800000, RAM },
		{ 0, 0x9f000, RAM },
		{ 0x400000, 0x1000000, RAM },     /* overlaps the first */
		{ 0x200000, 0x300000, RAM },      /* inside the first */
		{ 0x2000000, 0x3000000, RAM },
	};

	CHECK_EQ(usable(in, N(in)), 0);
	EXPECT(0, 0x9f000, 0x100000, 0x1000000, 0x2000000, 0x3000000);
}

static void test_adjacent_merge_before_rounding(void)
{
	/* Neither half holds a whole page at the seam; together they do. */
	const struct mem_range in[] = {
		{ 0x1800, 0x3000, RAM }, { 0, 0x1800, RAM }, { 0x3000, 0x5000, RAM },
	};

	CHECK_EQ(usable(in, N(in)), 0);
	EXPECT(0, 0x5000);
}

static void test_reserved_inside_ram(void)
{
	const struct mem_range in[] = {
		{ 0x100000, 0x1000000, RAM },
		{ 0x400800, 0x401000, RES },      /* half a page: the page goes */
		{ 0x800000, 0x900000, MEM_ACPI },
	};

	CHECK_EQ(usable(in, N(in)), 0);
	EXPECT(0x100000, 0x400000, 0x401000, 0x800000, 0x900000, 0x1000000);
	CHECK_EQ(conflicts, 2);
}

static void test_conflict_is_conservative(void)
{
	/* The same bytes called RAM and reserved: reserved wins, listed
	 * before or after. */
	const struct mem_range a[] = { { 0, 0x10000, RAM }, { 0x4000, 0x8000, RES } };
	const struct mem_range b[] = { { 0x4000, 0x8000, RES }, { 0, 0x10000, RAM } };
	const struct mem_range c[] = { { 0, 0x10000, RES }, { 0, 0x10000, RAM } };

	CHECK_EQ(usable(a, N(a)), 0);
	EXPECT(0, 0x4000, 0x8000, 0x10000);
	CHECK_EQ(conflicts, 1);
	CHECK_EQ(usable(b, N(b)), 0);
	EXPECT(0, 0x4000, 0x8000, 0x10000);
	CHECK_EQ(conflicts, 1);
	CHECK_EQ(usable(c, N(c)), 0);
	EXPECT_NONE();
	CHECK_EQ(conflicts, 1);
}

static void test_every_other_type_excludes(void)
{
	const struct mem_range in[] = {
		{ 0, 0x100000, RAM },
		{ 0x1000, 0x2000, MEM_RESERVED }, { 0x3000, 0x4000, MEM_ACPI },
		{ 0x5000, 0x6000, MEM_NVS }, { 0x7000, 0x8000, MEM_BAD },
		{ 0x9000, 0xa000, 17 }, { 0xb000, 0xc000, 0 },
	};

	CHECK_EQ(usable(in, N(in)), 0);
	EXPECT(0, 0x1000, 0x2000, 0x3000, 0x4000, 0x5000, 0x6000, 0x7000,
	       0x8000, 0x9000, 0xa000, 0xb000, 0xc000, 0x100000);
	CHECK_EQ(conflicts, 6);
}

static void test_degenerate_ranges_ignored(void)
{
	const struct mem_range in[] = {
		{ 0x5000, 0x5000, RAM }, { 0x9000, 0x1000, RAM },
		{ 0x10000, 0x20000, RAM },
		{ 0x18000, 0x18000, RES },        /* empty: not a conflict */
		{ 0x1f000, 0x11000, RES },        /* backwards: ignored */
	};

	CHECK_EQ(usable(in, N(in)), 0);
	EXPECT(0x10000, 0x20000);
	CHECK_EQ(conflicts, 0);
}

static void test_nothing_usable(void)
{
	const struct mem_range res[] = { { 0, 0x100000, RES } };

	CHECK_EQ(usable(NULL, 0), 0);
	EXPECT_NONE();
	CHECK_EQ(usable(res, N(res)), 0);
	EXPECT_NONE();
	CHECK_EQ(conflicts, 0);
}

static void test_qemu_map(void)
{
	const struct mem_range in[] = {
		{ 0, 0x9fc00, RAM }, { 0x9fc00, 0xa0000, RES }, { 0xf0000, 0x100000, RES },
		{ 0x100000, 0x7fe0000, RAM }, { 0x7fe0000, 0x8000000, RES },
		{ 0xfeffc000, 0xff000000, RES }, { 0xfffc0000, 0x100000000, RES },
		{ 0x100000000, 0x180000000, RAM },
	};

	CHECK_EQ(usable(in, N(in)), 0);
	EXPECT(0, 0x9f000, 0x100000, 0x7fe0000, 0x100000000, 0x180000000);
	CHECK_EQ(conflicts, 0);
	CHECK_EQ(memmap_total(out, nr), 0x9f000 + 0x7ee0000 + 0x80000000ull);
}

static void test_top_of_address_space(void)
{
	const struct mem_range a[] = { { UINT64_MAX - 0x2fff, UINT64_MAX, RAM } };
	const struct mem_range b[] = { { UINT64_MAX - 5, UINT64_MAX, RAM } };
	const struct mem_range c[] = { { 0xfffff000, UINT64_MAX, RAM },
				       { 0x100000000, UINT64_MAX, RES } };

	CHECK_EQ(usable(a, N(a)), 0);
	EXPECT(UINT64_MAX - 0x2fff, UINT64_MAX - 0xfff);
	CHECK_EQ(usable(b, N(b)), 0);
	EXPECT_NONE();
	CHECK_EQ(usable(c, N(c)), 0);
	EXPECT(0xfffff000, 0x100000000);
}

static void test_output_overflow(void)
{
	struct mem_range in[10], small[4];
	unsigned n, c;

	for (unsigned i = 0; i < 10; i++)
		in[i] = (struct mem_range){ 0x2000ull * i, 0x2000ull * i + 0x1000, RAM };
	CHECK_EQ(memmap_usable(in, 10, small, 4, &n, &c), -1);
	CHECK_EQ(n, 4);
	CHECK_EQ(small[3].start, 0x6000);

	/* Exactly enough room is fine. */
	CHECK_EQ(memmap_usable(in, 4, small, 4, &n, &c), 0);
	CHECK_EQ(n, 4);
	/* Pieces smaller than a page take no room. */
	in[4] = (struct mem_range){ 0x9000, 0x9fff, RAM };
	CHECK_EQ(memmap_usable(in, 5, small, 4, &n, &c), 0);
	CHECK_EQ(memmap_usable(in, 5, small, 0, &n, &c), -1);
	CHECK_EQ(n, 0);
}

/* A page-by-page model: usable iff every byte is claimed by RAM and none by
 * anything else. Maps are drawn on a 64 KiB space with 256-byte cells. */
#define CELLS 256
#define CELL 0x100u

static void model(const struct mem_range *in, unsigned n, bool *page_ok)
{
	bool ram[CELLS] = { 0 }, other[CELLS] = { 0 };

	for (unsigned i = 0; i < n; i++) {
		for (uint64_t c = 0; c < CELLS; c++) {
			uint64_t a = c * CELL;
			if (in[i].start <= a && a < in[i].end)
				*(in[i].type == RAM ? &ram[c] : &other[c]) = true;
		}
	}
	for (unsigned p = 0; p < CELLS * CELL / MEMMAP_PAGE; p++) {
		page_ok[p] = true;
		for (unsigned c = p * 16; c < p * 16 + 16; c++)
			page_ok[p] = page_ok[p] && ram[c] && !other[c];
	}
}

static uint64_t rng_next(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

static void test_against_model(void)
{
	uint64_t rng = 42;
	unsigned bad = 0;

	for (int round = 0; round < 3000; round++) {
		struct mem_range in[12];
		unsigned n = (unsigned)(rng_next(&rng) % 13);
		bool want[16], got[16] = { 0 };

		for (unsigned i = 0; i < n; i++) {
			uint64_t s = rng_next(&rng) % (CELLS + 1), e = rng_next(&rng) % (CELLS + 1);
			in[i] = (struct mem_range){ s * CELL, e * CELL,
						    rng_next(&rng) % 3 ? RAM : 1 + (uint32_t)(rng_next(&rng) % 5) };
		}
		model(in, n, want);
		if (usable(in, n) != 0) {
			bad++;
			continue;
		}
		for (unsigned i = 0; i < nr; i++) {
			/* Sorted, disjoint, not even touching, page-aligned. */
			if (out[i].start % MEMMAP_PAGE || out[i].end % MEMMAP_PAGE ||
			    out[i].end <= out[i].start || (i && out[i].start <= out[i - 1].end))
				bad++;
			for (uint64_t a = out[i].start; a < out[i].end && a < 0x10000; a += MEMMAP_PAGE)
				got[a / MEMMAP_PAGE] = true;
		}
		if (memcmp(want, got, sizeof(want)) != 0)
			bad++;
	}
	CHECK_EQ(bad, 0);
}

/* A list to carve from: [1M, 16M) and [32M, 64M). */
static struct mem_range list[6];
static unsigned list_n;

static void reset_list(void)
{
	list[0] = (struct mem_range){ 0x100000, 0x1000000, RAM };
	list[1] = (struct mem_range){ 0x2000000, 0x4000000, RAM };
	list_n = 2;
}

static int list_is(const uint64_t *want, unsigned n)
{
	int ok = list_n == n;

	for (unsigned i = 0; ok && i < n; i++)
		ok = list[i].start == want[2 * i] && list[i].end == want[2 * i + 1];
	if (!ok) {
		printf("#   list has %u ranges:", list_n);
		for (unsigned i = 0; i < list_n; i++)
			printf(" [0x%" PRIx64 ", 0x%" PRIx64 ")", list[i].start, list[i].end);
		printf("\n");
	}
	return ok;
}

#define LIST(...) do { \
	static const uint64_t want_[] = { __VA_ARGS__ }; \
	CHECK(list_is(want_, N(want_) / 2)); \
} while (0)

static void test_subtract(void)
{
	reset_list();
	CHECK_EQ(memmap_subtract(list, &list_n, 6, 0x200000, 0x300000), 0);
	LIST(0x100000, 0x200000, 0x300000, 0x1000000, 0x2000000, 0x4000000);

	/* Rounded outward: the partial pages at both ends go too. */
	reset_list();
	CHECK_EQ(memmap_subtract(list, &list_n, 6, 0x200800, 0x2ff001), 0);
	LIST(0x100000, 0x200000, 0x300000, 0x1000000, 0x2000000, 0x4000000);

	reset_list();
	CHECK_EQ(memmap_subtract(list, &list_n, 6, 0, 0x180000), 0);
	LIST(0x180000, 0x1000000, 0x2000000, 0x4000000);

	reset_list();
	CHECK_EQ(memmap_subtract(list, &list_n, 6, 0x3000000, 0x5000000), 0);
	LIST(0x100000, 0x1000000, 0x2000000, 0x3000000);

	/* Across the gap, trimming both neighbours. */
	reset_list();
	CHECK_EQ(memmap_subtract(list, &list_n, 6, 0xf00000, 0x2100000), 0);
	LIST(0x100000, 0xf00000, 0x2100000, 0x4000000);

	/* Whole ranges disappear. */
	reset_list();
	CHECK_EQ(memmap_subtract(list, &list_n, 6, 0x100000, 0x1000000), 0);
	LIST(0x2000000, 0x4000000);
	reset_list();
	CHECK_EQ(memmap_subtract(list, &list_n, 6, 0, UINT64_MAX), 0);
	CHECK_EQ(list_n, 0);

	/* Nothing to do. */
	reset_list();
	CHECK_EQ(memmap_subtract(list, &list_n, 6, 0x1000000, 0x2000000), 0);
	LIST(0x100000, 0x1000000, 0x2000000, 0x4000000);
	CHECK_EQ(memmap_subtract(list, &list_n, 6, 0x500000, 0x500000), 0);
	CHECK_EQ(memmap_subtract(list, &list_n, 6, 0x600000, 0x500000), 0);
	LIST(0x100000, 0x1000000, 0x2000000, 0x4000000);

	/* A single byte still costs its page. */
	CHECK_EQ(memmap_subtract(list, &list_n, 6, 0x3ffffff, 0x4000000), 0);
	LIST(0x100000, 0x1000000, 0x2000000, 0x3fff000);

	/* Near the top: the end cannot round up past 2^64. */
	list[0] = (struct mem_range){ 0, UINT64_MAX & ~0xfffull, RAM };
	list_n = 1;
	CHECK_EQ(memmap_subtract(list, &list_n, 6, 0x1000, UINT64_MAX - 2), 0);
	LIST(0, 0x1000);
}

static void test_subtract_no_room(void)
{
	reset_list();
	CHECK_EQ(memmap_subtract(list, &list_n, 2, 0x200000, 0x300000), -1);
	LIST(0x100000, 0x1000000, 0x2000000, 0x4000000);
	/* Trimming needs no room, so it works even in a full list. */
	CHECK_EQ(memmap_subtract(list, &list_n, 2, 0, 0x200000), 0);
	LIST(0x200000, 0x1000000, 0x2000000, 0x4000000);

	CHECK_EQ(memmap_subtract(list, &list_n, 3, 0x3000000, 0x3001000), 0);
	LIST(0x200000, 0x1000000, 0x2000000, 0x3000000, 0x3001000, 0x4000000);
	CHECK_EQ(list[2].type, RAM);
}

static void test_total(void)
{
	const struct mem_range r[] = {
		{ 0, 0x1000, RAM }, { 0x5000, 0x5000, RAM }, { 0x9000, 0x8000, RAM },
		{ 0x100000000, 0x300000000, RAM },
	};

	CHECK_EQ(memmap_total(r, N(r)), 0x200001000ull);
	CHECK_EQ(memmap_total(r, 0), 0);
}

UNIT_MAIN(
	UNIT(test_rounds_inward),
	UNIT(test_less_than_a_page),
	UNIT(test_unsorted_and_overlapping),
	UNIT(test_adjacent_merge_before_rounding),
	UNIT(test_reserved_inside_ram),
	UNIT(test_conflict_is_conservative),
	UNIT(test_every_other_type_excludes),
	UNIT(test_degenerate_ranges_ignored),
	UNIT(test_nothing_usable),
	UNIT(test_qemu_map),
	UNIT(test_top_of_address_space),
	UNIT(test_output_overflow),
	UNIT(test_against_model),
	UNIT(test_subtract),
	UNIT(test_subtract_no_room),
	UNIT(test_total),
)
