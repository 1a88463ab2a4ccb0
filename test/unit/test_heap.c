/* The heap over a host buffer, with a backer that can run out. */
#include <stdlib.h>
#include "unit.h"
#include "mm/heap.h"

#define PAGES 64

static uint8_t state[PAGES];
static uint16_t run[PAGES];
static uint8_t *region;
static struct heap h;
static int backed, backs_left;

static int back(void *ctx, uintptr_t va)
{
	(void)ctx;
	(void)va;
	if (backs_left == 0)
		return -1;
	if (backs_left > 0)
		backs_left--;
	backed++;
	return 0;
}

static void unback(void *ctx, uintptr_t va)
{
	(void)ctx;
	memset((void *)va, 0xdd, HEAP_PAGE);    /* catch use after free */
	backed--;
}

static void setup(void)
{
	if (!region)
		region = aligned_alloc(HEAP_PAGE, PAGES * HEAP_PAGE);
	backed = 0;
	backs_left = -1;
	heap_init(&h, (uintptr_t)region, PAGES, state, run, back, unback, NULL);
}

static void test_small_objects(void)
{
	setup();
	void *a = heap_alloc(&h, 1), *b = heap_alloc(&h, 16), *c = heap_alloc(&h, 17);
	CHECK(a && b && c);
	CHECK(a != b);
	CHECK_EQ((uintptr_t)a % 16, 0);
	CHECK_EQ((uintptr_t)c % 32, 0);
	CHECK_EQ(backed, 2);                       /* one page for 16s, one for 32s */
	memset(c, 1, 17);
	CHECK_EQ(heap_free(&h, a), 0);
	CHECK(heap_alloc(&h, 10) == a);            /* the slot is reused */
	CHECK_EQ(heap_free(&h, b), 0);
	CHECK_EQ(heap_free(&h, c), 0);
}

static void test_many_slots_fill_pages(void)
{
	setup();
	for (int i = 0; i < 256; i++)              /* 256 * 16 bytes = one page */
		CHECK(heap_alloc(&h, 16) != NULL);
	CHECK_EQ(backed, 1);
	CHECK(heap_alloc(&h, 16) != NULL);
	CHECK_EQ(backed, 2);
}

static void test_large_objects(void)
{
	setup();
	uint8_t *a = heap_alloc(&h, 2049);
	uint8_t *b = heap_alloc(&h, 3 * HEAP_PAGE + 1);
	CHECK(a && b);
	CHECK_EQ((uintptr_t)a % HEAP_PAGE, 0);
	CHECK_EQ(backed, 1 + 4);
	CHECK_EQ(h.pages_used, 5);
	memset(b, 7, 3 * HEAP_PAGE + 1);
	CHECK_EQ(heap_free(&h, b), 0);
	CHECK_EQ(backed, 1);
	CHECK_EQ(h.pages_used, 1);
	CHECK(heap_alloc(&h, 4 * HEAP_PAGE) == b);  /* first fit reuses the run */
}

static void test_bad_frees(void)
{
	setup();
	uint8_t *a = heap_alloc(&h, 64), *big = heap_alloc(&h, 3 * HEAP_PAGE);
	int x;
	CHECK_EQ(heap_free(&h, NULL), 0);
	CHECK_EQ(heap_free(&h, &x), -1);            /* not heap memory */
	CHECK_EQ(heap_free(&h, a + 8), -1);         /* inside a slot */
	CHECK_EQ(heap_free(&h, big + 16), -1);      /* inside a run */
	CHECK_EQ(heap_free(&h, big + HEAP_PAGE), -1);
	CHECK_EQ(heap_free(&h, region + 40 * HEAP_PAGE), -1);   /* never allocated */
	CHECK_EQ(heap_free(&h, region + PAGES * HEAP_PAGE), -1);
	CHECK_EQ(heap_free(&h, big), 0);
	CHECK_EQ(heap_free(&h, big), -1);           /* second free of a run */
}

static void test_exhaustion(void)
{
	setup();
	CHECK(heap_alloc(&h, 0) == NULL);
	CHECK(heap_alloc(&h, (PAGES + 1) * HEAP_PAGE) == NULL);
	CHECK(heap_alloc(&h, (size_t)1 << 31) == NULL);
	CHECK_EQ(backed, 0);
	void *all = heap_alloc(&h, PAGES * HEAP_PAGE);
	CHECK(all != NULL);
	CHECK(heap_alloc(&h, 1) == NULL);
	CHECK_EQ(heap_free(&h, all), 0);
	CHECK_EQ(backed, 0);
}

static void test_backer_failure_rolls_back(void)
{
	setup();
	backs_left = 2;
	CHECK(heap_alloc(&h, 4 * HEAP_PAGE) == NULL);
	CHECK_EQ(backed, 0);
	CHECK_EQ(h.pages_used, 0);
	backs_left = -1;
	CHECK(heap_alloc(&h, 4 * HEAP_PAGE) == region);
}

static void test_random_churn(void)
{
	void *live[200] = { 0 };
	size_t sizes[200] = { 0 };
	uint32_t seed = 12345;

	setup();
	for (int step = 0; step < 20000; step++) {
		seed = seed * 1103515245u + 12345u;
		int i = (seed >> 8) % 200;
		if (live[i]) {
			for (size_t k = 0; k < sizes[i]; k++)
				if (((uint8_t *)live[i])[k] != (uint8_t)i) {
					CHECK(!"heap object was overwritten");
					break;
				}
			CHECK_EQ(heap_free(&h, live[i]), 0);
			live[i] = NULL;
		} else {
			sizes[i] = 1 + (seed >> 16) % (seed & 1 ? 3000 : 200);
			live[i] = heap_alloc(&h, sizes[i]);
			if (live[i])
				memset(live[i], i, sizes[i]);
		}
	}
	for (int i = 0; i < 200; i++)
		CHECK_EQ(heap_free(&h, live[i]), 0);
}

UNIT_MAIN(UNIT(test_small_objects), UNIT(test_many_slots_fill_pages), UNIT(test_large_objects),
	  UNIT(test_bad_frees), UNIT(test_exhaustion), UNIT(test_backer_failure_rolls_back),
	  UNIT(test_random_churn))
