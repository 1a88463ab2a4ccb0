/* The command-line tokenizer, its checker and number parsers. */
#include <stdlib.h>

#include "unit.h"
#include "boot/cmdline.h"

/* Render every option of cl as "key[=val]|..." for easy comparison. */
static const char *options(const char *cl)
{
	static char buf[512];
	struct cmdline_opt o;
	size_t n = 0;

	buf[0] = '\0';
	for (const char *p = cl; (p = cmdline_next(p, &o));) {
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%.*s", (int)o.keylen, o.key);
		if (o.val)
			n += (size_t)snprintf(buf + n, sizeof(buf) - n, "=%.*s", (int)o.vallen, o.val);
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, "|");
	}
	return buf;
}

static void test_tokens(void)
{
	CHECK_STR(options("console=com1 loglvl=debug noreboot"), "console=com1|loglvl=debug|noreboot|");
	CHECK_STR(options("  a\tb=c   d  "), "a|b=c|d|");
	CHECK_STR(options(""), "");
	CHECK_STR(options(" \t "), "");
	CHECK_STR(options("a=b=c"), "a=b=c|");
	CHECK_STR(options("=x k= ="), "=x|k=|=|");
	CHECK_STR(options("x -- y=1 z"), "x|");
	CHECK_STR(options("-- y"), "");
	CHECK_STR(options("a=-- --- --b -x"), "a=--|---|--b|-x|");
	CHECK_STR(options("a --"), "a|");
	CHECK(cmdline_next(NULL, NULL) == NULL);
}

static void test_option_fields(void)
{
	const char *cl = "mem=64M quiet =v k=";
	struct cmdline_opt o;
	const char *p;

	p = cmdline_next(cl, &o);
	CHECK(p == cl + 7);
	CHECK(o.key == cl);
	CHECK_EQ(o.keylen, 3);
	CHECK(o.val == cl + 4);
	CHECK_EQ(o.vallen, 3);

	p = cmdline_next(p, &o);
	CHECK(p == cl + 13);
	CHECK_EQ(o.keylen, 5);
	CHECK(o.val == NULL);
	CHECK_EQ(o.vallen, 0);

	p = cmdline_next(p, &o);
	CHECK_EQ(o.keylen, 0);
	CHECK_EQ(o.vallen, 1);

	/* "k=" has a value, just an empty one. */
	p = cmdline_next(p, &o);
	CHECK(p == cl + strlen(cl));
	CHECK(o.val != NULL);
	CHECK_EQ(o.vallen, 0);
	CHECK(cmdline_next(p, &o) == NULL);
}

static void test_rest(void)
{
	const char *cl = "loglvl=info -- hello.elf  arg1 -- arg2";

	CHECK_STR(cmdline_rest(cl), "hello.elf  arg1 -- arg2");
	CHECK_STR(cmdline_rest("--"), "");
	CHECK_STR(cmdline_rest("a -- \t "), "");
	CHECK_STR(cmdline_rest("--\tx"), "x");
	CHECK(cmdline_rest("a b=c") == NULL);
	CHECK(cmdline_rest("a --b c--") == NULL);
	CHECK(cmdline_rest("a=-- b") == NULL);
	CHECK(cmdline_rest("") == NULL);
	CHECK(cmdline_rest(NULL) == NULL);
}

static void test_key_is(void)
{
	struct cmdline_opt o;

	CHECK(cmdline_next("loglvl=debug", &o) != NULL);
	CHECK(cmdline_key_is(&o, "loglvl"));
	CHECK(!cmdline_key_is(&o, "log"));
	CHECK(!cmdline_key_is(&o, "loglvl="));
	CHECK(!cmdline_key_is(&o, "loglvlx"));
	CHECK(!cmdline_key_is(&o, "LOGLVL"));
	CHECK(!cmdline_key_is(&o, ""));
	CHECK(cmdline_next("=1", &o) != NULL);
	CHECK(cmdline_key_is(&o, ""));
}

static void test_check(void)
{
	char err[96];

	CHECK_EQ(cmdline_check("console=com1 x=~!@#$%^&*()_+{}|:\"<>?`-=[]\\;',./", err, sizeof(err)), 0);
	CHECK_EQ(cmdline_check("a\tb", err, sizeof(err)), 0);
	CHECK_EQ(cmdline_check("", err, sizeof(err)), 0);

	CHECK_EQ(cmdline_check("abcde\nf", err, sizeof(err)), -1);
	CHECK_STR(err, "command line byte 5 is 0x0a, not printable ASCII");
	CHECK_EQ(cmdline_check("\x01", err, sizeof(err)), -1);
	CHECK_STR(err, "command line byte 0 is 0x01, not printable ASCII");
	CHECK_EQ(cmdline_check("ab\x7f", err, sizeof(err)), -1);
	CHECK_STR(err, "command line byte 2 is 0x7f, not printable ASCII");
	CHECK_EQ(cmdline_check("caf\xc3\xa9", err, sizeof(err)), -1);
	CHECK_STR(err, "command line byte 3 is 0xc3, not printable ASCII");
	CHECK_EQ(cmdline_check("x\r", err, sizeof(err)), -1);
	CHECK_STR(err, "command line byte 1 is 0x0d, not printable ASCII");

	/* No room for a message is still an answer. */
	CHECK_EQ(cmdline_check("\xff", NULL, 0), -1);
	memset(err, 'Z', sizeof(err));
	CHECK_EQ(cmdline_check("\xff", err, 8), -1);
	CHECK_STR(err, "command");

	/* Every byte value, one at a time. */
	unsigned bad = 0;
	for (int c = 1; c < 256; c++) {
		char s[2] = { (char)c, 0 };
		int want = (c >= 0x20 && c <= 0x7e) || c == '\t' ? 0 : -1;
		bad += cmdline_check(s, err, sizeof(err)) != want;
	}
	CHECK_EQ(bad, 0);
}

/* Parse from an exact-size heap copy, so ASan catches reads past len. */
static int size_of(const char *s, uint64_t *v)
{
	size_t n = strlen(s);
	char *copy = malloc(n ? n : 1);
	memcpy(copy, s, n);
	int r = parse_size(copy, n, v);
	free(copy);
	return r;
}

static int uint_of(const char *s, uint64_t *v)
{
	size_t n = strlen(s);
	char *copy = malloc(n ? n : 1);
	memcpy(copy, s, n);
	int r = parse_uint(copy, n, v);
	free(copy);
	return r;
}

static void test_parse_size(void)
{
	uint64_t v = 0;

	CHECK_EQ(size_of("0", &v), 0);
	CHECK_EQ(v, 0);
	CHECK_EQ(size_of("123", &v), 0);
	CHECK_EQ(v, 123);
	CHECK_EQ(size_of("4k", &v), 0);
	CHECK_EQ(v, 4096);
	CHECK_EQ(size_of("4K", &v), 0);
	CHECK_EQ(v, 4096);
	CHECK_EQ(size_of("64M", &v), 0);
	CHECK_EQ(v, 64ull << 20);
	CHECK_EQ(size_of("3m", &v), 0);
	CHECK_EQ(v, 3ull << 20);
	CHECK_EQ(size_of("2G", &v), 0);
	CHECK_EQ(v, 2ull << 30);
	CHECK_EQ(size_of("007g", &v), 0);
	CHECK_EQ(v, 7ull << 30);
	CHECK_EQ(size_of("18446744073709551615", &v), 0);
	CHECK(v == UINT64_MAX);
	CHECK_EQ(size_of("17179869183G", &v), 0);
	CHECK(v == 17179869183ull << 30);
	CHECK_EQ(size_of("18014398509481983K", &v), 0);
	CHECK(v == UINT64_MAX - 1023);

	/* Refusals leave *out alone. */
	v = 77;
	static const char *const bad[] = {
		"", "K", "M", "12KB", "1 2", " 1", "1 ", "-1", "+1", "0x10", "1T", "1.5M",
		"18446744073709551616", "99999999999999999999", "17179869184G",
		"18014398509481984K", "100000000000000000000000000000", "4kk", "k4",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (size_of(bad[i], &v) != -1) {
			printf("#   parse_size accepted \"%s\"\n", bad[i]);
			CHECK(0);
		}
	}
	CHECK_EQ(v, 77);

	/* Only len bytes count. */
	CHECK_EQ(parse_size("64Mxyz", 3, &v), 0);
	CHECK_EQ(v, 64ull << 20);
	CHECK_EQ(parse_size("64Mxyz", 0, &v), -1);
	CHECK_EQ(parse_size(NULL, 0, &v), -1);
}

static void test_parse_uint(void)
{
	uint64_t v = 0;

	CHECK_EQ(uint_of("0", &v), 0);
	CHECK_EQ(v, 0);
	CHECK_EQ(uint_of("42", &v), 0);
	CHECK_EQ(v, 42);
	CHECK_EQ(uint_of("010", &v), 0);
	CHECK_EQ(v, 10);
	CHECK_EQ(uint_of("0x0", &v), 0);
	CHECK_EQ(v, 0);
	CHECK_EQ(uint_of("0X1f", &v), 0);
	CHECK_EQ(v, 31);
	CHECK_EQ(uint_of("0xdeadBEEF", &v), 0);
	CHECK_EQ(v, 0xdeadbeef);
	CHECK_EQ(uint_of("0xFFFFffffFFFFffff", &v), 0);
	CHECK(v == UINT64_MAX);
	CHECK_EQ(uint_of("0x00000000000000000001", &v), 0);
	CHECK_EQ(v, 1);
	CHECK_EQ(uint_of("18446744073709551615", &v), 0);
	CHECK(v == UINT64_MAX);

	v = 77;
	static const char *const bad[] = {
		"", "0x", "0X", "x1", "0xg", "0x1g", "00x1", "1x", "12a", "-1", "+1", " 1",
		"1 ", "0x 1", "0x-1", "1K", "0x10000000000000000", "0x1ffffffffffffffff",
		"18446744073709551616", "99999999999999999999",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (uint_of(bad[i], &v) != -1) {
			printf("#   parse_uint accepted \"%s\"\n", bad[i]);
			CHECK(0);
		}
	}
	CHECK_EQ(v, 77);

	CHECK_EQ(parse_uint("123abc", 3, &v), 0);
	CHECK_EQ(v, 123);
	CHECK_EQ(parse_uint("0x1fz", 4, &v), 0);
	CHECK_EQ(v, 0x1f);
	CHECK_EQ(parse_uint("0x1f", 1, &v), 0);
	CHECK_EQ(v, 0);
	CHECK_EQ(parse_uint(NULL, 0, &v), -1);
}

/* Options and values fed straight from the tokenizer into the parsers. */
static void test_together(void)
{
	const char *cl = "mem=512M cpus=0x2 bogus=12Q -- ignored=1";
	struct cmdline_opt o;
	uint64_t mem = 0, cpus = 0;
	int errors = 0;

	for (const char *p = cl; (p = cmdline_next(p, &o));) {
		if (cmdline_key_is(&o, "mem"))
			errors += parse_size(o.val, o.vallen, &mem) < 0;
		else if (cmdline_key_is(&o, "cpus"))
			errors += parse_uint(o.val, o.vallen, &cpus) < 0;
		else
			errors += parse_size(o.val, o.vallen, &mem) < 0;
	}
	CHECK_EQ(mem, 512ull << 20);
	CHECK_EQ(cpus, 2);
	CHECK_EQ(errors, 1);
}

static uint64_t rng_next(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* Random command lines from a small alphabet rich in separators, '=',
 * '-' and digits: every option must lie inside the string, the walk must
 * end, and the parsers must stay within their tokens (ASan watches). */
static void test_fuzz(void)
{
	static const char alphabet[] = "  \t=-=-x0123456789kKmMgG0xX\x01\xff";
	uint64_t rng = 0xc0ffee;
	unsigned bad = 0, opts = 0;

	for (int round = 0; round < 5000; round++) {
		size_t len = rng_next(&rng) % 40;
		char *cl = malloc(len + 1);
		for (size_t i = 0; i < len; i++)
			cl[i] = alphabet[rng_next(&rng) % (sizeof(alphabet) - 1)];
		cl[len] = '\0';

		struct cmdline_opt o;
		const char *p = cl;
		unsigned steps = 0;
		while ((p = cmdline_next(p, &o)) && steps++ <= len) {
			uint64_t v;
			opts++;
			if (o.key < cl || o.key + o.keylen > cl + len || p > cl + len)
				bad++;
			if (o.val && (o.val != o.key + o.keylen + 1 || o.val + o.vallen != p))
				bad++;
			parse_size(o.key, o.keylen, &v);
			parse_uint(o.key, o.keylen, &v);
			if (o.val) {
				parse_size(o.val, o.vallen, &v);
				parse_uint(o.val, o.vallen, &v);
			}
		}
		if (steps > len)
			bad++;
		const char *rest = cmdline_rest(cl);
		if (rest && (rest < cl || rest > cl + len))
			bad++;
		char err[64];
		if (cmdline_check(cl, err, sizeof(err)) < 0 && strncmp(err, "command line byte ", 18) != 0)
			bad++;
		free(cl);
	}
	CHECK_EQ(bad, 0);
	CHECK(opts > 1000);
}

UNIT_MAIN(
	UNIT(test_tokens),
	UNIT(test_option_fields),
	UNIT(test_rest),
	UNIT(test_key_is),
	UNIT(test_check),
	UNIT(test_parse_size),
	UNIT(test_parse_uint),
	UNIT(test_together),
	UNIT(test_fuzz),
)
