/* pt_update_entry (hv/arch/x86/pv/pagetype.c): one entry of a page table
 * in use replaced, as mmu_update does it. The new entry takes its
 * references before the old one drops its own; a change of flags alone
 * keeps them; the hypervisor's slots and the tail of an L3 are not the
 * guest's; a refused update changes nothing. */
#include "unit.h"
#include "fakehv.h"
#include "pagetype_check.h"

static void test_update_moves_references(void)
{
	fake_setup();
	struct tree t = pinned_tree();
	uint32_t d2 = fake_alloc(&dom), l1c = fake_alloc(&dom), l2b = fake_alloc(&dom);

	CHECK_RC(UPDATE(t.l1a, 0, PTE(d2, L1_RW)), 0, "d0 -> d2, writable");
	CHECK_EQ(fake_page(t.l1a)[0], PTE(d2, L1_RW));
	EXPECT(d2, 2, FT_WRITABLE, 1);
	EXPECT(t.d0, 2, FT_WRITABLE, 1);
	CHECK_RC(UPDATE(t.l1a, 1, PTE(d2, L1_RO)), 0, "d1 -> d2, read-only");
	EXPECT(d2, 3, FT_WRITABLE, 1);
	EXPECT(t.d1, 2, FT_NONE, 0);
	CHECK_RC(UPDATE(t.l1a, 1, 0), 0, "clearing");
	EXPECT(d2, 2, FT_WRITABLE, 1);
	CHECK_EQ(fake_page(t.l1a)[1], 0);
	CHECK_RC(UPDATE(t.l1a, 1, 0x0123456789abcdeeull), 0, "not present: anything goes");
	EXPECT(d2, 2, FT_WRITABLE, 1);

	/* A new L1 under the L2 is validated; removing it devalidates it. */
	fake_page(l1c)[0] = PTE(t.d1, L1_RW);
	CHECK_RC(UPDATE(t.l2, 1, PTE(l1c, L2_E)), 0, "a new L1");
	EXPECT(l1c, 2, FT_L1, 1);
	EXPECT(t.d1, 3, FT_WRITABLE, 1);
	CHECK_RC(UPDATE(t.l2, 1, 0), 0, "removing the L1");
	EXPECT(l1c, 1, FT_NONE, 0);
	EXPECT(t.d1, 2, FT_WRITABLE, 0);

	/* A new L2 under the L3. */
	fake_page(l2b)[9] = PTE(l1c, L2_E);
	CHECK_RC(UPDATE(t.l3, 1, PTE(l2b, L3_E)), 0, "a new L2");
	EXPECT(l2b, 2, FT_L2, 1);
	EXPECT(l1c, 2, FT_L1, 1);
	CHECK_RC(UPDATE(t.l3, 1, PTE(t.l2, L3_E)), 0, "slot 1 -> the L2 of slot 0");
	EXPECT(l2b, 1, FT_NONE, 0);
	EXPECT(l1c, 1, FT_NONE, 0);
	EXPECT(t.l2, 3, FT_L2, 2);
	CHECK_EQ(fake_nr_released, 0);
}

static void test_update_same_frame_keeps_references(void)
{
	fake_setup();
	struct tree t = pinned_tree();
	unsigned maps;

	maps = fake_maps;
	CHECK_RC(UPDATE(t.l1a, 1, PTE(t.d1, L1_RO | PTE_A | PTE_PCD)), 0, "L1 flags");
	CHECK_EQ(fake_page(t.l1a)[1], PTE(t.d1, L1_RO | PTE_A | PTE_PCD));
	EXPECT(t.d1, 3, FT_NONE, 0);
	CHECK_RC(UPDATE(t.l1a, 0, PTE(t.d0, L1_RW | PTE_D | PTE_G)), 0, "L1 flags, writable");
	EXPECT(t.d0, 3, FT_WRITABLE, 2);
	CHECK_RC(UPDATE(t.l2, 0, PTE(t.l1a, PTE_P | PTE_A)), 0, "L2 flags");
	EXPECT(t.l1a, 2, FT_L1, 1);
	CHECK_RC(UPDATE(t.l3, 3, PTE(t.hv, L3_E | 0x400)), 0, "L3 flags");
	EXPECT(t.hv, 2, FT_L2_HV, 1);
	CHECK_EQ(fake_maps - maps, 4);       /* one map each: nothing revalidated */
	CHECK_EQ(fake_page(t.hv)[HOLE_FIRST_L2_SLOT], fake_hv_slot(HOLE_FIRST_L2_SLOT));
}

/* A not-present entry may hold any address; making it present with the
 * same address is not a change of flags: it takes its references then. */
static void test_update_making_present_takes_references(void)
{
	fake_setup();
	struct tree t = pinned_tree();
	uint32_t d2 = fake_alloc(&dom), l1c = fake_alloc(&dom);

	CHECK_RC(UPDATE(t.l1a, 5, PTE(d2, L1_RW) & ~PTE_P), 0, "d2, not present");
	EXPECT(d2, 1, FT_NONE, 0);
	CHECK_RC(UPDATE(t.l1a, 5, PTE(d2, L1_RW)), 0, "d2, present");
	EXPECT(d2, 2, FT_WRITABLE, 1);

	CHECK_RC(UPDATE(t.l1a, 6, PTE(t.l2, L1_RW) & ~PTE_P), 0, "the L2, not present");
	remember();
	CHECK_RC(UPDATE(t.l1a, 6, PTE(t.l2, L1_RW)), REFUSED, "the L2, present and writable");
	UNCHANGED("the L2, present and writable");

	fake_page(l1c)[0] = PTE(t.d1, L1_RW);
	CHECK_RC(UPDATE(t.l2, 3, PTE(l1c, L2_E) & ~PTE_P), 0, "an L1, not present");
	EXPECT(l1c, 1, FT_NONE, 0);
	CHECK_RC(UPDATE(t.l2, 3, PTE(l1c, L2_E)), 0, "an L1, present");
	EXPECT(l1c, 2, FT_L1, 1);
	EXPECT(t.d1, 4, FT_WRITABLE, 1);

	CHECK_RC(UPDATE(t.l3, 2, PTE(t.l2, 0)), 0, "the L2 in slot 2, not present");
	EXPECT(t.l2, 2, FT_L2, 1);
	CHECK_RC(UPDATE(t.l3, 2, PTE(t.l2, L3_E)), 0, "the L2 in slot 2, present");
	EXPECT(t.l2, 3, FT_L2, 2);
}

static void test_update_rw_changes_go_through_types(void)
{
	fake_setup();
	struct tree t = pinned_tree();

	CHECK_RC(UPDATE(t.l1a, 1, PTE(t.d1, L1_RW)), 0, "read-only -> writable");
	EXPECT(t.d1, 3, FT_WRITABLE, 1);
	CHECK_RC(UPDATE(t.l1a, 0, PTE(t.d0, L1_RO)), 0, "writable -> read-only");
	EXPECT(t.d0, 3, FT_WRITABLE, 1);
	CHECK_RC(UPDATE(t.l1b, 3, PTE(t.d0, L1_RO)), 0, "the last writable mapping");
	EXPECT(t.d0, 3, FT_WRITABLE, 0);

	remember();
	CHECK_RC(UPDATE(t.l1a, 2, PTE(t.l1b, L1_RW)), REFUSED,
		 "a page table read-only -> writable");
	UNCHANGED("a page table read-only -> writable");

	/* d0 is mapped read-only only: it may become a table now (after a
	 * flush, for it was writable). */
	unsigned flushes = fake_flushes;
	CHECK_RC(GET(t.d0, FT_L1), 0, "d0 as an L1 once nothing maps it writable");
	CHECK_EQ(fake_flushes, flushes + 1);
	remember();
	CHECK_RC(UPDATE(t.l1a, 0, PTE(t.d0, L1_RW)), REFUSED, "d0, now a table, writable again");
	UNCHANGED("d0, now a table, writable again");
}

static void test_update_refuses_hypervisor_slots_and_l3_tail(void)
{
	fake_setup();
	struct tree t = pinned_tree();
	uint32_t l1c = fake_alloc(&dom);

	remember();
	CHECK_RC(UPDATE(t.hv, HOLE_FIRST_L2_SLOT, 0), DENIED, "the first hypervisor slot");
	CHECK_RC(UPDATE(t.hv, 511, PTE(l1c, L2_E)), DENIED, "the last hypervisor slot");
	CHECK_RC(UPDATE(t.hv, 512, 0), DENIED, "past the L2_HV");
	CHECK_RC(UPDATE(t.hv, 0xffffffffu, 0), DENIED, "far past the L2_HV");
	CHECK_RC(UPDATE(t.l3, 4, PTE(t.l2, L3_E)), DENIED, "L3 entry 4");
	CHECK_RC(UPDATE(t.l3, 511, 0), DENIED, "L3 entry 511");
	CHECK_RC(UPDATE(t.l2, 512, 0), DENIED, "past an L2");
	CHECK_RC(UPDATE(t.l1a, 512, 0), DENIED, "past an L1");
	CHECK_RC(UPDATE(t.l1a, 0x80000000u, 0), DENIED, "far past an L1");
	UNCHANGED("updates outside the guest's entries");

	CHECK_RC(UPDATE(t.hv, HOLE_FIRST_L2_SLOT - 1, PTE(l1c, L2_E)), 0, "the last guest slot");
	CHECK_RC(UPDATE(t.l2, HOLE_FIRST_L2_SLOT, PTE(l1c, L2_E)), 0, "slot 428 of an ordinary L2");
	EXPECT(l1c, 3, FT_L1, 2);
}

static void test_update_needs_a_page_table_in_use(void)
{
	fake_setup();
	struct tree t = pinned_tree();
	uint32_t desc = fake_alloc(&dom), spare = fake_alloc(&dom);

	CHECK_RC(GET(desc, FT_SEG_DESC), 0, "a descriptor page");
	remember();
	CHECK_RC(UPDATE(t.d0, 0, 0), REFUSED, "a writable frame");
	CHECK_RC(UPDATE(t.d1, 0, 0), REFUSED, "a frame of no type");
	CHECK_RC(UPDATE(spare, 0, PTE(t.d1, L1_RO)), REFUSED, "an untouched frame");
	CHECK_RC(UPDATE(desc, 0, 0), REFUSED, "a descriptor page");
	CHECK_RC(UPDATE(1, 0, 0), REFUSED, "a hypervisor frame");
	UNCHANGED("updates of frames that are not page tables");

	PUT(t.l3);
	remember();
	CHECK_RC(UPDATE(t.l1a, 0, 0), REFUSED, "an L1 no longer in use");
	CHECK_RC(UPDATE(t.l3, 3, PTE(t.hv, L3_E)), REFUSED, "an L3 no longer in use");
	UNCHANGED("updates of tables no longer in use");
}

static void test_update_refused_keeps_old_entry(void)
{
	fake_setup();
	struct tree t = pinned_tree();
	uint32_t foreign = fake_alloc(&other);

	remember();
	CHECK_RC(UPDATE(t.l1a, 0, PTE(foreign, L1_RW)), REFUSED, "a foreign frame");
	CHECK_RC(UPDATE(t.l1a, 0, PTE(FAKE_FRAMES + 5, L1_RO)), REFUSED, "beyond the table");
	CHECK_RC(UPDATE(t.l2, 0, PTE(t.d0, L2_E)), REFUSED, "a writable frame as an L1");
	CHECK_RC(UPDATE(t.l3, 3, PTE(t.l2, L3_E)), REFUSED, "an ordinary L2 in slot 3");
	UNCHANGED("refused updates");
	CHECK_EQ(fake_page(t.l1a)[0], PTE(t.d0, L1_RW));
}

static void test_update_preserve_ad(void)
{
	fake_setup();
	struct tree t = pinned_tree();
	uint32_t d2 = fake_alloc(&dom);

	CHECK_RC(UPDATE_AD(t.l1b, 3, PTE(d2, L1_RW)), 0, "a new frame, keeping A and D");
	CHECK_EQ(fake_page(t.l1b)[3], PTE(d2, L1_RW | PTE_A | PTE_D));
	EXPECT(d2, 2, FT_WRITABLE, 1);
	EXPECT(t.d0, 2, FT_WRITABLE, 1);

	fake_page(t.l1a)[1] |= PTE_A;        /* as the CPU sets it */
	CHECK_RC(UPDATE_AD(t.l1a, 1, PTE(t.d1, L1_RO | PTE_PCD)), 0, "flags, keeping A");
	CHECK_EQ(fake_page(t.l1a)[1], PTE(t.d1, L1_RO | PTE_PCD | PTE_A));
	CHECK_RC(UPDATE(t.l1a, 1, PTE(t.d1, L1_RO)), 0, "flags, dropping A");
	CHECK_EQ(fake_page(t.l1a)[1], PTE(t.d1, L1_RO));
	EXPECT(t.d1, 3, FT_NONE, 0);
}

static void test_update_dropping_last_reference_devalidates(void)
{
	fake_setup();
	struct tree t = pinned_tree();

	give_back(t.d0);
	give_back(t.l1a);
	CHECK_RC(UPDATE(t.l2, 0, 0), 0, "unhooking L1a");
	CHECK(fake_was_released(t.l1a));
	EXPECT(t.d0, 1, FT_WRITABLE, 1);     /* L1b's mapping remains */
	EXPECT(t.l1b, 2, FT_L1, 1);          /* L1a's read-only mapping went */
	EXPECT(t.d1, 2, FT_NONE, 0);
	CHECK(!fake_was_released(t.d0));

	CHECK_RC(UPDATE(t.l1b, 3, 0), 0, "the last mapping of d0");
	CHECK(fake_was_released(t.d0));
	CHECK(frame_table.f[t.d0].flags & FRAME_FREE);
	CHECK_EQ(fake_nr_released, 2);
}

static void test_switching_slot3(void)
{
	fake_setup();
	struct tree t = pinned_tree();
	uint32_t hv2 = fake_alloc(&dom), l1c = fake_alloc(&dom);

	fake_page(hv2)[0] = PTE(l1c, L2_E);
	CHECK_RC(UPDATE(t.l3, 3, PTE(hv2, L3_E)), 0, "a new L2_HV in slot 3");
	EXPECT(hv2, 2, FT_L2_HV, 1);
	EXPECT(l1c, 2, FT_L1, 1);
	CHECK_EQ(fake_page(hv2)[511], fake_hv_slot(511));
	EXPECT(t.hv, 1, FT_NONE, 0);         /* the old one devalidated, */
	EXPECT(t.l1b, 2, FT_NONE, 0);        /* its L1 too (L1a still maps it read-only) */
	EXPECT(t.d0, 2, FT_WRITABLE, 1);
	EXPECT(t.d1, 2, FT_NONE, 0);
}

UNIT_MAIN(
	UNIT(test_update_moves_references),
	UNIT(test_update_same_frame_keeps_references),
	UNIT(test_update_making_present_takes_references),
	UNIT(test_update_rw_changes_go_through_types),
	UNIT(test_update_refuses_hypervisor_slots_and_l3_tail),
	UNIT(test_update_needs_a_page_table_in_use),
	UNIT(test_update_refused_keeps_old_entry),
	UNIT(test_update_preserve_ad),
	UNIT(test_update_dropping_last_reference_devalidates),
	UNIT(test_switching_slot3)
)
