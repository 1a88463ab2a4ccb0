#include "arch/x86/pv/module_window.h"
#include "arch/arch.h"

const uint8_t *module_map(uint64_t start, uint64_t end)
{
	if (end < start || (end + PAGE_SIZE - 1) >> PAGE_SHIFT > directmap_frames)
		return NULL;
	return (const uint8_t *)map_frame(start >> PAGE_SHIFT) + (start & (PAGE_SIZE - 1));
}
