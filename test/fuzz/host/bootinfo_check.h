/* For the Multiboot targets: feed the fuzz input as the loader's memory,
 * parse it, and check what the parser promises of a bootinfo it fills. The
 * usable-RAM computation then runs over the map it read. */
#ifndef FUZZ_HOST_BOOTINFO_CHECK_H
#define FUZZ_HOST_BOOTINFO_CHECK_H

#include <string.h>

#include "fuzz.h"
#include "fakemem.h"
#include "boot/bootinfo.h"
#include "boot/memmap.h"

/* Where the fuzz input sits: the info structure at its first byte. */
#define FUZZ_INFO_PA 0x10000u

static void check_string(const char *s, size_t room)
{
	FUZZ_CHECK(memchr(s, '\0', room) != NULL);
}

static int parse_as(uint32_t magic, const uint8_t *data, size_t size)
{
	static struct bootinfo bi;
	static struct mem_range usable[BOOT_MAX_RANGES];
	struct fakemem m;
	unsigned nr, conflicts;

	fakemem_init(&m, FUZZ_INFO_PA, size ? size : 1);
	memcpy(m.bytes, data, size);
	int rc = bootinfo_parse(&bi, magic, FUZZ_INFO_PA, fakemem_read, &m);
	fakemem_free(&m);
	check_string(bi.error, sizeof(bi.error));
	if (rc < 0) {
		FUZZ_CHECK(bi.error[0] != '\0');
		return 0;
	}
	check_string(bi.cmdline, sizeof(bi.cmdline));
	check_string(bi.loader_name, sizeof(bi.loader_name));
	FUZZ_CHECK(bi.nr_modules <= BOOT_MAX_MODULES && bi.nr_ranges <= BOOT_MAX_RANGES);
	for (unsigned i = 0; i < bi.nr_modules; i++) {
		FUZZ_CHECK(bi.modules[i].start <= bi.modules[i].end);
		check_string(bi.modules[i].cmdline, sizeof(bi.modules[i].cmdline));
	}
	for (unsigned i = 0; i < bi.nr_ranges; i++)
		FUZZ_CHECK(bi.ranges[i].start <= bi.ranges[i].end);
	memmap_usable(bi.ranges, bi.nr_ranges, usable, BOOT_MAX_RANGES, &nr, &conflicts);
	FUZZ_CHECK(nr <= BOOT_MAX_RANGES);
	return 0;
}

#endif
