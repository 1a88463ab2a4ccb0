/* Machine-contiguous runs of free frames: found aligned, found across
 * calls with a small allowance, taken off the free lists whatever their
 * place in them, and the lists stay whole. */
#include "unit.h"
#include "frame_fixture.h"

static void setup_free(void)
{
	setup();
	frames_release(&ft, 48, NR);
	frames_release(&ft, 0, 40);       /* so frame_alloc starts at 0 */
}

/* Every free frame once on its list, and the back links agree. */
static uint32_t walk(void)
{
	uint32_t n = 0, prev = FRAME_NONE;
	for (uint32_t m = ft.free_head; m != FRAME_NONE && n <= NR; m = mem[m].next, n++) {
		CHECK(mem[m].flags & FRAME_FREE);
		CHECK_EQ(mem[m].prev, prev);
		prev = m;
	}
	CHECK_EQ(n, ft.nr_free);
	return n;
}

static uint32_t find(uint32_t order, uint32_t from)
{
	uint32_t at = from, left = 4 * NR;
	return frames_find_run(&ft, order, NR, &at, &left);
}

static void test_aligned_runs(void)
{
	setup_free();
	CHECK_EQ(find(3, 0), 0);
	CHECK_EQ(find(3, 8), 8);
	CHECK_EQ(find(3, 17), 16);            /* goes on with the run it stopped in */
	CHECK_EQ(find(4, 36), 48);            /* 32..47 runs into the hole */
	CHECK_EQ(find(5, 40), 0);             /* wraps: 32..63 has the hole */
	CHECK_EQ(find(6, 0), FRAME_NONE);
	CHECK_EQ(find(7, 0), FRAME_NONE);     /* larger than the table */
	CHECK_EQ(find(40, 0), FRAME_NONE);
	uint32_t at = 20, left = 4 * NR;               /* only below frame 24 */
	CHECK_EQ(frames_find_run(&ft, 3, 24, &at, &left), 16);
	CHECK_EQ(at, 24);
	CHECK_EQ(frames_find_run(&ft, 3, 24, &at, &left), 0);   /* wraps at 24 */
	at = 17, left = 4 * NR;
	CHECK_EQ(frames_find_run(&ft, 4, 24, &at, &left), 0);
	CHECK_EQ(frames_find_run(&ft, 5, 24, &at, &left), FRAME_NONE);
}

static void test_taken_frames_break_runs(void)
{
	setup_free();
	uint32_t a = frame_alloc(&ft, 1);     /* frame 0 */
	CHECK_EQ(a, 0);
	CHECK_EQ(find(2, 0), 4);
	CHECK_EQ(frames_take_run(&ft, 4, 2, 3), 0);
	for (uint32_t m = 4; m < 8; m++) {
		CHECK_EQ(mem[m].owner, 3);
		CHECK_EQ(mem[m].flags, FRAME_RAM);
		CHECK_EQ(mem[m].count, 0);
	}
	CHECK_EQ(walk(), 40 - 5 + 16);
	CHECK_EQ(find(2, 0), 8);
	CHECK_EQ(frames_take_run(&ft, 4, 2, 3), -1);   /* taken already */
	CHECK_EQ(frames_take_run(&ft, 2, 2, 3), -1);   /* not aligned */
	CHECK_EQ(frames_take_run(&ft, 36, 3, 3), -1);  /* the hole */
	CHECK_EQ(frames_take_run(&ft, 56, 4, 3), -1);  /* beyond the table */
	CHECK_EQ(walk(), 40 - 5 + 16);
	/* Back on the lists, they are found and handed out again. */
	for (uint32_t m = 4; m < 8; m++)
		CHECK_EQ(frame_free(&ft, m), 0);
	CHECK_EQ(walk(), 40 - 1 + 16);
	CHECK_EQ(find(2, 0), 4);
}

static void test_search_goes_on_where_it_stopped(void)
{
	setup_free();
	for (uint32_t m = 0; m < 20; m += 2)   /* every other frame below 20 taken */
		CHECK_EQ(frames_take_run(&ft, m, 0, 1), 0);
	uint32_t at = 0, calls = 0, run = FRAME_NONE;
	while (run == FRAME_NONE && calls < 100) {
		uint32_t left = 3;
		run = frames_find_run(&ft, 3, NR, &at, &left);
		calls++;
	}
	CHECK_EQ(run, 24);
	/* Within what it was allowed, 3 frames a call: one each for the
	 * runs at 0, 8 and 16, all 8 of the run at 24. */
	CHECK_EQ(calls, 4);
	CHECK_EQ(frames_take_run(&ft, run, 3, 1), 0);
	CHECK_EQ(walk(), 56 - 10 - 8);
}

static void test_everything_taken(void)
{
	setup_free();
	uint32_t n = 0;
	for (uint32_t r; (r = find(0, 0)) != FRAME_NONE && n <= NR; n++)
		CHECK_EQ(frames_take_run(&ft, r, 0, 1), 0);
	CHECK_EQ(n, 56);
	CHECK_EQ(ft.nr_free, 0);
	CHECK_EQ(ft.free_head, FRAME_NONE);
	CHECK_EQ(frame_alloc(&ft, 1), FRAME_NONE);
}

UNIT_MAIN(UNIT(test_aligned_runs), UNIT(test_taken_frames_break_runs),
	  UNIT(test_search_goes_on_where_it_stopped), UNIT(test_everything_taken))
