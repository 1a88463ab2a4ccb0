/* The compute benchmark's workload (test/bench/compute/work.c) built for the
 * host: its known checksum is what any C implementation computes, not an
 * accident of the i686 builds, and it depends on the data it works on. */
#include "test/bench/compute/work.h"
#include "unit.h"

static void test_known_checksum(void)
{
	CHECK_EQ(compute_init(), 0);
	CHECK_EQ(compute_run(COMPUTE_ITERATIONS), COMPUTE_CHECKSUM);
}

/* compute_init starts afresh: the same run twice gives the same sum. */
static void test_repeatable(void)
{
	uint32_t first;

	compute_init();
	first = compute_run(100);
	compute_init();
	CHECK_EQ(compute_run(100), first);
	CHECK(compute_run(100) != first);       /* the state carried on */
}

static void test_corrupt_changes_sum(void)
{
	compute_init();
	compute_corrupt();
	CHECK(compute_run(COMPUTE_ITERATIONS) != COMPUTE_CHECKSUM);
}

static void test_iterations_matter(void)
{
	compute_init();
	CHECK(compute_run(COMPUTE_ITERATIONS - 1) != COMPUTE_CHECKSUM);
}

UNIT_MAIN(UNIT(test_known_checksum), UNIT(test_repeatable), UNIT(test_corrupt_changes_sum),
	  UNIT(test_iterations_matter))
