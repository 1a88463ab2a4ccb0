/* The threads guest: pthread.h, signals, _setjmp and stdio locks, checked
 * area by area. With the argument "abort" it instead shows that abort()
 * ends the program even when a SIGABRT handler returns. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "threads_test.h"

int check_failures, check_count;

static void returns(int sig)
{
	printf("SIGABRT handler ran for signal %d\n", sig);
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "abort") == 0) {
		signal(SIGABRT, returns);
		abort();
	}
	test_pthreads();
	test_signals();
	test_stdio_locks();
	return check_finish();
}
