/* printf and scanf: integers, long long, floating point, strings. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../check.h"
#include "libc_test.h"

#define SAYS(expect, ...)                                                   \
	do {                                                                \
		char got_[128];                                             \
		snprintf(got_, sizeof(got_), __VA_ARGS__);                  \
		CHECK(strcmp(got_, expect) == 0, "printf %s -> \"%s\" (got \"%s\")", \
		      #__VA_ARGS__, expect, got_);                          \
	} while (0)

void test_format(void)
{
	SAYS("42 -7 ff 0x1f 017", "%d %i %x %#x %#o", 42, -7, 255, 31, 15);
	SAYS("[   42] [42   ] [00042]", "[%5d] [%-5d] [%05d]", 42, 42, 42);
	SAYS("-9223372036854775808", "%lld", -9223372036854775807LL - 1);
	SAYS("18446744073709551615", "%llu", 18446744073709551615ULL);
	SAYS("3.141593 2.50e+00 0.1", "%f %.2e %g", 3.14159265, 2.5, 0.1);
	SAYS("-0.000 inf nan", "%.3f %f %f", -0.0, 1.0 / 0.0, 0.0 / 0.0);
	SAYS("[  abc] [ab]", "[%5s] [%.2s]", "abc", "abc");
	SAYS("c 100%", "%c %d%%", 'c', 100);
	SAYS("7 -3 200 1.500000", "%zu %jd %hhu %Lf", (size_t)7, (intmax_t)-3, (unsigned char)200,
	     1.5L);

	char big[8];
	int n = snprintf(big, sizeof(big), "%s", "0123456789");
	CHECK(n == 10 && strcmp(big, "0123456") == 0,
	      "snprintf truncates and returns the full length (%d)", n);

	int i = 0;
	long long ll = 0;
	double d = 0;
	float f = 0;
	char word[16] = "";
	int got = sscanf("-12 123456789012 2.5e3 0.25 hello", "%d %lld %lf %f %15s", &i, &ll,
			 &d, &f, word);
	CHECK(got == 5 && i == -12 && ll == 123456789012LL && d == 2500.0 && f == 0.25f &&
	      strcmp(word, "hello") == 0, "sscanf reads int, long long, double, float, string");
	CHECK(sscanf("x12", "%d", &i) == 0, "sscanf stops at a mismatch");
	CHECK(sscanf("", "%d", &i) == EOF, "sscanf returns EOF on empty input");
	unsigned hex = 0;
	CHECK(sscanf("0x1F", "%x", &hex) == 1 && hex == 31, "sscanf %%x takes 0x");
}
