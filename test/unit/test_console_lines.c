/* Guests' lines on the shared console (hv/console/lines.c): what reaches
 * the serial line, byte for byte, as writers interleave. */
#include <stdlib.h>

#include "console/lines.h"
#include "unit.h"

static char out[4096];
static size_t out_len;

void console_raw_write(const char *s, size_t n)
{
	if (n > sizeof(out) - out_len)
		n = sizeof(out) - out_len;
	memcpy(out + out_len, s, n);
	out_len += n;
}

/* What came out since the last call, as a string. */
static const char *taken(void)
{
	static char copy[sizeof(out) + 1];

	memcpy(copy, out, out_len);
	copy[out_len] = '\0';
	out_len = 0;
	return copy;
}

static const int a, b;        /* two writers */

static void put(const int *who, const char *s)
{
	console_lines_write(who, who == &a ? "(a) " : "(b) ", 4, s, strlen(s));
}

static void test_lines(void)
{
	put(&a, "one\ntwo\n");
	CHECK_STR(taken(), "(a) one\n(a) two\n");
	put(&a, "\n");
	CHECK_STR(taken(), "(a) \n");
}

static void test_partial_lines_continue(void)
{
	put(&a, "par");
	put(&a, "tial");
	CHECK_STR(taken(), "(a) partial");
	put(&a, " end\n");
	CHECK_STR(taken(), " end\n");
}

static void test_interleaving_restarts_the_line(void)
{
	put(&a, "half");
	put(&b, "other\n");
	put(&a, " rest\n");
	CHECK_STR(taken(), "(a) half\n(b) other\n(a)  rest\n");
	put(&a, "open");
	console_lines_close();
	console_lines_close();
	put(&a, "again\n");
	CHECK_STR(taken(), "(a) open\n(a) again\n");
}

static void test_carriage_return(void)
{
	put(&a, "10%\r20%\r\n");
	CHECK_STR(taken(), "(a) 10%\r(a) 20%\r\n");
	/* Split across writes, and a '\r' left hanging when another writes. */
	put(&a, "x\r");
	put(&a, "y\n");
	put(&a, "z\r");
	put(&b, "b\n");
	CHECK_STR(taken(), "(a) x\r(a) y\n(a) z\n(b) b\n");
	put(&a, "\r\r\n");
	CHECK_STR(taken(), "(a) \r(a) \r\n");
}

static void test_long_line_unsplit(void)
{
	static char line[3000];

	memset(line, 'x', sizeof(line) - 2);
	line[sizeof(line) - 2] = '\n';
	put(&a, line);
	const char *got = taken();
	CHECK(strncmp(got, "(a) ", 4) == 0);
	CHECK_EQ(strlen(got), 4 + sizeof(line) - 1);
	CHECK(strchr(got + 4, '(') == NULL);
}

UNIT_MAIN(
	UNIT(test_lines),
	UNIT(test_partial_lines_continue),
	UNIT(test_interleaving_restarts_the_line),
	UNIT(test_carriage_return),
	UNIT(test_long_line_unsplit),
)
