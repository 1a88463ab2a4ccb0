/* format() against the host's snprintf: wherever the C standard defines
 * the output, the two must agree byte for byte, return value included, and
 * neither may touch the buffer past size. */
#include <limits.h>
#include <stdlib.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "unit.h"
#include "lib/format.h"
#include "lib/string.h"

#define BUF 512
#define CANARY 0x5a

static int mismatches;

/* Format into canary-filled buffers both ways and compare everything. */
static int vagree(size_t size, const char *fmt, va_list ap)
{
	char ours[BUF], host[BUF];
	va_list aq;

	memset(ours, CANARY, sizeof(ours));
	memset(host, CANARY, sizeof(host));
	va_copy(aq, ap);
	int r_ours = vformat(size ? ours : NULL, size, fmt, ap);
	int r_host = vsnprintf(size ? host : NULL, size, fmt, aq);
	va_end(aq);

	if (r_ours == r_host && memcmp(ours, host, sizeof(ours)) == 0)
		return 1;
	/* Print only the first few: a systematic bug would flood the log. */
	if (mismatches++ < 20) {
		int n = size ? (int)strnlen(host, size) : 0;
		int m = size ? (int)strnlen(ours, size) : 0;
		printf("#   \"%s\" size %zu: ours %d \"%.*s\", host %d \"%.*s\"\n",
		       fmt, size, r_ours, m, ours, r_host, n, host);
	}
	return 0;
}

__attribute__((format(printf, 2, 3)))
static int agree(size_t size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int ok = vagree(size, fmt, ap);
	va_end(ap);
	return ok;
}

/* The same without the compiler's format checking, for the formats the
 * tests write on purpose: flags the standard leaves undefined (glibc
 * ignores them, and so do we), promoted arguments for hh and h, and
 * conversions format() must copy through. */
static int odd(size_t size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int ok = vagree(size, fmt, ap);
	va_end(ap);
	return ok;
}

static int odd_format(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int n = vformat(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

static void test_literal_text(void)
{
	CHECK(agree(BUF, "hello, world"));
	CHECK(agree(BUF, "%%"));
	CHECK(agree(BUF, "100%% sure %%%%"));
	CHECK(agree(BUF, "%s", ""));
	CHECK(agree(BUF, "%s", "plain"));
	CHECK(agree(BUF, "[%10s][%-10s][%.2s][%10.2s][%-10.2s]", "abc", "abc", "abc", "abc", "abc"));
	CHECK(agree(BUF, "[%*s][%-*s][%.*s][%*.*s]", 6, "xy", 6, "xy", 1, "xy", -6, 3, "wxyz"));
	CHECK(odd(BUF, "[%05s][%05c]", "ab", 'q'));
	CHECK(agree(BUF, "[%c][%3c][%-3c][%c]", 'a', 'b', 'c', 0xe9));
	CHECK(agree(BUF, "a%cb", 0));
	CHECK(agree(BUF, ""));
}

static void test_basic_integers(void)
{
	CHECK(agree(BUF, "%d %i %u %x %X %o", 42, -42, 42u, 0xbeefu, 0xbeefu, 8u));
	CHECK(agree(BUF, "%d %d %d", INT_MIN, INT_MAX, 0));
	CHECK(agree(BUF, "%u %x %o", UINT_MAX, UINT_MAX, UINT_MAX));
	CHECK(agree(BUF, "%lld %lld %llu", LLONG_MIN, LLONG_MAX, ULLONG_MAX));
	CHECK(agree(BUF, "%llx %llX %llo", ULLONG_MAX, 0x0123456789abcdefull, ULLONG_MAX));
	CHECK(odd(BUF, "%hhd %hhu %hd %hu", 300, 300, 70000, 70000));
	CHECK(odd(BUF, "%hhd %hhx %hd %hx", -129, -1, -32769, -1));
	CHECK(agree(BUF, "%zu %zx %td %ju %jd", (size_t)-1, (size_t)12345, (ptrdiff_t)-7,
		    UINTMAX_MAX, INTMAX_MIN));
	CHECK(agree(BUF, "%ld %lu %lx", LONG_MIN, ULONG_MAX, ULONG_MAX));
	CHECK(odd(BUF, "[%+d][% d][%+ d][%+d][% d]", 5, 5, 5, -5, -5));
	CHECK(agree(BUF, "[%#x][%#X][%#o][%#x][%#o]", 255u, 255u, 8u, 0u, 0u));
	CHECK(agree(BUF, "[%08d][%-8d][%08.3d][%.0d][%5.0d][%#.0o][%#.0x]", -42, -42, -42, 0, 0, 0u, 0u));
	CHECK(agree(BUF, "[%#08x][%#-8o][%#.5o][%#5.3o]", 0x2au, 8u, 8u, 0u));
	CHECK(odd(BUF, "[%-08d][%0-8d][%+08d][% 08d]", 7, 7, 7, 7));
	CHECK(agree(BUF, "[%.20d][%.20llu][%25.22llo]", -1, ULLONG_MAX, ULLONG_MAX));
}

static void test_pointer(void)
{
	char buf[64];
	int x;

	/* glibc prints non-NULL pointers as %#lx, which is what ours do. */
	CHECK(agree(BUF, "%p", (void *)&x));
	CHECK(odd(BUF, "[%p][%20p][%-20p][%020p]", (void *)0x1234, (void *)0x1234,
		    (void *)0x1234, (void *)0x1234));
	CHECK(agree(BUF, "%p", (void *)UINTPTR_MAX));

	/* Where glibc says "(nil)", ours keep the number. */
	CHECK_EQ(format(buf, sizeof(buf), "%p", (void *)0), 3);
	CHECK_STR(buf, "0x0");
	CHECK_EQ(format(buf, sizeof(buf), "[%6p]", (void *)0), 8);
	CHECK_STR(buf, "[   0x0]");
	CHECK_EQ(format(buf, sizeof(buf), "%p", (void *)0xabcdef), 8);
	CHECK_STR(buf, "0xabcdef");
}

static void test_null_string(void)
{
	char buf[32];
	const char *null = NULL;

	CHECK_EQ(format(buf, sizeof(buf), "%s", null), 6);
	CHECK_STR(buf, "(null)");
	CHECK_EQ(format(buf, sizeof(buf), "[%8s]", null), 10);
	CHECK_STR(buf, "[  (null)]");
	CHECK_EQ(format(buf, sizeof(buf), "%.3s", null), 3);
	CHECK_STR(buf, "(nu");
}

static void test_unterminated_with_precision(void)
{
	/* ASan faults if the precision is not respected while scanning. */
	char *abc = malloc(3);
	char buf[8];

	memcpy(abc, "abc", 3);
	CHECK_EQ(format(buf, sizeof(buf), "%.3s", abc), 3);
	CHECK_STR(buf, "abc");
	CHECK_EQ(format(buf, sizeof(buf), "%.*s|", 2, abc), 3);
	CHECK_STR(buf, "ab|");
	free(abc);
}

static void test_unknown_conversions(void)
{
	char buf[64];

	/* Width on %% is undefined; ours ignore it, as glibc does. */
	CHECK_EQ(odd_format(buf, sizeof(buf), "%5%|%-5%|"), 4);
	CHECK_STR(buf, "%|%|");
	CHECK_EQ(odd_format(buf, sizeof(buf), "%y"), 2);
	CHECK_STR(buf, "%y");
	CHECK_EQ(odd_format(buf, sizeof(buf), "a%-5.2ly%d", 9), 9);
	CHECK_STR(buf, "a%-5.2ly9");
	CHECK_EQ(odd_format(buf, sizeof(buf), "%n%d", 5), 3);
	CHECK_STR(buf, "%n5");
	CHECK_EQ(odd_format(buf, sizeof(buf), "%*y%d", 3, 4), 4);
	CHECK_STR(buf, "%*y4");
	/* A format that ends inside a directive. */
	CHECK_EQ(odd_format(buf, sizeof(buf), "abc%"), 4);
	CHECK_STR(buf, "abc%");
	CHECK_EQ(odd_format(buf, sizeof(buf), "x%-08ll"), 7);
	CHECK_STR(buf, "x%-08ll");
}

static void test_sizes(void)
{
	char buf[16];

	/* size 0: nothing written, buf may be NULL, length still reported. */
	CHECK_EQ(format(NULL, 0, "%d-%s", 12345, "abc"), 9);
	memset(buf, 'Z', sizeof(buf));
	CHECK_EQ(format(buf, 0, "abc"), 3);
	CHECK_EQ(buf[0], 'Z');

	memset(buf, 'Z', sizeof(buf));
	CHECK_EQ(format(buf, 1, "abc"), 3);
	CHECK_EQ(buf[0], '\0');
	CHECK_EQ(buf[1], 'Z');

	memset(buf, 'Z', sizeof(buf));
	CHECK_EQ(format(buf, 4, "abc"), 3);
	CHECK_STR(buf, "abc");
	CHECK_EQ(buf[4], 'Z');

	memset(buf, 'Z', sizeof(buf));
	CHECK_EQ(format(buf, 3, "abc"), 3);
	CHECK_STR(buf, "ab");
	CHECK_EQ(buf[3], 'Z');

	for (size_t size = 0; size < 40; size++) {
		CHECK(agree(size, "%-10s|%+08lld|%#12llx|%%|%c%c", "trunc", -123456789LL,
			    0xfeedfacecafebeefull, 'y', 'z'));
		CHECK(agree(size, "%*d%s", 30, 1, "tail"));
	}
}

static void test_overflow(void)
{
	char buf[8];

	/* Over INT_MAX bytes of output: -1, and what fits is still stored. */
	memset(buf, 'Z', sizeof(buf));
	CHECK_EQ(format(buf, sizeof(buf), "%*d%*d", INT_MAX, 1, INT_MAX, 1), -1);
	CHECK_STR(buf, "       ");
	CHECK_EQ(format(buf, sizeof(buf), "%2147483648d", 1), -1);
	CHECK_EQ(format(buf, sizeof(buf), "%99999999999999999999d", 1), -1);
	CHECK_EQ(format(buf, sizeof(buf), "%.2147483648d", 1), -1);
	/* Exactly INT_MAX is still representable. */
	CHECK_EQ(format(buf, sizeof(buf), "%2147483647d", 1), INT_MAX);
	CHECK_EQ(format(buf, sizeof(buf), "%-*d", INT_MIN, 1), -1);
	CHECK_EQ(format(buf, sizeof(buf), "%.*d|", INT_MIN, 7), 2);
	CHECK_STR(buf, "7|");
}

enum lenmod { L_NONE, L_HH, L_H, L_L, L_LL, L_Z, L_J, L_T, NR_LEN };
static const char *const len_text[NR_LEN] = { "", "hh", "h", "l", "ll", "z", "j", "t" };

static const uint64_t values[] = {
	0, 1, 7, 8, 10, 42, 127, 128, 255, 256, 0x7fff, 0x8000, 0xffff,
	0x7fffffff, 0x80000000, 0xffffffff, 0x100000000ull, 999999999999999999ull,
	0x7fffffffffffffffull, 0x8000000000000000ull, 0xffffffffffffffffull,
	(uint64_t)-42, 0xdeadbeefcafebabeull, 10000000000000000000ull,
};

/* Pass the value with the exact type the length modifier promises. */
static int agree_int(size_t size, const char *fmt, enum lenmod len, int is_signed,
		     int w, int p, uint64_t bits)
{
	int64_t s = (int64_t)bits;

	if (is_signed) {
		switch (len) {
		case L_L:  return agree(size, fmt, w, p, (long)s);
		case L_LL: return agree(size, fmt, w, p, (long long)s);
		case L_Z:  return agree(size, fmt, w, p, (ptrdiff_t)s);
		case L_J:  return agree(size, fmt, w, p, (intmax_t)s);
		case L_T:  return agree(size, fmt, w, p, (ptrdiff_t)s);
		default:   return agree(size, fmt, w, p, (int)s);
		}
	}
	switch (len) {
	case L_L:  return agree(size, fmt, w, p, (unsigned long)bits);
	case L_LL: return agree(size, fmt, w, p, (unsigned long long)bits);
	case L_Z:  return agree(size, fmt, w, p, (size_t)bits);
	case L_J:  return agree(size, fmt, w, p, (uintmax_t)bits);
	case L_T:  return agree(size, fmt, w, p, (size_t)bits);
	default:   return agree(size, fmt, w, p, (unsigned)bits);
	}
}

/* Every flag set, star width and precision (which also stand for "none"
 * and for '-'), length and conversion, over values at the type edges. */
static void test_integer_matrix(void)
{
	static const char flag_chars[] = "-0+ #";
	static const char convs[] = "diuxXo";
	static const int widths[] = { -12, 0, 7, 25 };
	static const int precs[] = { -1, 0, 1, 5, 30 };
	unsigned long combos = 0, bad = 0;

	for (unsigned flags = 0; flags < 32; flags++)
	for (unsigned len = 0; len < NR_LEN; len++)
	for (const char *c = convs; *c; c++) {
		char fmt[32];
		size_t n = 0;

		fmt[n++] = '[';
		fmt[n++] = '%';
		for (unsigned f = 0; f < 5; f++) {
			if (flags & 1u << f)
				fmt[n++] = flag_chars[f];
		}
		n += (size_t)sprintf(fmt + n, "*.*%s%c]", len_text[len], *c);
		int is_signed = *c == 'd' || *c == 'i';

		for (size_t wi = 0; wi < sizeof(widths) / sizeof(widths[0]); wi++)
		for (size_t pi = 0; pi < sizeof(precs) / sizeof(precs[0]); pi++)
		for (size_t vi = 0; vi < sizeof(values) / sizeof(values[0]); vi++) {
			/* A small size too, varying with the combination, so
			 * truncation is exercised everywhere. */
			size_t small = combos % 13;
			combos++;
			if (!agree_int(BUF, fmt, len, is_signed, widths[wi], precs[pi], values[vi]))
				bad++;
			if (!agree_int(small, fmt, len, is_signed, widths[wi], precs[pi], values[vi]))
				bad++;
		}
	}
	CHECK_EQ(bad, 0);
	CHECK(combos > 100000);
}

/* Written-out widths and precisions go through a different parser path. */
static void test_digit_fields(void)
{
	static const char *const flag_sets[] = { "", "-", "0", "+", " ", "#", "-+", "0#", "0 " };
	static const char *const widths[] = { "", "1", "3", "12", "40" };
	static const char *const precs[] = { "", ".", ".0", ".2", ".17" };
	unsigned long bad = 0;

	for (size_t f = 0; f < sizeof(flag_sets) / sizeof(flag_sets[0]); f++)
	for (size_t w = 0; w < sizeof(widths) / sizeof(widths[0]); w++)
	for (size_t p = 0; p < sizeof(precs) / sizeof(precs[0]); p++) {
		char fmt[64];

		snprintf(fmt, sizeof(fmt), "<%%%s%s%sd|%%%s%s%sllx>", flag_sets[f], widths[w],
			 precs[p], flag_sets[f], widths[w], precs[p]);
		for (size_t v = 0; v < sizeof(values) / sizeof(values[0]); v++) {
			if (!agree(BUF, fmt, (int)values[v], (unsigned long long)values[v]))
				bad++;
		}
		/* '#' and '0' are undefined for s and c; glibc ignores them. */
		snprintf(fmt, sizeof(fmt), "<%%%s%s%ss|%%%s%sc>", flag_sets[f], widths[w],
			 precs[p], flag_sets[f], widths[w]);
		if (!agree(BUF, fmt, "string", 'k'))
			bad++;
	}
	CHECK_EQ(bad, 0);
}

UNIT_MAIN(
	UNIT(test_literal_text),
	UNIT(test_basic_integers),
	UNIT(test_pointer),
	UNIT(test_null_string),
	UNIT(test_unterminated_with_precision),
	UNIT(test_unknown_conversions),
	UNIT(test_sizes),
	UNIT(test_overflow),
	UNIT(test_integer_matrix),
	UNIT(test_digit_fields),
)
