/* What the libFuzzer targets share: a check that aborts with the line,
 * so libFuzzer saves the input that broke it. */
#ifndef FUZZ_HOST_FUZZ_H
#define FUZZ_HOST_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define FUZZ_CHECK(cond) do { \
	if (!(cond)) { \
		fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
		abort(); \
	} \
} while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
