/* The program every test project (CMake, autoconf, meson) builds: it
 * checks that the build system's feature tests, run against the SDK, found
 * what miniguest has and missed what it lacks, and that the static library
 * the project built is linked in. config.h comes from the build system. */
#include "config.h"
#include <string.h>
#include "check.h"
#include "tally.h"

int check_failures, check_count;

int main(int argc, char **argv)
{
	printf("built by %s\n", BUILD_SYSTEM);
	if (argc != 2) {
		printf("usage: %s WORDS\n", PROGRAM_NAME);
		return 2;
	}
	CHECK(strcmp(argv[0], PROGRAM_NAME) == 0, "argv[0] is the name the build gave the program (%s)",
	      argv[0]);
#ifdef HAVE_UNISTD_H
	CHECK(1, "the header check found unistd.h");
#else
	CHECK(0, "the header check did not find unistd.h");
#endif
#ifdef HAVE_SYS_EPOLL_H
	CHECK(0, "the header check found sys/epoll.h, which miniguest lacks");
#else
	CHECK(1, "the header check did not find sys/epoll.h");
#endif
#ifdef HAVE_STRTOD
	CHECK(1, "the function check found strtod");
#else
	CHECK(0, "the function check did not find strtod");
#endif
#ifdef HAVE_EPOLL_CREATE
	CHECK(0, "the function check found epoll_create, which miniguest lacks");
#else
	CHECK(1, "the function check did not find epoll_create");
#endif
	CHECK(SIZEOF_VOID_P == sizeof(void *), "the size check says a pointer is %d bytes",
	      (int)SIZEOF_VOID_P);
	CHECK(tally_words(argv[1]) == 4, "the library counts 4 words in '%s'", argv[1]);
	return check_finish();
}
