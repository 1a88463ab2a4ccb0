/* A regular file's bytes: reading, writing with growth, truncating. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "ramfs_internal.h"

/* Checks that n holds data: directories and console nodes do not. */
static int data_node(const struct ramfs_node *n)
{
	if (n->type == RAMFS_DIR)
		return -EISDIR;
	return n->type == RAMFS_FILE ? 0 : -EINVAL;
}

/* Room for need bytes (need <= RAMFS_FILE_MAX). Capacity doubles so that
 * a file written in small pieces is not copied at every write; if the
 * doubled size cannot be had, the exact one may still be. */
static int reserve(struct ramfs_node *n, size_t need)
{
	size_t cap = n->u.file.cap ? n->u.file.cap : 64;
	unsigned char *p;

	if (need <= n->u.file.cap)
		return 0;
	while (cap < need)
		cap *= 2;
	if (cap > RAMFS_FILE_MAX)
		cap = RAMFS_FILE_MAX;
	p = realloc(n->u.file.data, cap);
	if (!p && cap > need) {
		cap = need;
		p = realloc(n->u.file.data, cap);
	}
	if (!p)
		return -ENOMEM;
	n->u.file.data = p;
	n->u.file.cap = cap;
	return 0;
}

long ramfs_read(const struct ramfs_node *n, void *buf, size_t len, size_t off)
{
	int rc = data_node(n);

	if (rc < 0)
		return rc;
	if (off >= n->u.file.size)
		return 0;
	if (len > n->u.file.size - off)
		len = n->u.file.size - off;
	memcpy(buf, n->u.file.data + off, len);
	return (long)len;
}

long ramfs_write(struct ramfs *fs, struct ramfs_node *n, const void *buf,
		 size_t len, size_t off)
{
	int rc = data_node(n);
	size_t size;

	if (rc < 0)
		return rc;
	if (len == 0)
		return 0;
	if (off >= RAMFS_FILE_MAX)
		return -EFBIG;
	if (len > RAMFS_FILE_MAX - off)
		len = RAMFS_FILE_MAX - off;
	rc = reserve(n, off + len);
	if (rc < 0)
		return rc;
	size = n->u.file.size;
	if (off > size)
		memset(n->u.file.data + size, 0, off - size);
	memcpy(n->u.file.data + off, buf, len);
	if (off + len > size)
		n->u.file.size = off + len;
	n->mtime = ramfs_now(fs);
	_Static_assert(RAMFS_FILE_MAX <= LONG_MAX, "a write's length fits a long");
	return (long)len;
}

int ramfs_truncate(struct ramfs *fs, struct ramfs_node *n, size_t size)
{
	int rc = data_node(n);
	size_t old;

	if (rc < 0)
		return rc;
	old = n->u.file.size;
	if (size > RAMFS_FILE_MAX)
		return -EFBIG;
	if (size == 0) {
		/* An emptied file gives its memory back. */
		free(n->u.file.data);
		n->u.file.data = NULL;
		n->u.file.cap = 0;
	} else if (size > old) {
		rc = reserve(n, size);
		if (rc < 0)
			return rc;
		memset(n->u.file.data + old, 0, size - old);
	}
	n->u.file.size = size;
	n->mtime = ramfs_now(fs);
	return 0;
}
