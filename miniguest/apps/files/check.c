/* files check: lists a directory and verifies that the files a write made
 * are there whole (length and checksum), and that those it renamed or
 * unlinked are not. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "files.h"

static char got[16384], want[16384];

static void list(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (!d) {
		printf("files: FAIL opendir %s: errno %d\n", dir, errno);
		return;
	}
	while ((e = readdir(d)))
		printf("files: %s holds %s\n", dir, e->d_name);
	closedir(d);
}

/* 0 when path holds exactly e's contents; says what it found. */
static int verify(const char *dir, const struct expected *e, unsigned seed)
{
	char p[256];
	size_t off = 0, same = 1;
	uint32_t h = 2166136261u;
	ssize_t n;
	int fd;

	snprintf(p, sizeof(p), "%s/%s", dir, e->path);
	fd = open(p, O_RDONLY);
	if (fd < 0) {
		printf("files: FAIL %s: errno %d\n", p, errno);
		return -1;
	}
	while ((n = read(fd, got, sizeof(got))) > 0) {
		size_t k = (size_t)n;
		if (off + k <= e->len) {
			contents(e->name, seed, off, want, k);
			same &= memcmp(got, want, k) == 0;
		}
		for (size_t i = 0; i < k; i++)
			h = (h ^ (unsigned char)got[i]) * 16777619u;
		off += k;
	}
	close(fd);
	same &= n == 0 && off == e->len;
	printf("files: %s %s: %zu bytes, fnv1a %08lx\n", same ? "ok  " : "FAIL", p, off,
	       (unsigned long)h);
	return same ? 0 : -1;
}

int check_files(const char *dir, unsigned seed)
{
	struct stat st;
	char p[256];
	unsigned right = 0, total = n_expected + n_absent;

	list(dir);
	for (unsigned i = 0; i < n_expected; i++)
		right += verify(dir, &expected[i], seed) == 0;
	for (unsigned i = 0; i < n_absent; i++) {
		snprintf(p, sizeof(p), "%s/%s", dir, absent[i]);
		int gone = stat(p, &st) < 0 && errno == ENOENT;
		printf("files: %s %s is gone\n", gone ? "ok  " : "FAIL", p);
		right += gone;
	}
	printf("files: %s: %u of %u checks right\n", dir, right, total);
	return right == total ? 0 : -1;
}
