/* The page-type system (hv/arch/x86/pv/pagetype.c) under random operations
 * (test/unit/pagetype_ops.h says which and what the audit checks), from a
 * fixed pseudo-random stream. */
#include "unit.h"
#include "fakehv.h"
#include "pagetype_ops.h"

static uint64_t stream = 0x452821e638d01377ull;

static uint64_t next_random(void)
{
	return fuzz_next(&stream);
}

static void test_fuzz_random_operations(void)
{
	struct ops_stats s = { 0 };

	ops_rand = next_random;
	audit_errors = 0;
	for (unsigned run = 0; run < 20 && audit_errors == 0; run++) {
		ops_setup();
		for (unsigned op = 0; op < 3000 && audit_errors == 0; op++)
			ops_step(fuzz_next(&stream), &s);
		ops_finish(&s);
	}
	CHECK_EQ(audit_errors, 0);
	printf("# %u pins (%u of L3s), %u updates, %u frames released, %u slices, %u half "
	       "validations given up, %u grant mappings\n", s.pinned_ok, s.l3_pins, s.updated_ok,
	       s.released, s.slices, s.given_up, s.grant_maps);
	/* The walk went where it matters. */
	CHECK(s.pinned_ok > 1000);
	CHECK(s.l3_pins > 20);
	CHECK(s.updated_ok > 500);
	CHECK(s.released > 20);
	CHECK(s.slices > 100);
	CHECK(s.given_up > 5);
	CHECK(s.grant_maps > 100);
}

UNIT_MAIN(
	UNIT(test_fuzz_random_operations)
)
