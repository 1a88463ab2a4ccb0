/* files readonly: on a read-only disk (disk=...:ro) every call that would
 * change the filesystem fails with EROFS, and what is there reads back. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "files.h"

static int bad;

static void refused(const char *what, int rc)
{
	int ok = rc < 0 && errno == EROFS;

	printf("files: %s %s: %s\n", ok ? "refused" : "FAIL", what,
	       rc < 0 ? (errno == EROFS ? "EROFS" : "another error") : "done");
	bad |= !ok;
}

/* The bytes in path (up to a buffer) and their hash, or -1. */
static long sum(const char *path, uint32_t *h)
{
	static char buf[4096];
	int fd = open(path, O_RDONLY);
	long n;

	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf));
	close(fd);
	if (n >= 0)
		*h = fnv1a(buf, (size_t)n);
	return n;
}

int readonly_files(const char *dir)
{
	char p[256], q[256];
	uint32_t before, after;
	long len;

	snprintf(p, sizeof(p), "%s/hello.txt", dir);
	snprintf(q, sizeof(q), "%s/new.txt", dir);
	len = sum(p, &before);
	printf("files: %s read: %ld bytes\n", p, len);
	bad |= len <= 0;
	refused("open for writing", open(p, O_WRONLY));
	refused("open to append", open(p, O_RDWR | O_APPEND));
	refused("create", open(q, O_WRONLY | O_CREAT, 0644));
	refused("truncate", truncate(p, 1));
	refused("mkdir", mkdir(q, 0755));
	refused("unlink", unlink(p));
	refused("rename", rename(p, q));
	bad |= sum(p, &after) != len || after != before;
	printf("files: %s %s\n", p, sum(p, &after) == len && after == before ? "unchanged" :
	       "FAIL changed");
	return bad;
}
