/* Composition of log lines. */
#include <stdarg.h>
#include "unit.h"
#include "console/log.h"

static char line[700];

static size_t fmt(size_t size, enum log_level lvl, uint64_t us, const char *f, ...)
{
	va_list ap;
	va_start(ap, f);
	size_t n = log_format_line(line, size, lvl, us, f, ap);
	va_end(ap);
	return n;
}

static void test_prefix(void)
{
	size_t n = fmt(sizeof(line), LOG_INFO, 12345, "hello %d", 42);
	CHECK_STR(line, "[      12.345] I hello 42\n");
	CHECK_EQ(n, strlen(line));
	fmt(sizeof(line), LOG_ERR, 0, "x");
	CHECK_STR(line, "[       0.000] E x\n");
	fmt(sizeof(line), LOG_WARN, 99999999999ull, "late");
	CHECK_STR(line, "[99999999.999] W late\n");
	fmt(sizeof(line), LOG_DEBUG, 1, "d");
	CHECK_STR(line, "[       0.001] D d\n");
}

static void test_newlines(void)
{
	fmt(sizeof(line), LOG_INFO, 0, "trailing\n\n");
	CHECK_STR(line, "[       0.000] I trailing\n");
	fmt(sizeof(line), LOG_INFO, 0, "one\ntwo");
	CHECK_STR(line, "[       0.000] I one\n                 two\n");
	fmt(sizeof(line), LOG_INFO, 0, "%s", "");
	CHECK_STR(line, "[       0.000] I \n");
}

static void test_truncation(void)
{
	char big[1000];
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	size_t n = fmt(sizeof(line), LOG_INFO, 0, "%s", big);
	CHECK(n < sizeof(line));
	CHECK_EQ(strlen(line), n);
	CHECK(strstr(line, "...\n") != NULL);
	CHECK(line[n - 1] == '\n');

	n = fmt(30, LOG_INFO, 0, "%s", "a fairly long message that will not fit");
	CHECK(n < 30);
	CHECK_EQ(strlen(line), n);
	CHECK(strstr(line, "...") != NULL);

	line[0] = 'z';
	CHECK_EQ(fmt(0, LOG_INFO, 0, "x"), 0);
	CHECK(line[0] == 'z');
	CHECK(fmt(1, LOG_INFO, 0, "x") == 0 && line[0] == '\0');
}

static void test_levels(void)
{
	enum log_level l;
	CHECK_EQ(log_level_parse("debug", 5, &l), 0);
	CHECK_EQ(l, LOG_DEBUG);
	CHECK_EQ(log_level_parse("warn", 4, &l), 0);
	CHECK_EQ(l, LOG_WARN);
	CHECK_EQ(log_level_parse("banana", 6, &l), -1);
	CHECK_EQ(log_level_parse("debugx", 5, &l), 0);   /* length-bounded */
	CHECK_EQ(log_level_parse("deb", 3, &l), -1);
	CHECK_EQ(log_level_parse("", 0, &l), -1);
	CHECK_STR(log_level_name(LOG_ERR), "error");
	CHECK_STR(log_level_name((enum log_level)9), "?");
}

UNIT_MAIN(UNIT(test_prefix), UNIT(test_newlines), UNIT(test_truncation), UNIT(test_levels))
