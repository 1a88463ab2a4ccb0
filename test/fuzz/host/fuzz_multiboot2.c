/* The Multiboot2 tag structure as any bytes, through bootinfo_parse and
 * bootparse. */
#include "bootinfo_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return parse_as(MULTIBOOT2_BOOTLOADER_MAGIC, data, size);
}
