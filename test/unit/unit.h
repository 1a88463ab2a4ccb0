/* A tiny TAP harness for host unit tests.
 *
 * Each test is a function registered in the file's UNIT_TESTS list; every
 * failed check prints where and why, the test reports "ok"/"not ok", and the
 * binary exits non-zero when any test failed. Meson reads the TAP stream. */
#ifndef UNIT_H
#define UNIT_H

#include <stdio.h>
#include <string.h>
#include <stdint.h>
#include <inttypes.h>

extern int unit_failed_checks;

#define CHECK(cond) do { \
	if (!(cond)) { \
		printf("#   %s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
		unit_failed_checks++; \
	} \
} while (0)

#define CHECK_EQ(a, b) do { \
	long long a_ = (long long)(a), b_ = (long long)(b); \
	if (a_ != b_) { \
		printf("#   %s:%d: %s == %s: %lld != %lld\n", __FILE__, __LINE__, \
		       #a, #b, a_, b_); \
		unit_failed_checks++; \
	} \
} while (0)

#define CHECK_STR(a, b) do { \
	const char *a_ = (a), *b_ = (b); \
	if (!a_ || !b_ || strcmp(a_, b_) != 0) { \
		printf("#   %s:%d: %s == %s: \"%s\" != \"%s\"\n", __FILE__, __LINE__, \
		       #a, #b, a_ ? a_ : "(null)", b_ ? b_ : "(null)"); \
		unit_failed_checks++; \
	} \
} while (0)

struct unit_test {
	const char *name;
	void (*fn)(void);
};

#define UNIT(fn) { #fn, fn }

/* Runs every test of the list and prints the TAP stream; returns the exit status. */
int unit_run(const struct unit_test *tests, int count);

#define UNIT_MAIN(...) \
	int main(void) { \
		static const struct unit_test tests_[] = { __VA_ARGS__ }; \
		return unit_run(tests_, (int)(sizeof(tests_) / sizeof(tests_[0]))); \
	}

#endif
