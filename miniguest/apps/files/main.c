/* files: files that persist on the guest's disk. The libc mounts xvda at
 * /disk; "-m DEV:DIR" mounts another disk as well, and the command works
 * on /disk and each such DIR:
 *   files [-m DEV:DIR]... write [SEED]    create, rewrite, append, rename,
 *                                         unlink, mkdir; fsync; "synced"
 *   files [-m DEV:DIR]... linger [SEED]   write, then write more that is
 *                                         never synced and wait to be killed
 *   files [-m DEV:DIR]... check [SEED]    list and verify what write left
 *   files [-m DEV:DIR]... readonly        a read-only disk refuses changes */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#include "files.h"

#define DIRS_MAX 4

static int usage(void)
{
	printf("usage: files [-m DEV:DIR]... write|linger|check [SEED] | readonly\n");
	printf("Test result: FAILURE bad arguments\n");
	return 2;
}

int main(int argc, char **argv)
{
	const char *dirs[DIRS_MAX] = { "/disk" };
	unsigned n = 1, seed = 1;
	int i = 1, bad = 0;

	for (; i + 1 < argc && strcmp(argv[i], "-m") == 0 && n < DIRS_MAX; i += 2) {
		char *colon = strchr(argv[i + 1], ':');
		if (!colon || colon[1] != '/')
			return usage();
		*colon = '\0';
		if (miniguest_mount(colon + 1, argv[i + 1], 0) != 0) {
			printf("files: cannot mount %s at %s\n", argv[i + 1], colon + 1);
			return usage();
		}
		dirs[n++] = colon + 1;
	}
	if (i >= argc || argc > i + 2)
		return usage();
	if (i + 1 < argc)
		seed = (unsigned)strtoul(argv[i + 1], NULL, 0);
	const char *cmd = argv[i];
	int write = strcmp(cmd, "write") == 0 || strcmp(cmd, "linger") == 0;
	int ro = strcmp(cmd, "readonly") == 0;
	if (!write && !ro && strcmp(cmd, "check") != 0)
		return usage();
	for (unsigned d = 0; d < n; d++)
		bad |= write ? write_files(dirs[d], seed) :
		       ro ? readonly_files(dirs[d]) : check_files(dirs[d], seed);
	if (write && !bad)
		printf("files: synced\n");
	if (strcmp(cmd, "linger") == 0 && !bad) {
		for (unsigned d = 0; d < n; d++)
			write_unsynced(dirs[d]);
		for (;;)
			sleep(1);
	}
	for (unsigned d = 1; d < n; d++)
		if (miniguest_unmount(dirs[d]) != 0)
			bad = printf("files: FAIL unmounting %s\n", dirs[d]);
	printf("Test result: %s\n", bad ? "FAILURE" : "SUCCESS");
	return bad ? 1 : 0;
}
