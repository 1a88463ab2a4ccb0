/* Reading cpio "newc" archives, the format of Linux initramfs images and of
 * `cpio -o -H newc`.
 *
 * Each entry is a 110-byte header of ASCII fields, the name with its NUL,
 * padding to a multiple of 4 bytes, the data, and padding again; the entry
 * named TRAILER!!! ends the archive. Headers start with "070701", or
 * "070702" for the "crc" variant whose checksum field is ignored here.
 *
 * The archive may come from anywhere, so nothing is trusted: every field
 * and every length is checked against the bytes actually present, and
 * nothing is read outside [archive, archive + len). */
#ifndef MINIGUEST_CPIO_H
#define MINIGUEST_CPIO_H

#include <errno.h>
#include <stddef.h>
#include <stdint.h>

#define CPIO_HEADER_LEN 110

/* File types in an entry's mode (fixed by the format, whatever the host's
 * <sys/stat.h> says). */
#define CPIO_S_IFMT  0170000u
#define CPIO_S_IFDIR 0040000u
#define CPIO_S_IFREG 0100000u
#define CPIO_S_IFLNK 0120000u

/* cpio_next's errors, errno values so that they read well in a log. */
#define CPIO_EMAGIC     (-EINVAL)   /* the header is not newc's */
#define CPIO_EFIELD     (-EBADMSG)  /* a field is not 8 hex digits, or the
				       name is not one NUL-terminated string */
#define CPIO_ETRUNC     (-ENODATA)  /* the archive ends inside an entry */
#define CPIO_ENOTRAILER (-ENOENT)   /* the archive ends without TRAILER!!! */

struct cpio_entry {
	const char *name;       /* NUL-terminated, inside the archive */
	size_t namelen;         /* without the NUL */
	uint32_t mode;          /* type (CPIO_S_IF*) and permission bits */
	uint32_t size;
	const void *data;       /* size bytes, inside the archive */
	uint32_t ino, nlink, mtime, devmajor, devminor;
	size_t offset;          /* of the entry's header in the archive */
};

struct cpio_reader {
	const unsigned char *base;
	size_t len;
	size_t pos;             /* the next header, or the bad one after an error */
	int state;              /* 0 while reading, 1 after the trailer, or the error */
};

void cpio_begin(struct cpio_reader *r, const void *archive, size_t len);

/* Returns 1 with the next entry in *e, 0 once the trailer is reached (and
 * ever after), or one of the CPIO_E* errors, with r->pos the offset of the
 * entry at fault (ever after, too). */
int cpio_next(struct cpio_reader *r, struct cpio_entry *e);

/* A short English description of a cpio_next result. */
const char *cpio_strerror(int err);

#endif
