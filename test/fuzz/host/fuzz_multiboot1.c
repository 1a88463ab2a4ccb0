/* The Multiboot1 information structure (and the strings, modules and map
 * it points at) as any bytes, through bootinfo_parse and bootparse. */
#include "bootinfo_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return parse_as(MULTIBOOT1_BOOTLOADER_MAGIC, data, size);
}
