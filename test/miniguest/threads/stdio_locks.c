/* flockfile keeps a stream for one thread across blocking calls; popen
 * and system fail cleanly. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "../check.h"
#include "threads_test.h"

static volatile int other_has_it;

static void *grab(void *arg)
{
	(void)arg;
	flockfile(stdout);
	other_has_it = 1;
	funlockfile(stdout);
	return 0;
}

void test_stdio_locks(void)
{
	pthread_t t;

	flockfile(stdout);
	flockfile(stdout);
	CHECK(ftrylockfile(stdout) == 0, "flockfile is recursive");
	pthread_create(&t, 0, grab, 0);
	usleep(5000);
	CHECK(!other_has_it, "another thread waits for the stream while we sleep");
	funlockfile(stdout);
	funlockfile(stdout);
	funlockfile(stdout);
	pthread_join(t, 0);
	CHECK(other_has_it, "and gets it once we let go");

	CHECK(system(NULL) == 0, "system(NULL): no shell");
	errno = 0;
	CHECK(system("ls") == -1 && errno == ENOSYS, "system(\"ls\"): -1, ENOSYS");
	errno = 0;
	CHECK(popen("ls", "r") == NULL && errno == ENOSYS, "popen: NULL, ENOSYS");
}
