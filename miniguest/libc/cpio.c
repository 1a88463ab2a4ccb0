/* The newc reader. Lengths are compared against what remains of the
 * archive by subtraction, never by adding to an offset, so a field of
 * 0xffffffff cannot wrap a 32-bit size_t past the check. */
#include <string.h>

#include "cpio.h"

#define FIELD_LEN 8
#define TRAILER "TRAILER!!!"

/* Fields in header order, after the 6-byte magic. */
enum { F_INO, F_MODE, F_UID, F_GID, F_NLINK, F_MTIME, F_FILESIZE, F_DEVMAJOR,
       F_DEVMINOR, F_RDEVMAJOR, F_RDEVMINOR, F_NAMESIZE, F_CHECK, F_COUNT };

_Static_assert(6 + F_COUNT * FIELD_LEN == CPIO_HEADER_LEN, "newc header layout");

void cpio_begin(struct cpio_reader *r, const void *archive, size_t len)
{
	r->base = archive;
	r->len = archive ? len : 0;
	r->pos = 0;
	r->state = 0;
}

/* Exactly 8 hex digits, either case; nothing else (no sign, no space). */
static int hex_field(const unsigned char *p, uint32_t *out)
{
	uint32_t v = 0;

	for (int i = 0; i < FIELD_LEN; i++) {
		unsigned c = p[i], d;

		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else
			return -1;
		v = v << 4 | d;
	}
	*out = v;
	return 0;
}

/* Bytes needed after offset at to reach the next multiple of 4. */
static size_t pad4(size_t at)
{
	return (4 - (at & 3)) & 3;
}

static int fail(struct cpio_reader *r, int err)
{
	r->state = err;
	return err;
}

static int parse_header(const unsigned char *h, uint32_t f[F_COUNT])
{
	if (memcmp(h, "07070", 5) != 0 || (h[5] != '1' && h[5] != '2'))
		return CPIO_EMAGIC;
	for (int i = 0; i < F_COUNT; i++)
		if (hex_field(h + 6 + i * FIELD_LEN, &f[i]) < 0)
			return CPIO_EFIELD;
	return 0;
}

int cpio_next(struct cpio_reader *r, struct cpio_entry *e)
{
	uint32_t f[F_COUNT];
	size_t at = r->pos, left = r->len - r->pos, pad;
	const unsigned char *h;
	int rc;

	if (r->state != 0)
		return r->state < 0 ? r->state : 0;
	if (left == 0)
		return fail(r, CPIO_ENOTRAILER);
	if (left < CPIO_HEADER_LEN)
		return fail(r, CPIO_ETRUNC);
	h = r->base + at;       /* not before: base may be NULL when len is 0 */
	rc = parse_header(h, f);
	if (rc < 0)
		return fail(r, rc);

	left -= CPIO_HEADER_LEN;
	if (f[F_NAMESIZE] > left)
		return fail(r, CPIO_ETRUNC);
	const char *name = (const char *)h + CPIO_HEADER_LEN;
	size_t namelen = (size_t)f[F_NAMESIZE] - 1;
	/* The name size counts the NUL, which must come last and only there. */
	if (f[F_NAMESIZE] == 0 || name[namelen] != '\0' || memchr(name, '\0', namelen))
		return fail(r, CPIO_EFIELD);
	left -= f[F_NAMESIZE];
	at += CPIO_HEADER_LEN + f[F_NAMESIZE];

	if (namelen == sizeof(TRAILER) - 1 && memcmp(name, TRAILER, namelen) == 0) {
		/* What follows the trailer (block padding, usually) is not ours. */
		r->state = 1;
		r->pos = r->len;
		return 0;
	}

	pad = pad4(at);
	if (pad > left || f[F_FILESIZE] > left - pad)
		return fail(r, CPIO_ETRUNC);
	left -= pad + f[F_FILESIZE];
	at += pad + f[F_FILESIZE];
	/* The next header starts aligned; the trailer must still follow. */
	pad = pad4(at);
	if (pad > left)
		return fail(r, CPIO_ETRUNC);

	e->name = name;
	e->namelen = namelen;
	e->mode = f[F_MODE];
	e->size = f[F_FILESIZE];
	e->data = r->base + (at - f[F_FILESIZE]);
	e->ino = f[F_INO];
	e->nlink = f[F_NLINK];
	e->mtime = f[F_MTIME];
	e->devmajor = f[F_DEVMAJOR];
	e->devminor = f[F_DEVMINOR];
	e->offset = r->pos;
	r->pos = at + pad;
	return 1;
}

const char *cpio_strerror(int err)
{
	switch (err) {
	case 1: return "an entry";
	case 0: return "the end of the archive";
	case CPIO_EMAGIC: return "not a cpio newc header (magic 070701 or 070702)";
	case CPIO_EFIELD: return "a header field is not 8 hex digits, or the name is malformed";
	case CPIO_ETRUNC: return "the archive ends inside an entry";
	case CPIO_ENOTRAILER: return "the archive ends without a TRAILER!!! entry";
	default: return "not a cpio_next result";
	}
}
