/* Validation and devalidation in slices: inside a hypercall the page-type
 * system stops once the budget is spent, leaves a table half validated (or
 * queued to be taken apart) and goes on when asked again. The counts at the
 * end must be exactly those of doing it all at once, whoever goes on. */
#include "unit.h"
#include "fakehv.h"
#include "pagetype_check.h"
#include "hypercall/budget.h"

#define NR_L1 20

struct wide {
	uint32_t l2, data, l1[NR_L1];
};

/* An L2 whose NR_L1 L1s each map one data frame 512 times. */
static struct wide build_wide(void)
{
	struct wide t = { .l2 = fake_alloc(&dom), .data = fake_alloc(&dom) };

	for (unsigned i = 0; i < NR_L1; i++) {
		t.l1[i] = fake_alloc(&dom);
		for (unsigned e = 0; e < 512; e++)
			fake_page(t.l1[i])[e] = PTE(t.data, L1_RO);
		fake_page(t.l2)[i] = PTE(t.l1[i], L2_E);
	}
	return t;
}

/* One turn of a hypercall. */
static int turn_get(uint32_t mfn, enum frame_type t)
{
	budget_start();
	int rc = GET(mfn, t);
	budget_stop();
	return rc;
}

static int turn_drain(void)
{
	budget_start();
	int rc = pt_devalidate_queued(&dom);
	budget_stop();
	return rc;
}

static void expect_validated(const struct wide *t)
{
	EXPECT(t->l2, 2, FT_L2, 1);
	EXPECT(t->data, 1 + NR_L1 * 512, FT_NONE, 0);
	for (unsigned i = 0; i < NR_L1; i++)
		EXPECT(t->l1[i], 2, FT_L1, 1);
}

static void test_validation_goes_on_where_it_stopped(void)
{
	fake_setup();
	struct wide t = build_wide();
	unsigned turns = 1;
	int rc;

	while ((rc = turn_get(t.l2, FT_L2)) == -XEN_ERESTART && turns < 100) {
		/* Half validated: not in use, so it cannot be changed. */
		CHECK_RC(UPDATE(t.l2, 0, 0), REFUSED, "changing a half-validated table");
		CHECK_RC(GET(t.l2, FT_L1), REFUSED, "a half-validated L2 as an L1");
		turns++;
	}
	CHECK_RC(rc, 0, "an L2 over 10,240 entries, turn after turn");
	CHECK(turns >= NR_L1 * 512 / HYPERCALL_BUDGET);
	expect_validated(&t);
	/* Outside a hypercall the same tree goes at once. */
	PUT(t.l2);
	EXPECT(t.data, 1, FT_NONE, 0);
	CHECK_RC(GET(t.l2, FT_L2), 0, "the same tree, unbudgeted");
	expect_validated(&t);
}

static void test_taking_apart_in_slices(void)
{
	fake_setup();
	struct wide t = build_wide();

	CHECK_RC(GET(t.l2, FT_L2), 0, "the tree");
	budget_start();
	PUT(t.l2);
	/* Queued, and kept by the queue: its entries still hold theirs. */
	CHECK_RC(GET(t.l2, FT_L1), -XEN_ERESTART, "a queued table as another type");
	budget_stop();
	EXPECT(t.l2, 2, FT_L2, 0);
	CHECK_EQ(dom.devalidate_nr, 1);
	unsigned turns = 1;
	while (turn_drain() == -XEN_ERESTART && turns < 100)
		turns++;
	CHECK(turns > 1);
	CHECK_EQ(dom.devalidate_nr, 0);
	EXPECT(t.l2, 1, FT_NONE, 0);
	EXPECT(t.data, 1, FT_NONE, 0);
	for (unsigned i = 0; i < NR_L1; i++)
		EXPECT(t.l1[i], 1, FT_NONE, 0);
	CHECK_EQ(fake_nr_released, 0);
}

/* Whoever asks for the type next goes on with it, and holds it after. */
static void test_another_caller_goes_on(void)
{
	fake_setup();
	struct wide t = build_wide();
	uint32_t l3 = fake_alloc(&dom), hv = fake_alloc(&dom);

	CHECK_RC(turn_get(t.l2, FT_L2), -XEN_ERESTART, "the first slice");
	fake_page(l3)[0] = PTE(t.l2, L3_E);
	fake_page(l3)[3] = PTE(hv, L3_E);
	int rc;
	unsigned turns = 0;
	while ((rc = turn_get(l3, FT_L3)) == -XEN_ERESTART && turns < 100)
		turns++;
	CHECK_RC(rc, 0, "an L3 whose L2 was half validated");
	EXPECT(t.l2, 2, FT_L2, 1);           /* the L3's entry holds it, once */
	EXPECT(l3, 2, FT_L3, 1);
	PUT(l3);
	EXPECT(t.l2, 1, FT_NONE, 0);
	EXPECT(t.data, 1, FT_NONE, 0);
}

/* A refusal found in a later slice undoes the earlier slices too (what
 * they validated is queued, and taken apart like any table let go of). */
static void test_refusal_in_a_later_slice(void)
{
	fake_setup();
	struct wide t = build_wide();
	uint32_t theirs = fake_alloc(&other);

	fake_page(t.l1[NR_L1 - 1])[511] = PTE(theirs, L1_RO);
	remember();
	int rc;
	unsigned turns = 0;
	while ((rc = turn_get(t.l2, FT_L2)) == -XEN_ERESTART && turns < 100)
		turns++;
	CHECK_RC(rc, REFUSED, "a tree with another domain's frame in its last L1");
	CHECK(turns > 0);
	/* The L1s it had validated are queued to be taken apart. */
	turns = 0;
	while (turn_drain() == -XEN_ERESTART && turns < 100)
		turns++;
	UNCHANGED("a tree refused in its last slice, once its queue is drained");
}

UNIT_MAIN(UNIT(test_validation_goes_on_where_it_stopped), UNIT(test_taking_apart_in_slices),
	  UNIT(test_another_caller_goes_on), UNIT(test_refusal_in_a_later_slice))
