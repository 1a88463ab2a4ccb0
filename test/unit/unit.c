#include "unit.h"

int unit_failed_checks;

int unit_run(const struct unit_test *tests, int count)
{
	int failed = 0;

	/* Line-buffered, so a crash keeps the TAP lines printed before it. */
	setvbuf(stdout, NULL, _IOLBF, 0);
	printf("1..%d\n", count);
	for (int i = 0; i < count; i++) {
		int before = unit_failed_checks;
		tests[i].fn();
		int ok = unit_failed_checks == before;
		printf("%s %d - %s\n", ok ? "ok" : "not ok", i + 1, tests[i].name);
		failed += !ok;
	}
	fflush(stdout);
	return failed ? 1 : 0;
}
