/* Shorthands for the file-operation tests: a fresh filesystem and console
 * per test, and whole-file reads. */
#ifndef FS_TEST_H
#define FS_TEST_H

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>

#include "unit.h"
#include "fake_console.h"
#include "miniguest/libc/fd.h"
#include "miniguest/libc/fs_ops.h"

static inline void start(void)
{
	memset(&fake, 0, sizeof(fake));
	fake.now = 5000;
	CHECK_EQ(fs_init(NULL, 0, NULL), 0);
}

/* A file created with text in it. */
static inline void put(const char *path, const char *text)
{
	int fd = fs_open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	CHECK(fd >= 0);
	CHECK_EQ(fs_write(fd, text, strlen(text)), (long)strlen(text));
	CHECK_EQ(fs_close(fd), 0);
}

/* What fd reads from its position on, as a string (static buffer). */
static inline const char *slurp_fd(int fd)
{
	static char buf[512];
	long n, got = 0;

	while ((n = fs_read(fd, buf + got, sizeof(buf) - 1 - (size_t)got)) > 0)
		got += n;
	buf[got] = '\0';
	return n < 0 ? "<error>" : buf;
}

static inline const char *slurp(const char *path)
{
	int fd = fs_open(path, O_RDONLY, 0);
	const char *s;

	if (fd < 0)
		return "<no such file>";
	s = slurp_fd(fd);
	fs_close(fd);
	return s;
}

#endif
