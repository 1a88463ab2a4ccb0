/* A page table whose validation fails part-way, at every place it can:
 * the page-type system (hv/arch/x86/pv/pagetype.c) must leave every count
 * exactly as it found it. */
#include "unit.h"
#include "fakehv.h"
#include "pagetype_check.h"

/* ---- failure part-way through ----
 *
 *   T (L3)   0 -> A, 1 -> B, 2 -> A, 3 -> H
 *   A (L2)   0 -> P, 1 -> Q, 2 -> P, 3 -> R
 *   B (L2)   0 -> S, 511 -> P
 *   H (L2_HV) 0 -> P, 427 -> U
 *   P (L1)   0..99: data frames, every third writable
 *   Q (L1)   P, T, A, H read-only
 *   R (L1)   empty
 *   S (L1)   0 d0 writable, 1 d1 read-only
 *   U (L1)   0 d2 writable, 511 d3 read-only  */
struct big {
	uint32_t t, a, b, h, p, q, r, s, u, d[8];
};

static struct big build_big(void)
{
	struct big g;

	g.t = fake_alloc(&dom);
	g.a = fake_alloc(&dom);
	g.b = fake_alloc(&dom);
	g.h = fake_alloc(&dom);
	g.p = fake_alloc(&dom);
	g.q = fake_alloc(&dom);
	g.r = fake_alloc(&dom);
	g.s = fake_alloc(&dom);
	g.u = fake_alloc(&dom);
	for (unsigned i = 0; i < 8; i++)
		g.d[i] = fake_alloc(&dom);
	fake_page(g.t)[0] = PTE(g.a, L3_E);
	fake_page(g.t)[1] = PTE(g.b, L3_E);
	fake_page(g.t)[2] = PTE(g.a, L3_E);
	fake_page(g.t)[3] = PTE(g.h, L3_E);
	fake_page(g.a)[0] = PTE(g.p, L2_E);
	fake_page(g.a)[1] = PTE(g.q, L2_E);
	fake_page(g.a)[2] = PTE(g.p, L2_E);
	fake_page(g.a)[3] = PTE(g.r, L2_E);
	fake_page(g.b)[0] = PTE(g.s, L2_E);
	fake_page(g.b)[511] = PTE(g.p, L2_E);
	fake_page(g.h)[0] = PTE(g.p, L2_E);
	fake_page(g.h)[427] = PTE(g.u, L2_E);
	for (unsigned i = 0; i < 100; i++)
		fake_page(g.p)[i] = PTE(g.d[i % 8], i % 3 ? L1_RO : L1_RW);
	fake_page(g.q)[0] = PTE(g.p, L1_RO);
	fake_page(g.q)[1] = PTE(g.t, L1_RO);
	fake_page(g.q)[2] = PTE(g.a, L1_RO);
	fake_page(g.q)[3] = PTE(g.h, L1_RO);
	fake_page(g.s)[0] = PTE(g.d[0], L1_RW);
	fake_page(g.s)[1] = PTE(g.d[1], L1_RO);
	fake_page(g.u)[0] = PTE(g.d[2], L1_RW);
	fake_page(g.u)[511] = PTE(g.d[3], L1_RO);
	return g;
}

static void test_failure_part_way_changes_nothing(void)
{
	for (unsigned where = 0; where < 8; where++) {
		fake_setup();
		struct big g = build_big();
		uint32_t foreign = fake_alloc(&other);
		pte_t *entry;
		pte_t bad;
		const char *what;
		switch (where) {
		case 0:
			entry = &fake_page(g.u)[511], bad = PTE(foreign, L1_RO);
			what = "the last leaf of the walk maps a foreign frame";
			break;
		case 1:
			entry = &fake_page(g.u)[200], bad = PTE(g.a, L1_RW);
			what = "a leaf maps an L2 validated earlier in the walk writable";
			break;
		case 2:
			entry = &fake_page(g.s)[5], bad = PTE(g.h, L1_RW);
			what = "a leaf maps the L2_HV writable before the walk reaches it";
			break;
		case 3:
			entry = &fake_page(g.b)[300], bad = PTE(g.p, L2_E | PTE_PS);
			what = "a superpage in the second L2";
			break;
		case 4:
			entry = &fake_page(g.t)[3], bad = 0;
			what = "slot 3 missing after slots 0-2 validated";
			break;
		case 5:
			entry = &fake_page(g.h)[10], bad = PTE(g.t, L2_E);
			what = "the L2_HV names the L3 being validated as an L1";
			break;
		case 6:
			entry = &fake_page(g.p)[99], bad = PTE(g.d[3], L1_RW) | (1ull << 55);
			what = "a reserved bit in the last entry of a shared L1";
			break;
		default:
			entry = &fake_page(g.t)[2], bad = PTE(g.h, L3_E);
			what = "the L2_HV also in slot 2";
			break;
		}
		pte_t good = *entry;
		*entry = bad;
		remember();
		CHECK_RC(GET(g.t, FT_L3), REFUSED, what);
		UNCHANGED(what);
		CHECK_EQ(fake_nr_released, 0);

		/* Without the bad entry the same tree validates, and unpinning
		 * it brings every frame back to its allocation alone. */
		*entry = good;
		CHECK_RC(GET(g.t, FT_L3), 0, what);
		PUT(g.t);
		unsigned off = 0;
		for (uint32_t m = 0; m < FAKE_FRAMES; m++) {
			const struct frame *f = &frame_table.f[m];
			off += f->owner == dom.domid &&
			       (f->count != 1 || (f->type_info & FT_COUNT_MASK));
		}
		CHECK_EQ(off, 0);
	}
}

/* ---- flushes ---- */

UNIT_MAIN(UNIT(test_failure_part_way_changes_nothing))
