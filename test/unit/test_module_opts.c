/* A guest module's command line (hv/domain/module_opts.c): name=, mem=,
 * weight=, dom0, then "--" and the guest's own arguments; or "initrd" alone. Each line goes to the
 * parser as an exact-size heap copy, so ASan sees any read past its NUL. */
#include <stdbool.h>
#include <stdlib.h>

#include "unit.h"
#include "fakemem.h"
#include "domain/module_opts.h"
#include "domain/domain.h"

#define MIB (1ull << 20)
#define GIB (1ull << 30)

static struct module_opts o;
static char err[256];
static char *line;

static int parse(const char *cl)
{
	size_t n = strlen(cl) + 1;

	free(line);
	line = malloc(n);
	memcpy(line, cl, n);
	memset(&o, 0xcc, sizeof(o));             /* the parser must set every field */
	memset(err, 0, sizeof(err));
	return module_opts_parse(line, &o, err, sizeof(err));
}

/* The line is refused, with an error that says words. */
#define REFUSED(cl, words) refused((cl), (words), __LINE__)
static void refused(const char *cl, const char *words, int line_no)
{
	int rc = parse(cl);

	if (rc != -1 || !strstr(err, words)) {
		printf("#   %s:%d: \"%s\": returned %d, error \"%s\"; "
		       "expected -1 and \"...%s...\"\n", __FILE__, line_no, cl, rc, err, words);
		unit_failed_checks++;
	}
}

static void test_defaults(void)
{
	const char *empty[] = { "", " ", " \t  \t" };
	for (unsigned i = 0; i < 3; i++) {
		CHECK_EQ(parse(empty[i]), 0);
		CHECK_STR(o.name, "");
		CHECK_EQ(o.mem, MODULE_MEM_DEFAULT);
		CHECK_EQ(o.mem, 16 * MIB);
		CHECK_EQ(o.maxmem, 0);
		CHECK_EQ(o.weight, 1);
		CHECK(!o.dom0);
		CHECK_STR(o.args, "");
	}
	memset(&o, 0xcc, sizeof(o));
	CHECK_EQ(module_opts_parse(NULL, &o, err, sizeof(err)), 0);
	CHECK_EQ(o.mem, MODULE_MEM_DEFAULT);
	CHECK_STR(o.args, "");
}

static void test_every_option(void)
{
	CHECK_EQ(parse("name=web mem=64M dom0 weight=3 -- a b  c"), 0);
	CHECK_STR(o.name, "web");
	CHECK_EQ(o.mem, 64 * MIB);
	CHECK(o.dom0);
	CHECK_EQ(o.weight, 3);
	CHECK_STR(o.args, "a b  c");
	CHECK(o.args == line + 34);               /* the guest's part of the line itself */

	CHECK_EQ(parse("\tdom0\tname=x.y_z-1\tmem=1g\t--\targ=1\t"), 0);
	CHECK_STR(o.name, "x.y_z-1");
	CHECK_EQ(o.mem, GIB);
	CHECK(o.dom0);
	CHECK_STR(o.args, "arg=1\t");

	/* The last of a repeated option wins. */
	CHECK_EQ(parse("name=alpha mem=8M name=b mem=32M dom0 dom0"), 0);
	CHECK_STR(o.name, "b");
	CHECK_EQ(o.mem, 32 * MIB);
}

static void test_names(void)
{
	/* The longest a module command line (1024 bytes with its NUL) holds:
	 * 1018 characters after "name=". Xen's limit, 4071, is above it. */
	static char longest[1024], longer[1100];
	memcpy(longest, "name=", 5);
	for (int i = 0; i < 1018; i++)
		longest[5 + i] = (char)('a' + i % 26);
	memcpy(longer, longest, sizeof(longest));
	memset(longer + 1023, 'z', 10);

	const char *good[] = { "name=a", "name=A-Z_0.9-x", "name=..", "name=-", "name=0",
			       "name=a-name-much-longer-than-thirty-one-characters", longest };
	for (unsigned i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		CHECK_EQ(parse(good[i]), 0);
		CHECK_STR(o.name, good[i] + 5);
	}
	CHECK_EQ(strlen(o.name), 1018);

	REFUSED(longer, "1 to 4071 characters");
	REFUSED("name=", "1 to 4071 characters");
	REFUSED("name", "1 to 4071 characters");
	REFUSED("name=a/b", "name=a/b: use letters, digits and _.- only");
	REFUSED("name=a=b", "name=a=b");
	REFUSED("name=dom\xc3\xa9", "letters, digits");
	REFUSED("name=a\x01", "letters, digits");
	REFUSED("name=a:b", "letters, digits");
	REFUSED("name=*", "letters, digits");
	REFUSED("name=a\x7f", "letters, digits");
	REFUSED("name=a b", "unknown option 'b'");
}

static void test_memory_sizes(void)
{
	struct { const char *mem; uint64_t bytes; } good[] = {
		{ "4M", 4 * MIB }, { "4096K", 4 * MIB }, { "4194304", 4 * MIB },
		{ "3G", 3 * GIB }, { "3072M", 3 * GIB }, { "3145728K", 3 * GIB },
		{ "3221225472", 3 * GIB }, { "16m", 16 * MIB }, { "1g", GIB }, { "4096k", 4 * MIB },
		{ "0004M", 4 * MIB }, { "1023M", 1023 * MIB }, { "4097K", 4097 * 1024ull },
	};
	for (unsigned i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		char cl[64];
		snprintf(cl, sizeof(cl), "mem=%s", good[i].mem);
		int rc = parse(cl);
		if (rc != 0)
			printf("#   %s: %s\n", cl, err);
		CHECK_EQ(rc, 0);
		CHECK_EQ(o.mem, good[i].bytes);
	}

	const char *small_or_big[] = { "1048575", "1023K", "0", "0G", "3073M", "3145729K",
				       "3221225473", "4G", "18446744073709551615",
				       "17179869183G" };
	for (unsigned i = 0; i < sizeof(small_or_big) / sizeof(small_or_big[0]); i++) {
		char cl[64];
		snprintf(cl, sizeof(cl), "mem=%s", small_or_big[i]);
		REFUSED(cl, "must be between 1M and 3G");
	}
	const char *not_sizes[] = { "", "M", "-4M", "+4M", "0x1000000", "16MB", "1T", "16KM",
				    "4.5M", "16M16", "M16", "18446744073709551616",
				    "17179869184G", "99999999999999999999G", "\2616M" };
	for (unsigned i = 0; i < sizeof(not_sizes) / sizeof(not_sizes[0]); i++) {
		char cl[64];
		snprintf(cl, sizeof(cl), "mem=%s", not_sizes[i]);
		REFUSED(cl, "expected a size such as 16M");
	}
	REFUSED("mem", "expected a size such as 16M");
}

/* maxmem=, as xl's: a size as mem= takes, never below mem=. */
static void test_maxmem(void)
{
	CHECK_EQ(parse("mem=16M maxmem=64M"), 0);
	CHECK_EQ(o.mem, 16 * MIB);
	CHECK_EQ(o.maxmem, 64 * MIB);
	CHECK_EQ(parse("maxmem=16M"), 0);           /* mem= by default: 16M */
	CHECK_EQ(o.maxmem, 16 * MIB);
	CHECK_EQ(parse("maxmem=3G mem=3G"), 0);
	CHECK_EQ(o.maxmem, 3 * GIB);
	REFUSED("mem=32M maxmem=16M", "maxmem= is below mem=");
	REFUSED("maxmem=8M", "maxmem= is below mem=");
	REFUSED("maxmem=4G", "maxmem=4G: must be between 1M and 3G");
	REFUSED("maxmem=0", "must be between 1M and 3G");
	REFUSED("maxmem=16MB", "maxmem=16MB: expected a size such as 16M");
	REFUSED("maxmem", "expected a size such as 16M");
}

static void test_weights(void)
{
	struct { const char *w; uint32_t v; } good[] = {
		{ "1", 1 }, { "10000", 10000 }, { "0x2710", 10000 }, { "0X10", 16 },
		{ "00010", 10 }, { "0x0001", 1 }, { "9999", 9999 },
	};
	for (unsigned i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		char cl[64];
		snprintf(cl, sizeof(cl), "weight=%s", good[i].w);
		int rc = parse(cl);
		if (rc != 0)
			printf("#   %s: %s\n", cl, err);
		CHECK_EQ(rc, 0);
		CHECK_EQ(o.weight, good[i].v);
	}
	const char *bad[] = { "0", "0x0", "10001", "0x2711", "", "-1", "+1", "1k", "0x", "x10",
			      "1.5", "4294967297", "18446744073709551616", "0x10000000000000000",
			      "1e3", "\2611" };
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char cl[64];
		snprintf(cl, sizeof(cl), "weight=%s", bad[i]);
		REFUSED(cl, "expected a number from 1 to 10000");
	}
	REFUSED("weight", "expected a number from 1 to 10000");
	CHECK_EQ(parse("weight=7 weight=2"), 0);
	CHECK_EQ(o.weight, 2);
}

static void test_dom0(void)
{
	CHECK_EQ(parse("dom0"), 0);
	CHECK(o.dom0);
	CHECK_EQ(parse("name=d"), 0);
	CHECK(!o.dom0);
	REFUSED("dom0=x", "unknown option 'dom0'");
	REFUSED("dom0=", "unknown option 'dom0'");
	REFUSED("dom0=1", "unknown option 'dom0'");
	REFUSED("DOM0", "unknown option 'DOM0'");
	REFUSED("dom00", "unknown option 'dom00'");
	REFUSED("dom", "unknown option 'dom'");
}

static void test_unknown_options(void)
{
	REFUSED("foo", "unknown option 'foo'");
	REFUSED("foo=bar", "unknown option 'foo'");
	REFUSED("=x", "unknown option ''");
	REFUSED("=", "unknown option ''");
	REFUSED("name=a bogus mem=8M", "unknown option 'bogus'");
	REFUSED("-v", "unknown option '-v'");
	REFUSED("--y", "unknown option '--y'");
	REFUSED("a--", "unknown option 'a--'");
	REFUSED("Name=a", "unknown option 'Name'");
	REFUSED("memory=8M", "unknown option 'memory'");
	REFUSED("\x01", "unknown option '\x01'");
	REFUSED("x -- name=y", "unknown option 'x'");
	/* The message lists what is known. */
	REFUSED("x", "(known: ");
	CHECK(strstr(err, "name=") && strstr(err, "mem=") && strstr(err, "weight=") &&
	      strstr(err, "dom0"));
}

static void test_end_of_options(void)
{
	CHECK_EQ(parse("-- name=x mem=1"), 0);      /* the guest's, not ours */
	CHECK_STR(o.name, "");
	CHECK_EQ(o.mem, MODULE_MEM_DEFAULT);
	CHECK_STR(o.args, "name=x mem=1");
	CHECK_EQ(parse("name=x --"), 0);
	CHECK_STR(o.args, "");
	CHECK_EQ(parse("name=x --  \t "), 0);
	CHECK_STR(o.args, "");
	CHECK_EQ(parse("--"), 0);
	CHECK_STR(o.args, "");
	CHECK_EQ(parse("dom0 -- -- y"), 0);
	CHECK_STR(o.args, "-- y");
	CHECK_EQ(parse("dom0\t--\targ"), 0);
	CHECK_STR(o.args, "arg");
	CHECK_EQ(parse("-- \x01\xff bogus=1"), 0);  /* no business of ours */
	CHECK_STR(o.args, "\x01\xff bogus=1");
	CHECK_EQ(parse("mem=8M --x"), -1);          /* not the marker */
}

static void test_error_buffer(void)
{
	char cl[300] = "name=ok ";
	memset(cl + 8, 'q', 250);
	cl[258] = '\0';
	for (size_t size = 1; size < 24; size++) {
		char *small = malloc(size);
		CHECK_EQ(module_opts_parse(cl, &o, small, size), -1);
		CHECK_EQ(strlen(small), size - 1);
		free(small);
	}
	CHECK_EQ(module_opts_parse(cl, &o, NULL, 0), -1);
	CHECK_EQ(parse(cl), -1);
	CHECK_EQ(strlen(err), sizeof(err) - 1);     /* cut, and terminated */
	CHECK(strncmp(err, "unknown option 'qqq", 19) == 0);
}

/* ---- fuzzing against a plain reading of the rules ---- */

static bool ref_size(const char *s, size_t len, uint64_t *out)
{
	unsigned shift = 0;
	uint64_t v = 0;

	if (len == 0)
		return false;
	switch (s[len - 1]) {
	case 'k': case 'K': shift = 10; len--; break;
	case 'm': case 'M': shift = 20; len--; break;
	case 'g': case 'G': shift = 30; len--; break;
	default: break;
	}
	if (len == 0)
		return false;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		if (__builtin_mul_overflow(v, 10, &v) || __builtin_add_overflow(v, s[i] - '0', &v))
			return false;
	}
	if (v > UINT64_MAX >> shift)
		return false;
	*out = v << shift;
	return true;
}

/* Decimal, or hexadecimal after 0x or 0X. */
static bool ref_uint(const char *s, size_t len, uint64_t *out)
{
	unsigned base = 10;
	uint64_t v = 0;

	if (len >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
		len -= 2;
	}
	if (len == 0)
		return false;
	for (size_t i = 0; i < len; i++) {
		unsigned d;
		if (s[i] >= '0' && s[i] <= '9')
			d = (unsigned)(s[i] - '0');
		else if (base == 16 && s[i] >= 'a' && s[i] <= 'f')
			d = (unsigned)(s[i] - 'a' + 10);
		else if (base == 16 && s[i] >= 'A' && s[i] <= 'F')
			d = (unsigned)(s[i] - 'A' + 10);
		else
			return false;
		if (__builtin_mul_overflow(v, base, &v) || __builtin_add_overflow(v, d, &v))
			return false;
	}
	*out = v;
	return true;
}

static bool ref_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '.' || c == '-';
}

static int ref_parse(const char *cl, struct module_opts *w)
{
	unsigned tokens = 0;
	bool marker = false;

	memset(w, 0, sizeof(*w));
	w->mem = 16 * MIB;
	w->weight = 1;
	w->args = "";
	for (const char *p = cl;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			break;
		size_t len = 0;
		while (p[len] && p[len] != ' ' && p[len] != '\t')
			len++;
		if (len == 2 && p[0] == '-' && p[1] == '-') {
			for (p += 2; *p == ' ' || *p == '\t'; p++)
				;
			w->args = p;
			marker = true;
			break;
		}
		tokens++;
		const char *eq = memchr(p, '=', len);
		size_t klen = eq ? (size_t)(eq - p) : len, vlen = eq ? len - klen - 1 : 0;
		if (eq && klen == 4 && memcmp(p, "name", 4) == 0) {
			if (vlen < 1 || vlen > DOMAIN_NAME_MAX || vlen >= MODULE_NAME_MAX)
				return -1;
			for (size_t i = 0; i < vlen; i++)
				if (!ref_name_char(eq[1 + i]))
					return -1;
			memcpy(w->name, eq + 1, vlen);
			w->name[vlen] = '\0';
		} else if (eq && klen == 3 && memcmp(p, "mem", 3) == 0) {
			uint64_t v;
			if (!ref_size(eq + 1, vlen, &v) || v < 1 * MIB || v > 3 * GIB)
				return -1;
			w->mem = v;
		} else if (eq && klen == 6 && memcmp(p, "weight", 6) == 0) {
			uint64_t v;
			if (!ref_uint(eq + 1, vlen, &v) || v < 1 || v > 10000)
				return -1;
			w->weight = (uint32_t)v;
		} else if (!eq && klen == 4 && memcmp(p, "dom0", 4) == 0) {
			w->dom0 = true;
		} else if (!eq && klen == 6 && memcmp(p, "initrd", 6) == 0) {
			w->initrd = true;
		} else {
			return -1;
		}
		p += len;
	}
	/* "initrd" only alone ("initrd=..." was refused above). */
	return w->initrd && (tokens > 1 || marker) ? -1 : 0;
}

static void test_fuzz(void)
{
	static const char *const pieces[] = {
		"name=", "mem=", "dom0", "--", " ", " ", "\t", "=", "K", "M", "G", "k", "m", "g",
		"4", "16", "3", "0", "9999999999", "web", "a.b", "_", "-", "x", "name", "mem",
		"dom", "4M", "3G", "3073M", "4095K", "\xff", "\x01", "/", "\xc3\xa9",
		"weight=", "weight", "0x", "0X", "2710", "10000", "10001", "f", "A",
		"initrd", "initrd ", " initrd", "initrd=", " -- ",
	};
	const unsigned nr_pieces = sizeof(pieces) / sizeof(pieces[0]);
	uint64_t st = 0x082efa98ec4e6c89ull;
	unsigned wrong = 0, accepted = 0, refused_ = 0;
	char cl[256];

	for (unsigned iter = 0; iter < 100000; iter++) {
		size_t n = 0;
		unsigned count = (unsigned)(fuzz_next(&st) % 12);
		for (unsigned i = 0; i < count; i++) {
			uint64_t r = fuzz_next(&st);
			if (r % 8 == 0) {
				cl[n++] = (char)(1 + (r >> 8) % 255);    /* any byte but NUL */
			} else {
				const char *p = pieces[(r >> 8) % nr_pieces];
				size_t l = strlen(p);
				memcpy(cl + n, p, l);
				n += l;
			}
		}
		cl[n] = '\0';

		struct module_opts w;
		int rc = parse(cl), want = ref_parse(line, &w);
		bool ok = rc == want;
		if (ok && rc == 0)
			ok = strcmp(o.name, w.name) == 0 && o.mem == w.mem && o.dom0 == w.dom0 &&
			     o.weight == w.weight && o.initrd == w.initrd &&
			     strcmp(o.args, w.args) == 0;
		if (ok && rc == -1)
			ok = err[0] != '\0';
		if (ok && rc == 0)
			ok = o.mem >= MODULE_MEM_MIN && o.mem <= MODULE_MEM_MAX &&
			     strlen(o.name) < MODULE_NAME_MAX;
		if (!ok && wrong++ < 5)
			printf("#   \"%s\": returned %d (%s), expected %d\n", cl, rc, err, want);
		accepted += rc == 0;
		refused_ += rc == -1;
	}
	CHECK_EQ(wrong, 0);
	CHECK(accepted > 5000);
	CHECK(refused_ > 5000);
}

static void test_initrd(void)
{
	const char *alone[] = { "initrd", " initrd", "initrd \t ", "\tinitrd\t" };
	for (unsigned i = 0; i < sizeof(alone) / sizeof(alone[0]); i++) {
		CHECK_EQ(parse(alone[i]), 0);
		CHECK(o.initrd);
		CHECK_STR(o.args, "");
		CHECK(module_is_initrd(line));
	}
	CHECK_EQ(parse("name=a"), 0);
	CHECK(!o.initrd);
	CHECK(!module_is_initrd(line));
	CHECK(!module_is_initrd(""));
	CHECK(!module_is_initrd(NULL));
	CHECK(!module_is_initrd("-- initrd"));          /* the guest's word, not ours */
	CHECK_EQ(parse("-- initrd"), 0);
	CHECK(!o.initrd);
	CHECK_STR(o.args, "initrd");

	/* Anything beside it is refused, and still says initrd so that the
	 * module is not taken for an ELF image. */
	const char *crowded[] = { "initrd name=x", "name=x initrd", "initrd initrd",
				  "initrd=files.cpio", "initrd=", "initrd --", "initrd -- a",
				  "mem=4M initrd -- x", "initrd dom0", "initrd clones=2" };
	for (unsigned i = 0; i < sizeof(crowded) / sizeof(crowded[0]); i++) {
		REFUSED(crowded[i], "'initrd' must be the module's whole command line");
		CHECK(module_is_initrd(crowded[i]));
	}
	REFUSED("initrd bogus", "unknown option 'bogus'");
	REFUSED("initrds", "unknown option 'initrds'");
	CHECK(!module_is_initrd("initrds"));
	CHECK(!module_is_initrd("INITRD"));
}

static void test_clones(void)
{
	CHECK_EQ(parse("name=idle clones=1000 mem=1M"), 0);
	CHECK_EQ(o.clones, 1000);
	CHECK_EQ(o.mem, 1 * MIB);
	CHECK_EQ(parse("name=one"), 0);
	CHECK_EQ(o.clones, 1);
	REFUSED("clones=0", "clones=0: expected a number from 1 to 4000");
	REFUSED("clones=4001", "expected a number from 1 to 4000");
	REFUSED("clones=", "expected a number from 1 to 4000");
	REFUSED("clones", "expected a number from 1 to 4000");
	REFUSED("clones=-1", "expected a number from 1 to 4000");
}

static void test_warp(void)
{
	CHECK_EQ(parse("warp=20000 warpl=3000 warpu=50000"), 0);
	CHECK_EQ(o.warp_us, 20000);
	CHECK_EQ(o.warpl_us, 3000);
	CHECK_EQ(o.warpu_us, 50000);
	CHECK_EQ(parse("warp=0"), 0);
	CHECK_EQ(o.warp_us, 0);
	REFUSED("warp=10000001", "warp=10000001: expected microseconds from 0 to 10000000");
	REFUSED("warpl=", "expected microseconds");
	REFUSED("warpu=-1", "expected microseconds");
	REFUSED("warp", "expected microseconds");
}

static void test_pci(void)
{
	CHECK_EQ(parse("name=a"), 0);
	CHECK_EQ(o.nr_pci, 0);
	CHECK_EQ(parse("pci=00:03.0"), 0);
	CHECK_EQ(o.nr_pci, 1);
	CHECK_EQ(o.pci[0], 0x18);
	CHECK_EQ(parse("pci=ff:1f.7,00:0a.1,0a:00.0"), 0);
	CHECK_EQ(o.nr_pci, 3);
	CHECK_EQ(o.pci[0], 0xffff);
	CHECK_EQ(o.pci[1], 0x51);
	CHECK_EQ(o.pci[2], 0xa00);
	CHECK_EQ(parse("pci=00:1F.2"), 0);
	CHECK_EQ(o.pci[0], 0xfa);
	CHECK_EQ(parse("pci=00:01.0,00:02.0,00:03.0,00:04.0,00:05.0,00:06.0,00:07.0,00:08.0"), 0);
	CHECK_EQ(o.nr_pci, 8);
	REFUSED("pci=00:01.0,00:02.0,00:03.0,00:04.0,00:05.0,00:06.0,00:07.0,00:08.0,00:09.0",
		"more than 8 devices");
	REFUSED("pci=00:20.0", "'00:20.0' is not a device");
	REFUSED("pci=00:01.8", "'00:01.8' is not a device");
	REFUSED("pci=100:01.0", "is not a device");
	REFUSED("pci=0:1.0", "is not a device");
	REFUSED("pci=00-01.0", "is not a device");
	REFUSED("pci=00:01:0", "is not a device");
	REFUSED("pci=g0:01.0", "is not a device");
	REFUSED("pci=00:01.0,", "expected devices such as");
	REFUSED("pci=", "expected devices such as");
	REFUSED("pci", "expected devices such as");
	REFUSED("pci=00:01.0,,00:02.0", "'' is not a device");
	REFUSED("pci=00:01.0,00:01.0", "named twice");
}

UNIT_MAIN(UNIT(test_warp), UNIT(test_pci), UNIT(test_clones), UNIT(test_initrd),
	UNIT(test_defaults),
	UNIT(test_every_option),
	UNIT(test_names),
	UNIT(test_memory_sizes),
	UNIT(test_maxmem),
	UNIT(test_weights),
	UNIT(test_dom0),
	UNIT(test_unknown_options),
	UNIT(test_end_of_options),
	UNIT(test_error_buffer),
	UNIT(test_fuzz)
)
