/* files write: creates, rewrites, appends, renames and unlinks under a
 * directory, then fsyncs each file and the directories and syncs. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "files.h"

static char buf[16384];

static void at(char *out, size_t size, const char *dir, const char *path)
{
	snprintf(out, size, "%s/%s", dir, path);
}

/* Writes bytes [off, off+len) of name's contents to path, opened with
 * flags; the file is fsynced when sync is set. */
static int put(const char *dir, const char *path, const char *name, unsigned seed,
	       size_t off, size_t len, int flags, int sync)
{
	char p[256];
	int fd, bad = 0;

	at(p, sizeof(p), dir, path);
	fd = open(p, O_WRONLY | flags, 0644);
	if (fd < 0) {
		printf("files: FAIL open %s: errno %d\n", p, errno);
		return -1;
	}
	while (len && !bad) {
		size_t n = len < sizeof(buf) ? len : sizeof(buf);
		contents(name, seed, off, buf, n);
		bad = write(fd, buf, n) != (ssize_t)n;
		off += n;
		len -= n;
	}
	if (!bad && sync)
		bad = fsync(fd) != 0;
	if (close(fd) != 0 || bad) {
		printf("files: FAIL writing %s: errno %d\n", p, errno);
		return -1;
	}
	return 0;
}

static int sync_dir(const char *dir, const char *path)
{
	char p[256];
	int fd, rc;

	at(p, sizeof(p), dir, path);
	fd = open(p, O_RDONLY);
	rc = fd >= 0 && fsync(fd) == 0 ? 0 : -1;
	if (fd >= 0)
		close(fd);
	if (rc)
		printf("files: FAIL fsync of the directory %s: errno %d\n", p, errno);
	return rc;
}

static int step(int ok, const char *what, const char *dir, const char *path)
{
	if (!ok)
		printf("files: FAIL %s %s/%s: errno %d\n", what, dir, path, errno);
	return ok ? 0 : -1;
}

int write_files(const char *dir, unsigned seed)
{
	char a[256], b[256];
	const int create = O_CREAT | O_TRUNC;
	int bad = 0;

	at(a, sizeof(a), dir, "docs");
	bad |= step(mkdir(a, 0755) == 0 || errno == EEXIST, "mkdir", dir, "docs");
	bad |= put(dir, "big.bin", "big", seed, 0, expected[0].len, create, 1);
	bad |= put(dir, "log.txt", "log", seed, 0, 2000, create, 1);
	bad |= put(dir, "log.txt", "log", seed, 2000, 1000, O_APPEND, 1);
	bad |= put(dir, "docs/notes.txt", "notes-old", seed, 0, 5000, create, 1);
	bad |= put(dir, "docs/notes.txt", "notes", seed, 0, 1500, O_TRUNC, 1);
	bad |= put(dir, "draft.txt", "final", seed, 0, 4096, create, 1);
	at(a, sizeof(a), dir, "draft.txt");
	at(b, sizeof(b), dir, "docs/final.txt");
	bad |= step(rename(a, b) == 0, "rename", dir, "draft.txt");
	bad |= put(dir, "scratch.txt", "scratch", seed, 0, 3000, create, 1);
	at(a, sizeof(a), dir, "scratch.txt");
	bad |= step(unlink(a) == 0, "unlink", dir, "scratch.txt");
	bad |= sync_dir(dir, "docs") | sync_dir(dir, ".");
	sync();
	if (!bad)
		printf("files: %s: %u files written, synced\n", dir, n_expected);
	return bad;
}

void write_unsynced(const char *dir)
{
	put(dir, "unsynced.txt", "unsynced", 1, 0, 50000, O_CREAT | O_TRUNC, 0);
	printf("files: %s/unsynced.txt written, not synced\n", dir);
}
