/* Writing cpio newc archives in a buffer, for the cpio and ramfs tests. */
#ifndef CPIO_IMAGE_H
#define CPIO_IMAGE_H

#include <stdlib.h>

#include "unit.h"
#include "miniguest/libc/cpio.h"

#define IMG_MAX 0x10000u

struct img {
	unsigned char b[IMG_MAX];
	size_t len;
};

/* One entry's header fields, the ones a test cares about. */
struct ent {
	const char *name;
	uint32_t mode;
	const char *data;      /* strlen(data) bytes, or size bytes if size set */
	uint32_t size;
	uint32_t ino, nlink, mtime;
};

static inline void put_bytes(struct img *im, const void *p, size_t n)
{
	memcpy(im->b + im->len, p, n);
	im->len += n;
}

static inline void put_pad(struct img *im)
{
	while (im->len & 3)
		im->b[im->len++] = 0;
}

/* A header with the given magic, name size and file size, then the name
 * (namesize bytes including its NUL) without padding. */
static inline void put_header(struct img *im, const char *magic, const struct ent *e,
			      uint32_t namesize, uint32_t size)
{
	char h[CPIO_HEADER_LEN + 1];

	snprintf(h, sizeof(h), "%s%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X",
		 magic, e->ino, e->mode, 0u, 0u, e->nlink, e->mtime, size,
		 0u, 0u, 0u, 0u, namesize, 0u);
	put_bytes(im, h, CPIO_HEADER_LEN);
}

static inline uint32_t ent_size(const struct ent *e)
{
	return e->size ? e->size : e->data ? (uint32_t)strlen(e->data) : 0;
}

/* A whole, well-formed entry. */
static inline void put_entry(struct img *im, const struct ent *e)
{
	uint32_t size = ent_size(e);

	put_header(im, "070701", e, (uint32_t)strlen(e->name) + 1, size);
	put_bytes(im, e->name, strlen(e->name) + 1);
	put_pad(im);
	if (size)
		put_bytes(im, e->data, size);
	put_pad(im);
}

static inline void put_trailer(struct img *im)
{
	put_entry(im, &(struct ent){ .name = "TRAILER!!!" });
}

/* Shorthands for the usual entries. */
static inline void put_dir(struct img *im, const char *name)
{
	put_entry(im, &(struct ent){ .name = name, .mode = CPIO_S_IFDIR | 0755, .nlink = 2 });
}

static inline void put_file(struct img *im, const char *name, const char *data)
{
	put_entry(im, &(struct ent){ .name = name, .mode = CPIO_S_IFREG | 0644,
				     .data = data, .nlink = 1 });
}

/* A malloc'd copy of exactly the image's bytes, so that AddressSanitizer
 * sees any read past its end. */
static inline unsigned char *exact(const struct img *im, size_t len)
{
	unsigned char *p = malloc(len ? len : 1);

	memcpy(p, im->b, len);
	return p;
}

/* A header field's text, for patching: field i (0 = ino ... 12 = check). */
static inline unsigned char *field_at(struct img *im, size_t entry, unsigned i)
{
	return im->b + entry + 6 + 8 * i;
}

#endif
