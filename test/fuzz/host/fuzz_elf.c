/* elf_check on any bytes: it either refuses with a sentence or promises a
 * summary whose every claim holds of the image. */
#include <string.h>

#include "fuzz.h"
#include "elf/elf.h"
#include "elf/elf_check.h"
#include "lib/le.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct elf_summary sum;
	char err[160];

	if (elf_check(data, size, &sum, err, sizeof(err)) < 0) {
		FUZZ_CHECK(err[0] != '\0' && memchr(err, '\0', sizeof(err)));
		return 0;
	}
	uint32_t phoff = le32(data + 28), phnum = le16(data + 44);
	FUZZ_CHECK(sum.nr_load > 0 && sum.nr_load <= phnum);
	FUZZ_CHECK((uint64_t)phoff + phnum * 32ull <= size);
	for (uint32_t i = 0; i < phnum; i++) {
		const uint8_t *ph = data + phoff + i * 32;
		if (le32(ph) != PT_LOAD)
			continue;
		FUZZ_CHECK((uint64_t)le32(ph + 4) + le32(ph + 16) <= size);
		FUZZ_CHECK(le32(ph + 16) <= le32(ph + 20));
		FUZZ_CHECK((uint64_t)le32(ph + 8) + le32(ph + 20) <= UINT32_MAX);
	}
	FUZZ_CHECK(sum.entry >= sum.vaddr_lo && sum.entry < sum.vaddr_hi);
	return 0;
}
