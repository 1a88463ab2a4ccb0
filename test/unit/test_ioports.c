/* A domain's I/O ports (hv/physdev/ioports_add.c, ioports_parse.c): ranges
 * merge, stay sorted, are bounded in number; ioports= refuses bad syntax,
 * reversed and out-of-range ranges, and the hypervisor's own ports. */
#include "unit.h"
#include "physdev/physdev.h"
#include <string.h>

static int parse(const char *s, struct ioports *p, char *err)
{
	memset(p, 0, sizeof(*p));
	return ioports_parse(s, strlen(s), p, err, 160);
}

static void test_merge_and_order(void)
{
	struct ioports p = { 0 };

	CHECK_EQ(ioports_add(&p, 0x1f8, 0x1ff), 0);
	CHECK_EQ(ioports_add(&p, 0x100, 0x100), 0);
	CHECK_EQ(ioports_add(&p, 0x1f0, 0x1f7), 0);      /* touches: merges */
	CHECK_EQ(p.nr, 2);
	CHECK_EQ(p.r[0].first, 0x100);
	CHECK_EQ(p.r[1].first, 0x1f0);
	CHECK_EQ(p.r[1].last, 0x1ff);
	CHECK_EQ(ioports_add(&p, 0x101, 0x1ef), 0);      /* fills the gap */
	CHECK_EQ(p.nr, 1);
	CHECK_EQ(p.r[0].last, 0x1ff);
	CHECK_EQ(ioports_add(&p, 0, 0xffff), 0);
	CHECK_EQ(p.nr, 1);
	CHECK_EQ(p.r[0].first, 0);
	CHECK_EQ(p.r[0].last, 0xffff);
	CHECK_EQ(ioports_add(&p, 5, 4), -1);
}

static void test_bounded(void)
{
	struct ioports p = { 0 };

	for (unsigned i = 0; i < IOPORT_RANGES_MAX; i++)
		CHECK_EQ(ioports_add(&p, (uint16_t)(i * 4), (uint16_t)(i * 4)), 0);
	CHECK_EQ(ioports_add(&p, 0x1000, 0x1000), -1);
	CHECK_EQ(p.nr, IOPORT_RANGES_MAX);
	CHECK_EQ(ioports_add(&p, 1, 1), 0);               /* merges: no new slot */
	CHECK_EQ(ioports_add(&p, 0xffff, 0xffff), -1);
}

static void test_parse(void)
{
	struct ioports p;
	char err[160];

	CHECK_EQ(parse("0x1f0-0x1f7,0x3f6", &p, err), 0);
	CHECK_EQ(p.nr, 2);
	CHECK_EQ(p.r[1].first, 0x3f6);
	CHECK_EQ(p.r[1].last, 0x3f6);
	CHECK_EQ(parse("496-503", &p, err), 0);
	CHECK_EQ(p.r[0].first, 0x1f0);
	CHECK_EQ(parse("0x3f6,0x1f0-0x1f7,0xffff", &p, err), 0);
	CHECK_EQ(p.nr, 3);
	CHECK_EQ(p.r[0].first, 0x1f0);
}

static void test_parse_refusals(void)
{
	struct ioports p;
	char err[160];
	const char *bad[] = { "", ",", "0x1f0,", "0x1f7-0x1f0", "0x10000", "0-0x10000",
			      "x", "0x1f0-", "-5", "1--2", "0x3f0-0x3f8" };

	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		CHECK_EQ(parse(bad[i], &p, err), -1);
	CHECK_EQ(parse("0x3fd", &p, err), -1);
	CHECK(strstr(err, "0x3fd is the hypervisor's (the serial console)") != NULL);
	CHECK_EQ(parse("0,2,4,6,8,10,12,14,16,18,20,22,24,26,28,30,32", &p, err), -1);
	CHECK(strstr(err, "more than 16") != NULL);
}

UNIT_MAIN(UNIT(test_merge_and_order), UNIT(test_bounded), UNIT(test_parse),
	  UNIT(test_parse_refusals))
