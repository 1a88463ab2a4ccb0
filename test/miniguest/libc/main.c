/* The libc conformance guest: newlib over miniguest, checked area by area.
 * Booted with the arguments "-- alpha beta GREETING=hi" and files.cpio as
 * its module (test/miniguest/miniguest.tests). ROUNDS=N runs the areas N
 * times over, so that the domain can be ballooned while they run
 * (test/toolstack/toolstack.tests). */
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "libc_test.h"

int check_failures, check_count;

static void test_args(int argc, char **argv)
{
	const char *greeting = getenv("GREETING");

	CHECK(argc == 3, "argc is 3 (got %d)", argc);
	CHECK(argc > 0 && strcmp(argv[0], "libc") == 0, "argv[0] is the program's name");
	CHECK(argc > 2 && strcmp(argv[1], "alpha") == 0 && strcmp(argv[2], "beta") == 0,
	      "argv[1..2] are the command line's words");
	CHECK(argv[argc] == NULL, "argv ends with NULL");
	CHECK(greeting && strcmp(greeting, "hi") == 0, "NAME=value words go to the environment");
	CHECK(getenv("alpha") == NULL, "plain words do not");
}

static void test_areas(void)
{
	test_format();
	test_strings();
	test_memory();
	test_numbers();
	test_files();
	test_errno();
	test_time();
	test_threads();
	test_process();
}

int main(int argc, char **argv)
{
	const char *rounds = getenv("ROUNDS");
	long n = rounds ? strtol(rounds, NULL, 10) : 1;

	CHECK(n >= 1 && n <= 1000, "ROUNDS is 1 to 1000 (got %ld)", n);
	test_args(argc, argv);
	for (long r = 0; r < n; r++)
		test_areas();
	return check_finish();
}
