/* IPv4 address text (miniguest/net/inet_parse.c): inet_pton's strict
 * dotted quads and inet_aton's looser forms, compared with the host's own
 * inet_aton and inet_pton on the same strings. */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../miniguest/net/inet_parse.h"
#include "unit.h"

static uint32_t parsed(const char *s, int strict, int *ok)
{
	uint32_t a = 0xdeadbeef;

	*ok = inet_parse(s, strict, &a);
	return a;
}

static void test_quads(void)
{
	int ok;

	CHECK_EQ(parsed("0.0.0.0", 1, &ok), 0u);
	CHECK_EQ(ok, 1);
	CHECK_EQ(parsed("255.255.255.255", 1, &ok), 0xffffffffu);
	CHECK_EQ(ok, 1);
	CHECK_EQ(parsed("127.0.0.1", 1, &ok), 0x7f000001u);
	CHECK_EQ(parsed("10.20.30.40", 0, &ok), 0x0a141e28u);
	CHECK_EQ(ok, 1);
}

static void test_strict_refusals(void)
{
	static const char *bad[] = { "", ".", "1", "1.2", "1.2.3", "1.2.3.4.", "1.2.3.4.5",
				     "256.1.1.1", "1.2.3.256", "01.2.3.4", "1.2.3.04", "0x1.2.3.4",
				     "1..2.3", " 1.2.3.4", "1.2.3.4 ", "1.2.3.-4", "1.2.3.4x",
				     "1111.2.3.4", "99999999999999999999.1.1.1" };
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		int ok;
		parsed(bad[i], 1, &ok);
		if (ok)
			printf("#   strict took \"%s\"\n", bad[i]);
		CHECK_EQ(ok, 0);
	}
}

static void test_aton_forms(void)
{
	int ok;

	CHECK_EQ(parsed("0x7f.1", 0, &ok), 0x7f000001u);
	CHECK_EQ(parsed("010.0.0.1", 0, &ok), 0x08000001u);
	CHECK_EQ(parsed("1.2.772", 0, &ok), 0x01020304u);
	CHECK_EQ(parsed("4294967295", 0, &ok), 0xffffffffu);
	CHECK_EQ(ok, 1);
	CHECK_EQ(parsed("0", 0, &ok), 0u);
	CHECK_EQ(ok, 1);
	parsed("4294967296", 0, &ok);
	CHECK_EQ(ok, 0);
	parsed("1.16777216", 0, &ok);
	CHECK_EQ(ok, 0);
	parsed("08", 0, &ok);
	CHECK_EQ(ok, 0);
	parsed("0x", 0, &ok);
	CHECK_EQ(ok, 0);
	parsed("1.2.3.4.5", 0, &ok);
	CHECK_EQ(ok, 0);
}

/* Random short strings of digits, dots and x: the same answers as the
 * host's libc (glibc's inet_aton and inet_pton). */
static void test_against_host(void)
{
	static const char alphabet[] = "0123456789..xX";
	int differ = 0;

	srand(12345);
	for (int i = 0; i < 200000; i++) {
		char s[16];
		int len = 1 + rand() % 15, ok;
		struct in_addr a;
		for (int k = 0; k < len; k++)
			s[k] = alphabet[rand() % (sizeof(alphabet) - 1)];
		s[len] = '\0';
		for (int strict = 0; strict < 2; strict++) {
			uint32_t mine = parsed(s, strict, &ok);
			int host = strict ? inet_pton(AF_INET, s, &a) : inet_aton(s, &a);
			if (ok != host || (ok && mine != ntohl(a.s_addr))) {
				if (differ++ < 5)
					printf("#   \"%s\" strict %d: %d %08x, host %d\n", s, strict,
					       ok, mine, host);
			}
		}
	}
	CHECK_EQ(differ, 0);
}

UNIT_MAIN(
	UNIT(test_quads),
	UNIT(test_strict_refusals),
	UNIT(test_aton_forms),
	UNIT(test_against_host),
)
