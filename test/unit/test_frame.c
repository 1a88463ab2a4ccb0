/* The frame table and its allocator. */
#include "unit.h"
#include "frame_fixture.h"

static void test_starts_reserved(void)
{
	setup();
	CHECK_EQ(ft.nr_free, 0);
	CHECK_EQ(ft.nr_ram, 56);
	CHECK_EQ(mem[3].owner, DOMID_XEN);
	CHECK_EQ(frame_alloc(&ft, 1), FRAME_NONE);
}

static void test_release_and_alloc_in_order(void)
{
	setup();
	CHECK_EQ(frames_release(&ft, 10, 20), 0);
	CHECK_EQ(ft.nr_free, 10);
	for (uint32_t want = 10; want < 20; want++) {
		uint32_t mfn = frame_alloc(&ft, 7);
		CHECK_EQ(mfn, want);
		CHECK_EQ(mem[mfn].owner, 7);
		CHECK_EQ(mem[mfn].flags, FRAME_RAM);
	}
	CHECK_EQ(frame_alloc(&ft, 7), FRAME_NONE);
	CHECK_EQ(ft.nr_free, 0);
}

static void test_release_refuses_holes_and_free_frames(void)
{
	setup();
	CHECK_EQ(frames_release(&ft, 38, 42), -1);   /* runs into the hole */
	CHECK_EQ(ft.nr_free, 0);
	CHECK_EQ(frames_release(&ft, 30, 35), 0);
	CHECK_EQ(frames_release(&ft, 34, 36), -1);   /* 34 is already free */
	CHECK_EQ(ft.nr_free, 5);
	CHECK_EQ(frames_release(&ft, 5, 3), -1);
	CHECK_EQ(frames_release(&ft, 60, NR + 1), -1);
}

static void test_free_checks(void)
{
	setup();
	CHECK_EQ(frames_release(&ft, 0, 4), 0);
	uint32_t a = frame_alloc(&ft, DOMID_XEN);
	CHECK_EQ(frame_free(&ft, a), 0);
	CHECK_EQ(frame_free(&ft, a), -1);            /* double free */
	CHECK_EQ(frame_free(&ft, 44), -1);           /* not RAM */
	CHECK_EQ(frame_free(&ft, NR), -1);           /* beyond the table */
	CHECK_EQ(frame_free(&ft, 0xffffffffu), -1);
	a = frame_alloc(&ft, DOMID_XEN);
	mem[a].count = 1;
	CHECK_EQ(frame_free(&ft, a), -1);            /* still referenced */
	mem[a].count = 0;
	mem[a].type_info = (FT_L1 << FT_TYPE_SHIFT) | 1;
	CHECK_EQ(frame_free(&ft, a), -1);            /* still in use as a page table */
	CHECK_EQ(frame_type(&mem[a]), FT_L1);
	mem[a].type_info = 0;
	CHECK_EQ(frame_free(&ft, a), 0);
	CHECK_EQ(ft.nr_free, 4);
}

static void test_reserved_frames_never_handed_out(void)
{
	setup();
	CHECK_EQ(frames_release(&ft, 0, 10), 0);
	CHECK_EQ(frames_release(&ft, 20, 40), 0);
	CHECK_EQ(frames_release(&ft, 50, NR), 0);
	uint32_t mfn, n = 0;
	while ((mfn = frame_alloc(&ft, 1)) != FRAME_NONE) {
		CHECK(!(mfn >= 10 && mfn < 20));
		CHECK(!(mfn >= 40 && mfn < 50));
		n++;
	}
	CHECK_EQ(n, 10 + 20 + 14);
}

UNIT_MAIN(UNIT(test_starts_reserved), UNIT(test_release_and_alloc_in_order),
	  UNIT(test_release_refuses_holes_and_free_frames), UNIT(test_free_checks),
	  UNIT(test_reserved_frames_never_handed_out))
