/* The page-type system (hv/arch/x86/pv/pagetype.c) on a fake machine of
 * 64 frames: a valid tree and its counts, devalidation and freeing, flushes
 * before a frame changes type, descriptor pages, the shared info frame,
 * count saturation. What it refuses is test_pagetype_refusals.c's; entry
 * updates are test_pt_update.c's. Every operation must leave no mapping
 * behind. */
#include "unit.h"
#include "fakehv.h"
#include "pagetype_check.h"

static void test_valid_tree_counts(void)
{
	fake_setup();
	struct tree t = pinned_tree();

	EXPECT(t.l3, 2, FT_L3, 1);           /* allocation + pin */
	EXPECT(t.l2, 2, FT_L2, 1);           /* allocation + L3 slot 0 */
	EXPECT(t.hv, 2, FT_L2_HV, 1);        /* allocation + L3 slot 3 */
	EXPECT(t.l1a, 2, FT_L1, 1);
	EXPECT(t.l1b, 3, FT_L1, 1);          /* ... + the read-only mapping in L1a */
	EXPECT(t.d0, 3, FT_WRITABLE, 2);     /* two writable mappings */
	EXPECT(t.d1, 3, FT_NONE, 0);         /* two read-only mappings */
	uint32_t tables[] = { t.l3, t.l2, t.hv, t.l1a, t.l1b };
	for (unsigned i = 0; i < 5; i++)
		CHECK(frame_table.f[tables[i]].type_info & FT_VALIDATED);
	CHECK_EQ(fake_nr_released, 0);
	CHECK_EQ(fake_flushes, 0);           /* nothing had been writable before */
	/* Pinning again only counts. */
	unsigned maps = fake_maps;
	CHECK_RC(GET(t.l3, FT_L3), 0, "a second reference");
	EXPECT(t.l3, 3, FT_L3, 2);
	CHECK_EQ(fake_maps, maps);
	EXPECT(t.l1a, 2, FT_L1, 1);
}

static void test_hypervisor_slots_copied(void)
{
	fake_setup();
	struct tree t = build_tree();
	pte_t guest_hv[512], guest_l2[512];
	memcpy(guest_hv, fake_page(t.hv), PAGE_SIZE);
	memcpy(guest_l2, fake_page(t.l2), PAGE_SIZE);

	CHECK_RC(GET(t.l3, FT_L3), 0, "pinning (junk in the hypervisor slots is not validated)");
	unsigned guest_changed = 0, slots_wrong = 0;
	for (unsigned i = 0; i < HOLE_FIRST_L2_SLOT; i++)
		guest_changed += fake_page(t.hv)[i] != guest_hv[i];
	for (unsigned i = HOLE_FIRST_L2_SLOT; i < 512; i++)
		slots_wrong += fake_page(t.hv)[i] != fake_hv_slot(i);
	CHECK_EQ(guest_changed, 0);
	CHECK_EQ(slots_wrong, 0);
	CHECK(memcmp(fake_page(t.l2), guest_l2, PAGE_SIZE) == 0);   /* an ordinary L2 has none */
}

static void test_unpin_devalidates(void)
{
	fake_setup();
	struct tree t = pinned_tree();

	PUT(t.l3);
	uint32_t tables[] = { t.l3, t.l2, t.hv, t.l1a, t.l1b };
	for (unsigned i = 0; i < 5; i++) {
		EXPECT(tables[i], 1, FT_NONE, 0);
		CHECK_EQ(frame_table.f[tables[i]].type_info, 0);
	}
	EXPECT(t.d0, 1, FT_WRITABLE, 0);     /* remembered as writable */
	EXPECT(t.d1, 1, FT_NONE, 0);
	CHECK_EQ(fake_nr_released, 0);
	/* It validates again, to the same counts. */
	CHECK_RC(GET(t.l3, FT_L3), 0, "pinning again");
	EXPECT(t.l1b, 3, FT_L1, 1);
	EXPECT(t.d0, 3, FT_WRITABLE, 2);
}

static void test_unpin_frees_given_back_frames(void)
{
	fake_setup();
	uint32_t free_before = frame_table.nr_free;
	struct tree t = pinned_tree();

	give_back(t.d0);
	give_back(t.l1b);
	give_back(t.hv);
	give_back(t.l3);
	EXPECT(t.d0, 2, FT_WRITABLE, 2);
	EXPECT(t.l1b, 2, FT_L1, 1);
	EXPECT(t.hv, 1, FT_L2_HV, 1);
	EXPECT(t.l3, 1, FT_L3, 1);
	CHECK_EQ(fake_nr_released, 0);

	PUT(t.l3);
	CHECK_EQ(fake_nr_released, 4);
	uint32_t gone[] = { t.l3, t.hv, t.l1b, t.d0 };
	for (unsigned i = 0; i < 4; i++) {
		CHECK(fake_was_released(gone[i]));
		CHECK(frame_table.f[gone[i]].flags & FRAME_FREE);
	}
	EXPECT(t.l2, 1, FT_NONE, 0);
	EXPECT(t.l1a, 1, FT_NONE, 0);
	EXPECT(t.d1, 1, FT_NONE, 0);
	CHECK_EQ(frame_table.nr_free, free_before - 7 + 4);
}

/* ---- frames no entry may refer to ---- */

static void test_flush_before_writable_frame_changes_type(void)
{
	fake_setup();
	uint32_t a = fake_alloc(&dom), d = fake_alloc(&dom), e = fake_alloc(&dom);
	uint32_t g = fake_alloc(&dom);
	fake_page(a)[0] = PTE(d, L1_RW);
	fake_page(a)[1] = PTE(g, L1_RW);
	CHECK_RC(GET(a, FT_L1), 0, "an L1 with writable mappings");
	CHECK_RC(UPDATE(a, 0, 0), 0, "dropping the writable mapping of d");
	EXPECT(d, 1, FT_WRITABLE, 0);

	unsigned flushes = fake_flushes;
	fake_watch = d;
	CHECK_RC(GET(d, FT_L1), 0, "d as an L1");
	CHECK_EQ(fake_flushes, flushes + 1);
	CHECK_EQ(fake_watch_type_at_flush, FT_WRITABLE);     /* before it changed */
	PUT(d);
	flushes = fake_flushes;
	CHECK_RC(GET(d, FT_L1), 0, "d as an L1 again, never writable since");
	CHECK_EQ(fake_flushes, flushes);
	PUT(d);

	CHECK_RC(GET(e, FT_L1), 0, "a frame never mapped writable");
	CHECK_EQ(fake_flushes, flushes);

	CHECK_RC(UPDATE(a, 1, 0), 0, "dropping the writable mapping of g");
	CHECK_RC(UPDATE(a, 2, PTE(g, L1_RW)), 0, "writable again");
	CHECK_EQ(fake_flushes, flushes);     /* still writable: no flush needed */
	CHECK_RC(UPDATE(a, 2, 0), 0, "dropping it again");
	fake_watch = g;
	CHECK_RC(GET(g, FT_SEG_DESC), 0, "g as a descriptor page");
	CHECK_EQ(fake_flushes, flushes + 1);
	CHECK_EQ(fake_watch_type_at_flush, FT_WRITABLE);

	/* A descriptor page gone unused needs no flush to become a table. */
	PUT(g);
	EXPECT(g, 1, FT_SEG_DESC, 0);
	CHECK_RC(GET(g, FT_L1), 0, "g as an L1");
	CHECK_EQ(fake_flushes, flushes + 1);
}

/* ---- descriptor pages ---- */

/* A code segment, base 0, 4 KiB granular with limit field lim, at dpl. */
static void put_code_desc(uint32_t mfn, unsigned idx, uint32_t lim, unsigned dpl)
{
	uint32_t *w = (uint32_t *)fake_page(mfn);

	w[2 * idx] = lim & 0xffff;
	w[2 * idx + 1] = 0x00c09a00u | (lim & 0xf0000) | dpl << 13;
}

static void test_descriptor_pages(void)
{
	fake_setup();
	uint32_t d = fake_alloc(&dom), e = fake_alloc(&dom), f = fake_alloc(&dom);
	uint32_t *w;

	CHECK_RC(GET(d, FT_SEG_DESC), 0, "an empty descriptor page");
	EXPECT(d, 2, FT_SEG_DESC, 1);
	unsigned maps = fake_maps;
	CHECK_RC(GET(d, FT_SEG_DESC), 0, "a second reference");
	EXPECT(d, 3, FT_SEG_DESC, 2);
	CHECK_EQ(fake_maps, maps);           /* not scanned again */

	put_code_desc(e, 100, 0xfffff, 1);  /* flat: reaches the hole */
	remember();
	CHECK_RC(GET(e, FT_SEG_DESC), REFUSED, "a flat segment");
	COUNTS_UNCHANGED("a flat segment");
	EXPECT(e, 1, FT_NONE, 0);
	memset(fake_page(e), 0, PAGE_SIZE);
	put_code_desc(e, 511, 0xfffff, 3);  /* the very last descriptor */
	CHECK_RC(GET(e, FT_SEG_DESC), REFUSED, "a flat segment in the last slot");
	EXPECT(e, 1, FT_NONE, 0);
	memset(fake_page(e), 0, PAGE_SIZE);
	w = (uint32_t *)fake_page(e);
	w[7] = 0x00008900;                   /* an available 32-bit TSS */
	CHECK_RC(GET(e, FT_SEG_DESC), REFUSED, "a TSS");
	EXPECT(e, 1, FT_NONE, 0);

	put_code_desc(f, 5, 0xf57ff, 0);    /* up to the hole, at ring 0 */
	put_code_desc(f, 6, 0xf57ff, 3);
	CHECK_RC(GET(f, FT_SEG_DESC), 0, "DPL 0 and 3 below the hole");
	w = (uint32_t *)fake_page(f);
	CHECK_EQ(w[10], 0x57ff);
	CHECK_EQ(w[11], 0x00cfba00);         /* raised to DPL 1 */
	CHECK_EQ(w[13], 0x00cffa00);         /* DPL 3 stays */

	uint32_t foreign = fake_alloc(&other);
	CHECK_RC(GET(foreign, FT_SEG_DESC), REFUSED, "another domain's frame");
}

/* ---- frames the hypervisor writes ---- */

/* A hypervisor page lent to a domain, as frame_share() leaves it (the
 * shared info page): the domain may map it writable, but the hypervisor
 * keeps writing it behind the type system's back, so it must never become
 * a page table or a descriptor page. */
static void test_shared_frame_only_writable(void)
{
	fake_setup();
	uint32_t s = frame_alloc(&frame_table, DOMID_XEN);
	memset(fake_page(s), 0, PAGE_SIZE);
	struct frame *f = &frame_table.f[s];
	f->owner = dom.domid;
	f->flags |= FRAME_SHARED;
	f->count = 1;
	f->type_info = 0;

	uint32_t a = fake_alloc(&dom);
	fake_page(a)[0] = PTE(s, L1_RW);
	CHECK_RC(GET(a, FT_L1), 0, "mapping the shared frame writable");
	EXPECT(s, 2, FT_WRITABLE, 1);
	PUT(a);
	EXPECT(s, 1, FT_WRITABLE, 0);

	enum frame_type types[] = { FT_L1, FT_L2, FT_L2_HV, FT_L3, FT_SEG_DESC };
	for (unsigned i = 0; i < 5; i++) {
		remember();
		CHECK_RC(GET(s, types[i]), REFUSED, frame_type_name(types[i]));
		COUNTS_UNCHANGED("retyping the shared frame");
	}
	uint32_t l2 = fake_alloc(&dom);
	fake_page(l2)[0] = PTE(s, L2_E);
	remember();
	CHECK_RC(GET(l2, FT_L2), REFUSED, "an L2 naming the shared frame as its L1");
	COUNTS_UNCHANGED("an L2 naming the shared frame as its L1");
}

/* ---- counts that would overflow ---- */

static void test_counts_saturate(void)
{
	fake_setup();
	uint32_t x = fake_alloc(&dom), y = fake_alloc(&dom), d = fake_alloc(&dom);
	uint32_t z = fake_alloc(&dom);

	CHECK_RC(GET(x, FT_L1), 0, "an L1");
	frame_table.f[x].type_info = (FT_L1 << FT_TYPE_SHIFT) | FT_VALIDATED | FT_COUNT_MASK;
	fake_page(y)[0] = PTE(x, L2_E);
	remember();
	CHECK_RC(GET(y, FT_L2), REFUSED, "an L1 whose type count is full");
	UNCHANGED("an L1 whose type count is full");

	/* The last count is kept for a half-validated table's own reference. */
	frame_table.f[d].count = UINT32_MAX - 1;
	fake_page(z)[0] = PTE(d, L1_RO);
	remember();
	CHECK_RC(GET(z, FT_L1), REFUSED, "a frame whose count is full");
	UNCHANGED("a frame whose count is full");
	frame_table.f[d].count = UINT32_MAX - 2;
	CHECK_RC(GET(z, FT_L1), 0, "a frame one below a full count");
	EXPECT(d, UINT32_MAX - 1, FT_NONE, 0);
	PUT(z);

	frame_table.f[d].count = 1;
	frame_table.f[d].type_info = (FT_WRITABLE << FT_TYPE_SHIFT) | FT_COUNT_MASK;
	fake_page(z)[0] = PTE(d, L1_RW);
	remember();
	CHECK_RC(GET(z, FT_L1), REFUSED, "a writable frame whose type count is full");
	UNCHANGED("a writable frame whose type count is full");
}

/* ---- the rest of the interface ---- */

static void test_get_page(void)
{
	fake_setup();
	uint32_t mine = fake_alloc(&dom), theirs = fake_alloc(&other);

	CHECK(get_page(mine, &dom));
	EXPECT(mine, 2, FT_NONE, 0);
	put_page(mine);
	EXPECT(mine, 1, FT_NONE, 0);
	CHECK(!get_page(theirs, &dom));
	CHECK(get_page(theirs, &other));
	put_page(theirs);
	CHECK(!get_page(FAKE_FRAMES, &dom));
	CHECK(!get_page(0xffffffffu, &dom));
	CHECK(!get_page(FAKE_HOLE_START, &dom));
	CHECK(!get_page(0, &dom));
	CHECK_EQ(fake_nr_released, 0);
	give_back(mine);
	CHECK(fake_was_released(mine));
	CHECK(!get_page(mine, &dom));        /* free now */
}

static void test_type_names(void)
{
	CHECK_STR(frame_type_name(FT_NONE), "none");
	CHECK_STR(frame_type_name(FT_L1), "L1");
	CHECK_STR(frame_type_name(FT_L2), "L2");
	CHECK_STR(frame_type_name(FT_L3), "L3");
	CHECK_STR(frame_type_name(FT_WRITABLE), "writable");
	CHECK(strstr(frame_type_name(FT_L2_HV), "hypervisor") != NULL);
	CHECK(strstr(frame_type_name(FT_SEG_DESC), "descriptor") != NULL);
	CHECK_STR(frame_type_name((enum frame_type)7), "?");
	CHECK_STR(frame_type_name((enum frame_type)15), "?");
	CHECK_STR(frame_type_name((enum frame_type)-1), "?");
}

UNIT_MAIN(UNIT(test_valid_tree_counts), UNIT(test_hypervisor_slots_copied),
	  UNIT(test_unpin_devalidates), UNIT(test_unpin_frees_given_back_frames),
	  UNIT(test_flush_before_writable_frame_changes_type), UNIT(test_descriptor_pages),
	  UNIT(test_shared_frame_only_writable), UNIT(test_counts_saturate), UNIT(test_get_page),
	  UNIT(test_type_names))
