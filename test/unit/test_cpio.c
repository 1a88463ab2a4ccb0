/* The cpio newc reader: well-formed archives, then each kind of damage. */
#include "cpio_image.h"

static struct img im;

/* Runs the reader over the first len bytes of im (an exact copy) and
 * returns the final result; *count gets the number of entries before it. */
static int parse(size_t len, int *count, size_t *pos)
{
	unsigned char *p = exact(&im, len);
	struct cpio_reader r;
	struct cpio_entry e;
	int rc, n = 0;

	cpio_begin(&r, p, len);
	while ((rc = cpio_next(&r, &e)) == 1)
		n++;
	if (count)
		*count = n;
	if (pos)
		*pos = r.pos;
	free(p);
	return rc;
}

static void reset(void)
{
	memset(&im, 0, sizeof(im));
}

static void test_entries(void)
{
	struct cpio_reader r;
	struct cpio_entry e;
	size_t second;

	reset();
	put_dir(&im, "etc");
	second = im.len;
	put_entry(&im, &(struct ent){ .name = "etc/motd", .mode = CPIO_S_IFREG | 0640,
				      .data = "hello\n", .ino = 0x1234abcd, .nlink = 1,
				      .mtime = 1700000000 });
	put_file(&im, "empty", "");
	put_trailer(&im);

	cpio_begin(&r, im.b, im.len);
	CHECK_EQ(cpio_next(&r, &e), 1);
	CHECK_STR(e.name, "etc");
	CHECK_EQ(e.namelen, 3);
	CHECK_EQ(e.mode, CPIO_S_IFDIR | 0755);
	CHECK_EQ(e.size, 0);
	CHECK_EQ(e.offset, 0);

	CHECK_EQ(cpio_next(&r, &e), 1);
	CHECK_STR(e.name, "etc/motd");
	CHECK_EQ(e.namelen, 8);
	CHECK_EQ(e.mode, CPIO_S_IFREG | 0640);
	CHECK_EQ(e.size, 6);
	CHECK(memcmp(e.data, "hello\n", 6) == 0);
	CHECK_EQ(e.ino, 0x1234abcd);
	CHECK_EQ(e.nlink, 1);
	CHECK_EQ(e.mtime, 1700000000);
	CHECK_EQ(e.offset, second);
	/* The name starts right after the header; data on a 4-byte boundary. */
	CHECK(e.name == (const char *)im.b + second + CPIO_HEADER_LEN);
	CHECK_EQ(((const unsigned char *)e.data - im.b) % 4, 0);

	CHECK_EQ(cpio_next(&r, &e), 1);
	CHECK_STR(e.name, "empty");
	CHECK_EQ(e.size, 0);

	CHECK_EQ(cpio_next(&r, &e), 0);
	CHECK_EQ(cpio_next(&r, &e), 0);
	CHECK_EQ(r.pos, im.len);
}

static void test_crc_magic_and_hex_case(void)
{
	struct cpio_reader r;
	struct cpio_entry e;

	reset();
	put_file(&im, "a", "xyz");
	memcpy(im.b, "070702", 6);
	/* A checksum that matches nothing: the "crc" variant's is ignored. */
	memcpy(field_at(&im, 0, 12), "DEADbeef", 8);
	memcpy(field_at(&im, 0, 0), "00abCDef", 8);
	put_trailer(&im);

	cpio_begin(&r, im.b, im.len);
	CHECK_EQ(cpio_next(&r, &e), 1);
	CHECK_EQ(e.ino, 0xabcdef);
	CHECK_EQ(e.size, 3);
	CHECK_EQ(cpio_next(&r, &e), 0);
}

static void test_bad_magic(void)
{
	static const char *const magics[] = { "070707", "070700", "070703", "07070X",
					      "170701", "\xc7\x71\x00\x00\x00\x00" };
	size_t second;
	int n;

	for (unsigned i = 0; i < sizeof(magics) / sizeof(magics[0]); i++) {
		reset();
		put_file(&im, "ok", "1");
		second = im.len;
		put_file(&im, "bad", "2");
		put_trailer(&im);
		memcpy(im.b + second, magics[i], 6);
		size_t pos;
		CHECK_EQ(parse(im.len, &n, &pos), CPIO_EMAGIC);
		CHECK_EQ(n, 1);
		CHECK_EQ(pos, second);
	}
}

/* A bad character in any digit of any field. */
static void test_non_hex_digits(void)
{
	static const char bad[] = { 'g', 'G', ' ', '-', '+', 'x', '\0', '\xff' };
	size_t second, pos;
	int n;

	for (unsigned field = 0; field < 13; field++) {
		for (unsigned digit = 0; digit < 8; digit++) {
			reset();
			put_dir(&im, "d");
			second = im.len;
			put_file(&im, "d/f", "data");
			put_trailer(&im);
			field_at(&im, second, field)[digit] = (unsigned char)bad[(field + digit) % sizeof(bad)];
			CHECK_EQ(parse(im.len, &n, &pos), CPIO_EFIELD);
			CHECK_EQ(n, 1);
			CHECK_EQ(pos, second);
		}
	}
}

/* An entry with a hand-made name field: namesize bytes of name. */
static int parse_named(const char *name, uint32_t namesize)
{
	reset();
	put_header(&im, "070701", &(struct ent){ .mode = CPIO_S_IFREG }, namesize, 0);
	put_bytes(&im, name, namesize);
	put_pad(&im);
	put_trailer(&im);
	return parse(im.len, NULL, NULL);
}

static void test_bad_names(void)
{
	CHECK_EQ(parse_named("abc", 3), CPIO_EFIELD);        /* no NUL */
	CHECK_EQ(parse_named("a\0bc", 5), CPIO_EFIELD);      /* NUL inside */
	CHECK_EQ(parse_named("", 0), CPIO_EFIELD);           /* not even the NUL */
	CHECK_EQ(parse_named("abc", 4), 0);                  /* for contrast */
	CHECK_EQ(parse_named("", 1), 0);                     /* empty is a name */
}

/* Name or data sizes pointing past the end, including ones that would wrap
 * 32-bit offsets. */
static void test_sizes_past_the_end(void)
{
	static const uint32_t sizes[] = { 200, 1000, 0x7fffffff, 0x80000000u, 0xfffffff0u,
					  0xfffffffcu, 0xffffffffu };
	char text[9];

	for (unsigned i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		snprintf(text, sizeof(text), "%08X", sizes[i]);
		for (unsigned field = 6; field <= 11; field += 5) {   /* filesize, namesize */
			size_t pos;

			reset();
			put_file(&im, "x", "abc");
			put_trailer(&im);
			memcpy(field_at(&im, 0, field), text, 8);
			CHECK_EQ(parse(im.len, NULL, &pos), CPIO_ETRUNC);
			CHECK_EQ(pos, 0);
		}
	}
}

static void test_truncated(void)
{
	size_t full, pos;
	int n;

	reset();
	put_file(&im, "a", "12345");
	full = im.len;
	put_trailer(&im);

	/* Inside the second header, inside the first's data, its padding. */
	CHECK_EQ(parse(full + 50, &n, &pos), CPIO_ETRUNC);
	CHECK_EQ(n, 1);
	CHECK_EQ(pos, full);
	CHECK_EQ(parse(CPIO_HEADER_LEN + 2 + 3, &n, &pos), CPIO_ETRUNC);
	CHECK_EQ(n, 0);
	CHECK_EQ(pos, 0);
	CHECK_EQ(parse(full - 1, &n, NULL), CPIO_ETRUNC);
	CHECK_EQ(parse(CPIO_HEADER_LEN - 1, &n, NULL), CPIO_ETRUNC);
	CHECK_EQ(parse(1, &n, NULL), CPIO_ETRUNC);
}

/* A writer that forgets to pad: the next header is not where it belongs. */
static void test_missing_padding(void)
{
	size_t second, pos;

	reset();
	put_header(&im, "070701", &(struct ent){ .mode = CPIO_S_IFREG }, 2, 1);
	put_bytes(&im, "a", 2);             /* 112 bytes: 0 padding needed... */
	put_bytes(&im, "z", 1);             /* ...but 1 byte of data wants 3 */
	second = im.len;
	put_file(&im, "b", "");
	put_trailer(&im);
	CHECK_EQ(parse(im.len, NULL, &pos), CPIO_EMAGIC);
	CHECK_EQ(pos, second + 3);
}

static void test_empty_and_no_trailer(void)
{
	struct cpio_reader r;
	struct cpio_entry e;
	size_t pos;
	int n;

	reset();
	CHECK_EQ(parse(0, &n, &pos), CPIO_ENOTRAILER);
	CHECK_EQ(n, 0);
	CHECK_EQ(pos, 0);
	cpio_begin(&r, NULL, 100);
	CHECK_EQ(cpio_next(&r, &e), CPIO_ENOTRAILER);

	put_dir(&im, "a");
	put_file(&im, "a/b", "bee");
	CHECK_EQ(parse(im.len, &n, &pos), CPIO_ENOTRAILER);
	CHECK_EQ(n, 2);
	CHECK_EQ(pos, im.len);
}

static void test_after_the_trailer(void)
{
	int n;

	/* Block padding or anything else after the trailer is not read. */
	reset();
	put_file(&im, "f", "1");
	put_trailer(&im);
	memset(im.b + im.len, 0xa5, 512);
	im.len += 512;
	CHECK_EQ(parse(im.len, &n, NULL), 0);
	CHECK_EQ(n, 1);

	/* A trailer with no padding after its name ends the archive too. */
	reset();
	put_file(&im, "f", "1");
	put_trailer(&im);
	CHECK_EQ(parse(im.len - 1, &n, NULL), 0);
	CHECK_EQ(n, 1);
}

static void test_errors_stick(void)
{
	struct cpio_reader r;
	struct cpio_entry e;

	reset();
	put_file(&im, "f", "1");
	memcpy(im.b, "QQQQQQ", 6);
	cpio_begin(&r, im.b, im.len);
	CHECK_EQ(cpio_next(&r, &e), CPIO_EMAGIC);
	memcpy(im.b, "070701", 6);
	CHECK_EQ(cpio_next(&r, &e), CPIO_EMAGIC);
	CHECK_EQ(r.pos, 0);
}

static void test_strerror(void)
{
	static const int codes[] = { 1, 0, CPIO_EMAGIC, CPIO_EFIELD, CPIO_ETRUNC,
				     CPIO_ENOTRAILER, -12345 };

	for (unsigned i = 0; i < sizeof(codes) / sizeof(codes[0]); i++)
		for (unsigned j = 0; j < i; j++)
			CHECK(strcmp(cpio_strerror(codes[i]), cpio_strerror(codes[j])) != 0);
	CHECK(strstr(cpio_strerror(CPIO_ENOTRAILER), "TRAILER!!!") != NULL);
}

UNIT_MAIN(
	UNIT(test_entries),
	UNIT(test_crc_magic_and_hex_case),
	UNIT(test_bad_magic),
	UNIT(test_non_hex_digits),
	UNIT(test_bad_names),
	UNIT(test_sizes_past_the_end),
	UNIT(test_truncated),
	UNIT(test_missing_padding),
	UNIT(test_empty_and_no_trailer),
	UNIT(test_after_the_trailer),
	UNIT(test_errors_stick),
	UNIT(test_strerror),
)
