/* Shorthands for the ramfs tests: a fresh tree per test with a steerable
 * clock, and one-line ways to make and read files. */
#ifndef RAMFS_TEST_H
#define RAMFS_TEST_H

#include <errno.h>
#include <stdlib.h>

#include "unit.h"
#include "miniguest/libc/ramfs.h"

static long clock_now;

static inline long test_clock(void)
{
	return clock_now;
}

static inline struct ramfs *fresh(void)
{
	clock_now = 1000;
	return ramfs_new(test_clock);
}

/* The node at path, or NULL. */
static inline struct ramfs_node *at(struct ramfs *fs, const char *path)
{
	struct ramfs_node *n;

	return ramfs_lookup(fs, path, &n) == 0 ? n : NULL;
}

static inline struct ramfs_info info_of(const struct ramfs_node *n)
{
	struct ramfs_info i;

	ramfs_info(n, &i);
	return i;
}

/* A file at path holding text; 0 or the error. */
static inline int make_file(struct ramfs *fs, const char *path, const char *text)
{
	struct ramfs_node *n;
	int rc = ramfs_create(fs, path, RAMFS_FILE, 0644, &n);

	if (rc == 0 && ramfs_write(fs, n, text, strlen(text), 0) != (long)strlen(text))
		rc = -1;
	return rc;
}

/* A file's whole content as a string (a static buffer), "<error>" if path
 * is not a file. */
static inline const char *content(struct ramfs *fs, const char *path)
{
	static char buf[256];
	struct ramfs_node *n = at(fs, path);
	long got = n ? ramfs_read(n, buf, sizeof(buf) - 1, 0) : -1;

	if (got < 0)
		return "<error>";
	buf[got] = '\0';
	return buf;
}

#endif
