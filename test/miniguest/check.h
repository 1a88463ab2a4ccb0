/* Checks for miniguest test programs, XTF-style: each check prints one
 * line, the worst outcome wins, and the last line is the verdict
 * "Test result: SUCCESS|FAILURE" that test/run (and the Xen referee) read. */
#ifndef MG_TEST_CHECK_H
#define MG_TEST_CHECK_H

#include <stdio.h>
#include <stdlib.h>

extern int check_failures, check_count;

#define CHECK(cond, ...)                                                    \
	do {                                                                \
		check_count++;                                              \
		if (cond) {                                                 \
			printf("ok   ");                                    \
		} else {                                                    \
			check_failures++;                                   \
			printf("FAIL %s:%d: ", __FILE__, __LINE__);         \
		}                                                           \
		printf(__VA_ARGS__);                                        \
		printf("\n");                                               \
	} while (0)

/* Prints the verdict and returns main's result. */
static inline int check_finish(void)
{
	printf("%d checks, %d failed\n", check_count, check_failures);
	printf("Test result: %s\n", check_failures ? "FAILURE" : "SUCCESS");
	return check_failures ? 1 : 0;
}

#endif
