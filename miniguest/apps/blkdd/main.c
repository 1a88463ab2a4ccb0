/* A driver domain: blkback for the disks the toolstack gives it (disk=
 * words naming this domain as the backend). With crash=1 in its
 * environment it dies (a fault, as a buggy driver would) once a frontend
 * of its asks so in its device's test-crash-backend key: the test of a
 * backend that goes away under its frontend. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "blkif/blkif.h"
#include "kernel/thread.h"
#include "kernel/time.h"
#include "xenbus/xenbus.h"

#define SECOND 1000000000ull

/* Does a frontend of one of our devices ask us to crash? */
static bool asked(const char *base)
{
	static char fes[256], ns[256];
	char path[XENBUS_PATH * 2], fe_dir[XENBUS_PATH];
	if (xb_directory(base, fes, sizeof(fes)) < 0)
		return false;
	for (const char *fe = fes; *fe; fe += strlen(fe) + 1) {
		snprintf(path, sizeof(path), "%s/%s", base, fe);
		if (xb_directory(path, ns, sizeof(ns)) < 0)
			continue;
		for (const char *n = ns; *n; n += strlen(n) + 1) {
			snprintf(path, sizeof(path), "%s/%s/%s/frontend", base, fe, n);
			if (xb_read(path, fe_dir, sizeof(fe_dir)) < 0)
				continue;
			snprintf(path, sizeof(path), "%s/test-crash-backend", fe_dir);
			if (xb_read_num(path) == 1)
				return true;
		}
	}
	return false;
}

int main(void)
{
	const char *crash = getenv("crash");
	char base[XENBUS_PATH];
	if (blkback_start() < 0) {
		printf("blkdd: no store\n");
		return 1;
	}
	snprintf(base, sizeof(base), "/local/domain/%d/backend/vbd", xb_domid());
	printf("blkdd: serving disks\n");
	while (!crash || !asked(base))
		thread_sleep_ns(SECOND / 10);
	printf("blkdd: crashing now\n");
	*(volatile int *)0 = 1;
	return 1;
}
