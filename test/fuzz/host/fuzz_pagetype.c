/* The page-type system under the operations the fuzzer's bytes choose
 * (test/unit/pagetype_ops.h: pins, unpins, entry updates, plain writes and
 * give-backs on a small fake machine, some of them in budgeted slices that
 * are finished or given up half-way), audited from scratch after each one:
 * every count, type count and type must be what the references say. */
#include <string.h>

#include "fuzz.h"
#include "unit.h"
#include "fakehv.h"
#include "pagetype_ops.h"

#define MAX_STEPS 64

/* What the unit-test helpers count a failed check in. */
int unit_failed_checks;

static const uint8_t *in;
static size_t left;

/* The next 8 bytes of the input; zeros once it is used up. */
static uint64_t next_bytes(void)
{
	uint64_t v = 0;
	size_t n = left < sizeof(v) ? left : sizeof(v);

	memcpy(&v, in, n);
	in += n;
	left -= n;
	return v;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ops_stats s = { 0 };

	in = data;
	left = size;
	ops_rand = next_bytes;
	audit_errors = 0;
	ops_setup();
	for (unsigned step = 0; step < MAX_STEPS && left; step++)
		ops_step(next_bytes(), &s);
	ops_finish(&s);
	fflush(stdout);
	FUZZ_CHECK(audit_errors == 0 && unit_failed_checks == 0);
	return 0;
}
