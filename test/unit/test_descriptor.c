/* Guest segment descriptors (hv/arch/x86/pv/descriptor.c): the hole is
 * protected by segment limits alone, so no descriptor a guest installs may
 * reach it, run at ring 0, or be a gate, TSS or LDT. */
#include "unit.h"
#include "fakehv.h"
#include "fakemem.h"
#include "arch/x86/pv/descriptor.h"
#include "pvabi/errno.h"

/* Descriptor fields, encoded by the book rather than by the code under
 * test. type: bit 3 code, for data bit 2 expand-down and bit 1 writable,
 * for code bit 2 conforming and bit 1 readable. */
struct seg {
	uint32_t base, limit;           /* limit: the 20-bit field */
	unsigned type, s, dpl, p, db, g;
};

#define L_BIT        (1u << 21)
#define DATA_RW      0x2u
#define DATA_RW_DOWN 0x6u
#define CODE_RX      0xau
#define CODE_RX_CONF 0xeu

static void encode(const struct seg *sg, uint32_t *lo, uint32_t *hi)
{
	*lo = (sg->limit & 0xffff) | (sg->base & 0xffff) << 16;
	*hi = ((sg->base >> 16) & 0xff) | sg->type << 8 | sg->s << 12 | sg->dpl << 13 |
	      sg->p << 15 | (sg->limit & 0xf0000) | sg->db << 22 | sg->g << 23 |
	      (sg->base & 0xff000000u);
}

static struct seg seg(uint32_t base, uint32_t limit, unsigned type, unsigned g)
{
	return (struct seg){ .base = base, .limit = limit, .type = type, .s = 1, .dpl = 1,
			     .p = 1, .db = 1, .g = g };
}

/* Whether check_descriptor accepts sg. Also checks what it may change: a
 * refused descriptor stays as it was, an accepted one changes at most a
 * DPL of 0, to 1. */
#define ACCEPTS(sg) accepts((sg), __LINE__)
static bool accepts(struct seg sg, int line)
{
	uint32_t lo, hi;

	encode(&sg, &lo, &hi);
	uint32_t h = hi;
	bool ok = check_descriptor(lo, &h);
	uint32_t want = ok && sg.p && sg.dpl == 0 ? hi | 1u << 13 : hi;
	if (h != want) {
		printf("#   %s:%d: descriptor %08x:%08x %s, high word now %08x, expected %08x\n",
		       __FILE__, line, hi, lo, ok ? "accepted" : "refused", h, want);
		unit_failed_checks++;
	}
	return ok;
}

static void test_not_present_always_fine(void)
{
	for (unsigned type = 0; type < 16; type++)
		for (unsigned s = 0; s < 2; s++)
			for (unsigned dpl = 0; dpl < 4; dpl++) {
				struct seg sg = { .base = 0, .limit = 0xfffff, .type = type, .s = s,
						  .dpl = dpl, .p = 0, .db = 1, .g = 1 };
				CHECK(ACCEPTS(sg));           /* and left exactly as it was */
				sg.base = HOLE_START;
				CHECK(ACCEPTS(sg));
			}
}

static void test_system_descriptors_refused(void)
{
	for (unsigned type = 0; type < 16; type++)
		for (unsigned dpl = 0; dpl < 4; dpl++) {
			struct seg sg = { .base = 0x1000, .limit = 0x67, .type = type, .s = 0,
					  .dpl = dpl, .p = 1 };
			if (ACCEPTS(sg))
				printf("#   system type %u, DPL %u accepted\n", type, dpl);
			CHECK(!ACCEPTS(sg));
		}
	/* The words a call gate to a ring-0 selector would have. */
	uint32_t lo = 0x0008 << 16 | 0x1234, hi = 0x0000ec00, h = hi;
	CHECK(!check_descriptor(lo, &h));
	CHECK_EQ(h, hi);
}

/* The L bit: 64-bit code in ring 1 could form the hypervisor's upper-half
 * addresses. Refused on any present segment, kept on a not-present one. */
static void test_long_mode_code_refused(void)
{
	unsigned types[] = { CODE_RX, CODE_RX_CONF, DATA_RW };
	for (unsigned i = 0; i < 3; i++)
		for (unsigned dpl = 0; dpl < 4; dpl++) {
			struct seg sg = seg(0, 0xfff, types[i], 1);
			sg.dpl = dpl;
			sg.db = 0;
			uint32_t lo, hi;
			encode(&sg, &lo, &hi);
			uint32_t h = hi | L_BIT;
			CHECK(!check_descriptor(lo, &h));
			CHECK_EQ(h, hi | L_BIT);
			sg.p = 0;
			encode(&sg, &lo, &hi);
			h = hi | L_BIT;
			CHECK(check_descriptor(lo, &h));
		}
}

static void test_dpl0_raised_to_1(void)
{
	unsigned types[] = { DATA_RW, CODE_RX, CODE_RX_CONF, DATA_RW_DOWN, 0x0, 0x9 };
	for (unsigned i = 0; i < 6; i++) {
		struct seg sg = seg(0x10000, 0x100, types[i], 0);
		sg.db = 0;
		for (unsigned dpl = 0; dpl < 4; dpl++) {
			sg.dpl = dpl;
			CHECK(ACCEPTS(sg));           /* DPL 0 comes back as 1, others unchanged */
		}
	}
	/* Explicitly, the words. */
	struct seg sg = seg(0, 0xf57ff, CODE_RX, 1);
	sg.dpl = 0;
	uint32_t lo, hi;
	encode(&sg, &lo, &hi);
	CHECK_EQ(hi, 0x00cf9a00);
	CHECK(check_descriptor(lo, &hi));
	CHECK_EQ(hi, 0x00cfba00);
	CHECK_EQ(lo, 0x000057ff);
}

static void test_flat_refused(void)
{
	unsigned types[] = { DATA_RW, CODE_RX, CODE_RX_CONF, 0x0, 0x8 };
	for (unsigned i = 0; i < 5; i++)
		for (unsigned dpl = 0; dpl < 4; dpl++) {
			struct seg sg = seg(0, 0xfffff, types[i], 1);
			sg.dpl = dpl;
			CHECK(!ACCEPTS(sg));
			sg.g = 0;                     /* the same limit in bytes: 1 MiB */
			CHECK(ACCEPTS(sg));
		}
}

static void test_limits_at_the_hole(void)
{
	unsigned types[] = { DATA_RW, CODE_RX, CODE_RX_CONF };
	for (unsigned i = 0; i < 3; i++) {
		unsigned t = types[i];
		/* 4 KiB granularity: the last page below the hole, and one more. */
		CHECK(ACCEPTS(seg(0, 0xf57ff, t, 1)));
		CHECK(!ACCEPTS(seg(0, 0xf5800, t, 1)));
		CHECK(!ACCEPTS(seg(1, 0xf57ff, t, 1)));         /* one byte further */
		CHECK(ACCEPTS(seg(0x1000, 0xf57fe, t, 1)));
		CHECK(!ACCEPTS(seg(0x1000, 0xf57ff, t, 1)));
		CHECK(ACCEPTS(seg(0xf5700000, 0xff, t, 1)));
		CHECK(!ACCEPTS(seg(0xf5700001, 0xff, t, 1)));
		/* Byte granularity. */
		CHECK(ACCEPTS(seg(HOLE_START - 0x100000, 0xfffff, t, 0)));
		CHECK(!ACCEPTS(seg(HOLE_START - 0x100000 + 1, 0xfffff, t, 0)));
		CHECK(ACCEPTS(seg(HOLE_START - 0x10000, 0xffff, t, 0)));
		CHECK(!ACCEPTS(seg(HOLE_START - 0x10000, 0x10000, t, 0)));
		CHECK(ACCEPTS(seg(HOLE_START - 1, 0, t, 0)));   /* one byte, just below */
		CHECK(!ACCEPTS(seg(HOLE_START, 0, t, 0)));      /* the hole's first byte */
		CHECK(!ACCEPTS(seg(0xfffff000, 0xfff, t, 0)));
	}
}

static void test_wrapping_refused(void)
{
	/* base + limit past 4 GiB: a 32-bit sum would end low and look fine. */
	CHECK(!ACCEPTS(seg(0x80000000u, 0xfffff, DATA_RW, 1)));      /* ends at 0x7fffffff */
	CHECK(!ACCEPTS(seg(0x80000000u, 0xfffff, CODE_RX, 1)));
	CHECK(!ACCEPTS(seg(0xfffff000u, 0x2, DATA_RW, 1)));          /* ends at 0x1fff */
	CHECK(!ACCEPTS(seg(0xffffffffu, 0x1, DATA_RW, 0)));          /* ends at 0 */
	CHECK(!ACCEPTS(seg(0xffff0000u, 0xfffff, CODE_RX, 0)));
	CHECK(!ACCEPTS(seg(0x0a800000u, 0xf57ff, DATA_RW, 1)));      /* ends exactly at 4 GiB */
	CHECK(!ACCEPTS(seg(0x0a800001u, 0xf57ff, DATA_RW, 1)));      /* ends at 0 */
}

static void test_expand_down(void)
{
	/* B = 0: offsets limit+1 .. 0xffff, wherever the limit is. */
	for (unsigned g = 0; g < 2; g++) {
		struct seg sg = seg(0, 0, DATA_RW_DOWN, g);
		sg.db = 0;
		CHECK(ACCEPTS(sg));
		sg.base = HOLE_START - 0x10000;
		sg.limit = 0xfff;
		CHECK(ACCEPTS(sg));                   /* the top byte just below the hole */
		sg.limit = 0xfffff;
		CHECK(ACCEPTS(sg));
		sg.base++;
		CHECK(!ACCEPTS(sg));                  /* the top byte in the hole */
		sg.limit = 0;
		CHECK(!ACCEPTS(sg));
		sg.base = 0xffff0001u;                /* wraps */
		CHECK(!ACCEPTS(sg));
	}
	/* B = 1: offsets limit+1 .. 0xffffffff, which from base 0 reach the
	 * top of memory whatever the limit. */
	unsigned limits[] = { 0, 0xfff, 0xf57ff, 0xf5800, 0xffffe };
	for (unsigned g = 0; g < 2; g++)
		for (unsigned i = 0; i < 5; i++) {
			struct seg sg = seg(0, limits[i], DATA_RW_DOWN, g);
			CHECK(!ACCEPTS(sg));
			sg.base = 0x1000;
			CHECK(!ACCEPTS(sg));
		}
	/* Read-only expand-down data is expand-down too. */
	struct seg ro = seg(0, 0, 0x4, 0);
	CHECK(!ACCEPTS(ro));
	ro.db = 0;
	CHECK(ACCEPTS(ro));
}

static void test_conforming_code(void)
{
	/* Bit 2 of a code type means conforming, not expand-down: the limit
	 * counts as for any code segment. */
	CHECK(ACCEPTS(seg(0, 0xf57ff, CODE_RX_CONF, 1)));
	CHECK(!ACCEPTS(seg(0, 0xf5800, CODE_RX_CONF, 1)));
	CHECK(!ACCEPTS(seg(0x00010000, 0xf57ff, CODE_RX_CONF, 1)));
	struct seg sg = seg(0, 0xfffff, CODE_RX_CONF, 1);
	sg.db = 0;
	CHECK(!ACCEPTS(sg));                          /* would pass as expand-down, B = 0 */
	sg.dpl = 0;
	sg.limit = 0x100;
	CHECK(ACCEPTS(sg));                           /* raised to DPL 1 */
	sg.type = 0xc;                                /* execute-only, conforming */
	CHECK(ACCEPTS(sg));
	sg.limit = 0xfffff;
	CHECK(!ACCEPTS(sg));
}

static void test_descriptor_page(void)
{
	fake_setup();
	uint32_t mfn = 10;
	uint32_t *w = (uint32_t *)fake_page(mfn);

	memset(w, 0, PAGE_SIZE);
	CHECK_EQ(check_descriptor_page(mfn), 0);
	CHECK_EQ(fake_mapped, 0);
	/* A DPL 0 descriptor in the last slot is raised in place. */
	struct seg sg = seg(0, 0xf57ff, DATA_RW, 1);
	sg.dpl = 0;
	encode(&sg, &w[1022], &w[1023]);
	CHECK_EQ(check_descriptor_page(mfn), 0);
	CHECK_EQ((w[1023] >> 13) & 3, 1);
	CHECK_EQ(fake_mapped, 0);
	/* One bad descriptor anywhere refuses the page. */
	for (unsigned slot = 0; slot < 512; slot += 73) {
		memset(w, 0, PAGE_SIZE);
		sg = seg(0, 0xfffff, CODE_RX, 1);
		encode(&sg, &w[2 * slot], &w[2 * slot + 1]);
		CHECK_EQ(check_descriptor_page(mfn), -XEN_EINVAL);
		CHECK_EQ(fake_mapped, 0);
	}
	memset(w, 0, PAGE_SIZE);
	w[1023] = 0x00008b00;                /* a busy TSS, last */
	CHECK_EQ(check_descriptor_page(mfn), -XEN_EINVAL);
	w[1023] = 0x00000b00;                /* not present: fine */
	CHECK_EQ(check_descriptor_page(mfn), 0);
}

/* What the processor would let the descriptor reach, by its rules: the
 * offsets the limit allows, added to the base modulo 4 GiB. */
static bool reaches_hole(uint32_t lo, uint32_t hi)
{
	uint64_t base = (lo >> 16) | (hi & 0xff) << 16 | (hi & 0xff000000u);
	uint64_t limit = (lo & 0xffff) | (hi & 0xf0000);
	uint64_t first = 0, last;

	if (hi & (1u << 23))
		limit = limit << 12 | 0xfff;
	if ((hi & 0xc00) == 0x400) {         /* data, expand-down */
		first = limit + 1;
		last = hi & (1u << 22) ? 0xffffffffu : 0xffffu;
		if (first > last)
			return false;                /* no offset at all */
	} else {
		last = limit;
	}
	uint64_t a = base + first, b = base + last;
	if (a < (1ull << 32) && b >= (1ull << 32))
		return true;                     /* through the top of memory */
	return (b & 0xffffffffu) >= HOLE_START;
}

static void test_fuzz_invariant(void)
{
	static const uint32_t bases[] = { 0, 1, 0x1000, HOLE_START - 0x100000, HOLE_START - 0x10000,
					  HOLE_START - 1, HOLE_START, 0x80000000u, 0xffff0000u,
					  0xffffffffu, 0x0a800000u };
	static const uint32_t limits[] = { 0, 0xfff, 0xffff, 0xf57ff, 0xf5800, 0xfffff };
	uint64_t st = 0x243f6a8885a308d3ull;
	unsigned accepted = 0, refused = 0, raised = 0, exact_wrong = 0, bad = 0;

	for (unsigned i = 0; i < 400000; i++) {
		uint64_t r = fuzz_next(&st), r2 = fuzz_next(&st);
		uint32_t lo = (uint32_t)r, hi = (uint32_t)(r >> 32);
		if (r2 & 1) {
			/* Near the edges more often than chance would go. */
			struct seg sg = {
				.base = r2 & 2 ? bases[(r2 >> 8) % 11] +
						 (uint32_t)((r2 >> 16) % 5) - 2
					       : (uint32_t)(r2 >> 32),
				.limit = r2 & 4 ? limits[(r2 >> 24) % 6]
						: (uint32_t)(r >> 12) & 0xfffff,
				.type = (r2 >> 4) & 15, .s = (r2 & 0x1000) != 0 || (r2 & 8),
				.dpl = (r2 >> 13) & 3, .p = (r2 & 0x30000) != 0,
				.db = (r2 >> 18) & 1, .g = (r2 >> 19) & 1,
			};
			encode(&sg, &lo, &hi);
		}
		uint32_t h = hi;
		bool ok = check_descriptor(lo, &h);
		bool present = hi & (1u << 15);
		bool fail = false;
		if (!ok && h != hi)
			fail = true;                 /* a refusal changed it */
		if (!present && (!ok || h != hi))
			fail = true;                 /* not present: always fine, untouched */
		if (ok && present) {
			if (!(h & (1u << 12)) || ((h >> 13) & 3) == 0 || reaches_hole(lo, h) ||
			    (h & L_BIT))
				fail = true;
			if (h != hi && (h != (hi | 1u << 13) || ((hi >> 13) & 3) != 0))
				fail = true;
			raised += h != hi;
			accepted++;
		}
		if (present && !ok)
			refused++;
		/* For expand-up segments the check is exact: only what reaches the
		 * hole, or is 64-bit code, is refused. */
		if (present && (hi & (1u << 12)) && (hi & 0xc00) != 0x400 &&
		    ok != (!reaches_hole(lo, hi) && !(hi & L_BIT)))
			exact_wrong++;
		if (fail && bad++ < 5)
			printf("#   %08x:%08x %s as %08x\n", hi, lo,
			       ok ? "accepted" : "refused", h);
	}
	CHECK_EQ(bad, 0);
	CHECK_EQ(exact_wrong, 0);
	CHECK(accepted > 20000);
	CHECK(refused > 20000);
	CHECK(raised > 2000);
}

UNIT_MAIN(
	UNIT(test_not_present_always_fine),
	UNIT(test_system_descriptors_refused),
	UNIT(test_long_mode_code_refused),
	UNIT(test_dpl0_raised_to_1),
	UNIT(test_flat_refused),
	UNIT(test_limits_at_the_hole),
	UNIT(test_wrapping_refused),
	UNIT(test_expand_down),
	UNIT(test_conforming_code),
	UNIT(test_descriptor_page),
	UNIT(test_fuzz_invariant)
)
