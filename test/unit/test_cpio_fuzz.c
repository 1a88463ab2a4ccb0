/* The cpio reader and the archive loader fed every truncation of a valid
 * archive, random bytes and mutated archives. They must never crash or
 * read outside the archive (AddressSanitizer watches: each input is an
 * exact-size heap copy), every entry reported must lie inside it, and the
 * loader must leave a tree that frees cleanly. */
#include "cpio_image.h"
#include "fakemem.h"
#include "miniguest/libc/ramfs.h"

static struct img im;
static size_t ends[16];          /* where each entry of the sample ends */
static unsigned nends;
static size_t trailer_end;       /* the trailer's header and name */

static bool is_result(int rc)
{
	return rc == 0 || rc == CPIO_EMAGIC || rc == CPIO_EFIELD || rc == CPIO_ETRUNC ||
	       rc == CPIO_ENOTRAILER;
}

/* Reads the whole archive, checking each entry; returns the final code. */
static int walk(const unsigned char *p, size_t len, unsigned *count)
{
	struct cpio_reader r;
	struct cpio_entry e;
	unsigned n = 0;
	int rc;

	cpio_begin(&r, p, len);
	while ((rc = cpio_next(&r, &e)) == 1) {
		const unsigned char *data = e.data;

		n++;
		CHECK_EQ(e.offset % 4, 0);
		CHECK((const unsigned char *)e.name == p + e.offset + CPIO_HEADER_LEN);
		CHECK(e.offset + CPIO_HEADER_LEN + e.namelen < len);
		CHECK_EQ(strlen(e.name), e.namelen);
		CHECK(data >= p && (size_t)(data - p) <= len && e.size <= len - (size_t)(data - p));
		CHECK(r.pos <= len && r.pos > e.offset);
	}
	CHECK(is_result(rc));
	CHECK(r.pos <= len);
	if (count)
		*count = n;
	return rc;
}

/* The loader over the same bytes, into a fresh tree. */
static int load(const unsigned char *p, size_t len)
{
	struct ramfs *fs = ramfs_new(NULL);
	struct ramfs_load_stats st;
	int rc = ramfs_load_cpio(fs, p, len, &st);

	CHECK(rc < 0 || (unsigned)rc == st.skipped);
	CHECK(rc >= 0 || st.bad_offset <= len);
	ramfs_free(fs);
	return rc;
}

static void entry(const struct ent *e)
{
	put_entry(&im, e);
	ends[nends++] = im.len;
}

/* Data sizes 0 to 7 cover every padding, hard links, a symbolic link and
 * a fifo (skipped) the loader's other paths. */
static void build_sample(void)
{
	memset(&im, 0, sizeof(im));
	nends = 0;
	entry(&(struct ent){ .name = ".", .mode = CPIO_S_IFDIR | 0755, .nlink = 3 });
	entry(&(struct ent){ .name = "bin", .mode = CPIO_S_IFDIR | 0755, .nlink = 2 });
	for (unsigned i = 0; i < 8; i++) {
		char name[16];

		snprintf(name, sizeof(name), "bin/f%u", i);
		entry(&(struct ent){ .name = name, .mode = CPIO_S_IFREG | 0644,
				     .data = "0123456789abcdef", .size = i, .nlink = 1, .ino = 10 + i });
	}
	entry(&(struct ent){ .name = "l1", .mode = CPIO_S_IFREG | 0644, .nlink = 2, .ino = 99 });
	entry(&(struct ent){ .name = "l2", .mode = CPIO_S_IFREG | 0644, .data = "linked",
			     .nlink = 2, .ino = 99 });
	entry(&(struct ent){ .name = "sym", .mode = CPIO_S_IFLNK | 0777, .data = "bin/f1" });
	entry(&(struct ent){ .name = "fifo", .mode = 0010000 | 0644 });
	trailer_end = im.len + CPIO_HEADER_LEN + sizeof("TRAILER!!!");
	put_trailer(&im);
}

static void test_every_truncation(void)
{
	build_sample();
	for (size_t cut = 0; cut <= im.len; cut++) {
		unsigned char *p = exact(&im, cut);
		unsigned n, whole = 0;
		int rc = walk(p, cut, &n);

		while (whole < nends && ends[whole] <= cut)
			whole++;
		if (cut >= trailer_end) {
			CHECK_EQ(rc, 0);
			CHECK_EQ(n, nends);
		} else {
			/* Cut on an entry's end: no trailer; elsewhere: truncated. */
			bool boundary = cut == 0 || (whole && ends[whole - 1] == cut);

			CHECK_EQ(rc, boundary ? CPIO_ENOTRAILER : CPIO_ETRUNC);
			CHECK_EQ(n, whole);
		}
		CHECK_EQ(load(p, cut), rc < 0 ? rc : 1);
		free(p);
	}
}

/* Random bytes, half of them starting with a newc magic and hex digits so
 * that the reader gets past the first check. */
static void test_random_bytes(void)
{
	static const char hex[] = "0123456789abcdefABCDEF";
	uint64_t st = 0x9e3779b97f4a7c15ull;
	unsigned char buf[512];

	for (int round = 0; round < 20000; round++) {
		size_t len = fuzz_next(&st) % sizeof(buf);
		bool newc = round & 1;

		for (size_t i = 0; i < len; i++) {
			uint64_t r = fuzz_next(&st);

			buf[i] = newc && (r & 7) ? (unsigned char)hex[(r >> 8) % 22] : (unsigned char)(r >> 16);
		}
		if (newc && len >= 6)
			memcpy(buf, round & 2 ? "070701" : "070702", 6);
		unsigned char *p = malloc(len ? len : 1);
		memcpy(p, buf, len);
		walk(p, len, NULL);
		load(p, len);
		free(p);
	}
}

/* A few bytes of the sample changed: to random bytes, to hex digits (which
 * keep headers parseable but change sizes and modes), or to extremes. */
static void test_mutations(void)
{
	static const char *const extremes[] = { "00000000", "FFFFFFFF", "FFFFFFFC", "7FFFFFFF",
						"80000000", "0000006E", "00000001", "0000FFFF" };
	uint64_t st = 0x0123456789abcdefull;

	build_sample();
	for (int round = 0; round < 20000; round++) {
		unsigned char *p = exact(&im, im.len);
		int changes = 1 + (int)(fuzz_next(&st) % 4);

		for (int i = 0; i < changes; i++) {
			uint64_t r = fuzz_next(&st);
			size_t at = (size_t)(r >> 16) % im.len;

			switch (r % 3) {
			case 0:
				p[at] = (unsigned char)(r >> 8);
				break;
			case 1:
				p[at] = (unsigned char)"0123456789abcdef"[(r >> 8) % 16];
				break;
			default:
				/* A whole field of some entry's header. */
				at = ends[(r >> 8) % nends] + 6 + 8 * ((r >> 24) % 13);
				if (at + 8 <= im.len)
					memcpy(p + at, extremes[(r >> 40) % 8], 8);
			}
		}
		walk(p, im.len, NULL);
		load(p, im.len);
		free(p);
	}
}

UNIT_MAIN(
	UNIT(test_every_truncation),
	UNIT(test_random_bytes),
	UNIT(test_mutations),
)
