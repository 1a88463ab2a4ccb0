/* Which domain gets which initrd (hv/domain/module_initrd.c): an initrd
 * module belongs to the nearest module before it that makes a domain. The
 * modules are written as a string, one letter each: 'g' a guest, 'i' an
 * initrd. */
#include <stdbool.h>

#include "unit.h"
#include "domain/module_initrd.h"

#define MAX 16

static struct module_opts opts[MAX];
static int initrd_of[MAX];
static char err[160];

static int pair(const char *mods)
{
	unsigned n = (unsigned)strlen(mods);

	memset(opts, 0, sizeof(opts));
	for (unsigned i = 0; i < n; i++)
		opts[i].initrd = mods[i] == 'i';
	memset(initrd_of, 0x55, sizeof(initrd_of));     /* every entry must be set */
	memset(err, 0, sizeof(err));
	return module_initrds(opts, n, initrd_of, err, sizeof(err));
}

/* initrd_of as a string: '-' for none, else the initrd's index as a digit. */
static const char *pairs(unsigned n)
{
	static char s[MAX + 1];

	for (unsigned i = 0; i < n; i++)
		s[i] = initrd_of[i] < 0 ? '-' : (char)('0' + initrd_of[i]);
	s[n] = '\0';
	return s;
}

static void test_no_initrds(void)
{
	CHECK_EQ(pair(""), 0);
	CHECK_EQ(pair("g"), 0);
	CHECK_STR(pairs(1), "-");
	CHECK_EQ(pair("ggg"), 0);
	CHECK_STR(pairs(3), "---");
}

static void test_each_initrd_goes_to_the_guest_before_it(void)
{
	CHECK_EQ(pair("gi"), 0);
	CHECK_STR(pairs(2), "1-");
	CHECK_EQ(pair("gig"), 0);
	CHECK_STR(pairs(3), "1--");
	CHECK_EQ(pair("ggi"), 0);
	CHECK_STR(pairs(3), "-2-");
	CHECK_EQ(pair("gigigg"), 0);
	CHECK_STR(pairs(6), "1-3---");
	CHECK_EQ(pair("gggggggggggggggi"), 0);
	CHECK_EQ(initrd_of[14], 15);
	CHECK_EQ(initrd_of[13], -1);
	CHECK_EQ(initrd_of[15], -1);
}

static void test_initrd_first(void)
{
	CHECK_EQ(pair("i"), -1);
	CHECK(strstr(err, "module 1 is an initrd with no guest module before it"));
	CHECK_EQ(pair("ig"), -1);
	CHECK(strstr(err, "module 1 is an initrd"));
	CHECK_EQ(pair("iig"), -1);
	CHECK(strstr(err, "module 1 is an initrd"));
}

static void test_two_initrds_for_one_guest(void)
{
	CHECK_EQ(pair("gii"), -1);
	CHECK_STR(err, "modules 2 and 3 are both initrds of module 1; a domain has one "
		  "start_info module");
	CHECK_EQ(pair("ggiig"), -1);
	CHECK(strstr(err, "modules 3 and 4 are both initrds of module 2"));
	CHECK_EQ(pair("gigiii"), -1);
	CHECK(strstr(err, "modules 4 and 5 are both initrds of module 3"));
}

static void test_error_buffer(void)
{
	pair("gii");
	for (size_t size = 1; size < 12; size++) {
		char small[12];
		memset(small, 'x', sizeof(small));
		CHECK_EQ(module_initrds(opts, 3, initrd_of, small, size), -1);
		CHECK_EQ(strlen(small), size - 1);
	}
	CHECK_EQ(module_initrds(opts, 3, initrd_of, NULL, 0), -1);
}

UNIT_MAIN(
	UNIT(test_no_initrds),
	UNIT(test_each_initrd_goes_to_the_guest_before_it),
	UNIT(test_initrd_first),
	UNIT(test_two_initrds_for_one_guest),
	UNIT(test_error_buffer)
)
