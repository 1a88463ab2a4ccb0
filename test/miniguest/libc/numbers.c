/* math.h, strtod and strtol, qsort and bsearch. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>

#include "../check.h"
#include "libc_test.h"

static int near(double a, double b)
{
	return fabs(a - b) <= 1e-12 * (fabs(b) > 1 ? fabs(b) : 1);
}

static int by_value(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

void test_numbers(void)
{
	CHECK(near(sqrt(2.0), 1.4142135623730951), "sqrt");
	CHECK(near(sin(M_PI / 6), 0.5) && near(cos(0.0), 1.0) && near(atan2(1, 1), M_PI / 4),
	      "sin, cos, atan2");
	CHECK(near(exp(1.0), M_E) && near(log(M_E), 1.0) && near(pow(2, 10), 1024),
	      "exp, log, pow");
	CHECK(floor(-1.5) == -2.0 && ceil(-1.5) == -1.0 && near(fmod(7.5, 2), 1.5),
	      "floor, ceil, fmod");
	CHECK(near(ldexp(0.75, 4), 12.0) && near(ldexpf(0.5f, 3), 4.0f),
	      "ldexp and ldexpf (the x87 code newlib needed patching for)");
	CHECK(isnan(sqrt(-1.0)) && isinf(1.0 / 0.0), "sqrt(-1) is NaN, 1/0 is inf");

	char *end;
	CHECK(strtod("  -12.5e-1xyz", &end) == -1.25 && *end == 'x', "strtod and its end");
	CHECK(near(strtod("0x1p-2", NULL), 0.25), "strtod reads hex floats");
	errno = 0;
	CHECK(strtod("1e999", NULL) == HUGE_VAL && errno == ERANGE,
	      "strtod overflow: HUGE_VAL and ERANGE");
	errno = 0;
	CHECK(strtol("99999999999", NULL, 10) == 2147483647L && errno == ERANGE,
	      "strtol overflow: LONG_MAX and ERANGE");
	CHECK(strtoul("ff", NULL, 16) == 255 && atoi("-34") == -34, "strtoul, atoi");

	int v[1000];
	for (int i = 0; i < 1000; i++)
		v[i] = (i * 7919) % 1000;
	qsort(v, 1000, sizeof(v[0]), by_value);
	int sorted = 1;
	for (int i = 0; i < 1000; i++)
		sorted &= v[i] == i;
	CHECK(sorted, "qsort sorts 1000 numbers");
	int key = 637, missing = 1000;
	int *hit = bsearch(&key, v, 1000, sizeof(v[0]), by_value);
	CHECK(hit && *hit == 637 && !bsearch(&missing, v, 1000, sizeof(v[0]), by_value),
	      "bsearch finds what is there and nothing else");
}
