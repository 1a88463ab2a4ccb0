/* A domain's pirq table (hv/physdev/pirq_table.c): pirqs chosen and asked
 * for, a line mapped once, numbers and lines out of range (also ones that
 * would wrap in 32 bits), a full table, and a random walk that keeps every
 * line mapped to one pirq and every pirq to one line. */
#include "unit.h"
#include "physdev/pirq.h"
#include "pvabi/errno.h"
#include <stdlib.h>

static void test_choose_and_ask(void)
{
	struct pirq_table t = { 0 };

	CHECK_EQ(pirq_table_map(&t, -1, 21), 21);            /* the line's own number */
	CHECK_EQ(pirq_table_map(&t, -1, 21), 21);            /* again: the same */
	CHECK_EQ(pirq_table_map(&t, 21, 21), 21);
	CHECK_EQ(pirq_table_map(&t, 5, 21), -XEN_EEXIST);    /* another pirq, same line */
	CHECK_EQ(pirq_table_map(&t, 21, 16), -XEN_EEXIST);   /* the pirq, another line */
	CHECK_EQ(pirq_table_map(&t, 200, 16), 200);
	CHECK_EQ(pirq_table_map(&t, -1, 17), 17);
	CHECK(pirq_lookup(&t, 200) && pirq_lookup(&t, 200)->gsi == 16);
	CHECK(pirq_of_gsi(&t, 21) && pirq_of_gsi(&t, 21)->pirq == 21);
	CHECK(!pirq_lookup(&t, 22));
	CHECK(!pirq_of_gsi(&t, 22));
}

static void test_own_number_taken(void)
{
	struct pirq_table t = { 0 };

	CHECK_EQ(pirq_table_map(&t, 20, 16), 20);
	CHECK_EQ(pirq_table_map(&t, -1, 20), 0);             /* 20 taken: the lowest free */
	CHECK_EQ(pirq_table_map(&t, -1, 30), 30);
	CHECK_EQ(pirq_table_map(&t, 0, 31), -XEN_EEXIST);  /* 0 maps line 20 */
}

static void test_out_of_range(void)
{
	struct pirq_table t = { 0 };

	CHECK_EQ(pirq_table_map(&t, PIRQS_NR, 16), -XEN_EINVAL);
	CHECK_EQ(pirq_table_map(&t, -2, 16), -XEN_EINVAL);
	CHECK_EQ(pirq_table_map(&t, (int64_t)1 << 32, 16), -XEN_EINVAL);
	CHECK_EQ(pirq_table_map(&t, INT64_MIN, 16), -XEN_EINVAL);
	CHECK_EQ(pirq_table_map(&t, -1, GSI_MAX), -XEN_EINVAL);
	CHECK_EQ(pirq_table_map(&t, -1, 0xffffffffu), -XEN_EINVAL);
	CHECK(!pirq_lookup(&t, PIRQS_NR));
	CHECK(!pirq_lookup(&t, 0xffffffffu));
	for (unsigned i = 0; i < PIRQ_MAPS_MAX; i++)
		CHECK(!(t.m[i].flags & PIRQ_USED));
}

static void test_full(void)
{
	struct pirq_table t = { 0 };

	for (uint32_t g = 0; g < PIRQ_MAPS_MAX; g++)
		CHECK_EQ(pirq_table_map(&t, -1, g), (int)g);
	CHECK_EQ(pirq_table_map(&t, -1, PIRQ_MAPS_MAX), -XEN_ENOSPC);
	CHECK_EQ(pirq_table_map(&t, 99, PIRQ_MAPS_MAX), -XEN_ENOSPC);
	CHECK_EQ(pirq_table_map(&t, -1, 3), 3);              /* mapped ones still answer */
	t.m[4].flags = 0;                                    /* one let go */
	CHECK_EQ(pirq_table_map(&t, 99, PIRQ_MAPS_MAX), 99);
}

static void test_random_walk(void)
{
	struct pirq_table t = { 0 };

	srand(14);
	for (unsigned step = 0; step < 100000; step++) {
		int64_t want = rand() % 3 ? rand() % 300 - 2 : -1;
		uint32_t gsi = (uint32_t)(rand() % (GSI_MAX + 4));
		if (rand() % 4 == 0) {
			struct pirq_map *m = pirq_of_gsi(&t, gsi);
			if (m)
				m->flags = 0;
			continue;
		}
		int rc = pirq_table_map(&t, want, gsi);
		if (rc >= 0) {
			CHECK(rc < PIRQS_NR);
			CHECK(want == -1 || want == rc);
			CHECK(pirq_lookup(&t, (uint32_t)rc) == pirq_of_gsi(&t, gsi));
		}
		for (unsigned i = 0; i < PIRQ_MAPS_MAX; i++)
			for (unsigned j = i + 1; j < PIRQ_MAPS_MAX; j++)
				if ((t.m[i].flags & t.m[j].flags & PIRQ_USED))
					CHECK(t.m[i].pirq != t.m[j].pirq && t.m[i].gsi != t.m[j].gsi);
	}
}

UNIT_MAIN(UNIT(test_choose_and_ask), UNIT(test_own_number_taken), UNIT(test_out_of_range),
	  UNIT(test_full), UNIT(test_random_walk))
