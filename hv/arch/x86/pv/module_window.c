#include "arch/x86/pv/module_window.h"
#include "arch/arch.h"

_Static_assert(MODULE_WINDOW_END - MODULE_WINDOW == MODULE_WINDOW_SIZE,
	       "the window's size is the layout's");

static uint32_t used;               /* bytes of the window mapped, from its start */

const uint8_t *module_map(uint64_t start, uint64_t end)
{
	uint64_t first = start >> PAGE_SHIFT, last = (end + PAGE_SIZE - 1) >> PAGE_SHIFT;

	if (end < start || (last - first) << PAGE_SHIFT > MODULE_WINDOW_SIZE - used)
		return NULL;
	uintptr_t base = MODULE_WINDOW + used;
	for (uint64_t f = first; f < last; f++)
		hv_map(base + ((f - first) << PAGE_SHIFT), f, pte_nx);
	used += (uint32_t)((last - first) << PAGE_SHIFT);
	return (const uint8_t *)(base + (start & (PAGE_SIZE - 1)));
}

void module_unmap(void)
{
	for (uint32_t off = 0; off < used; off += PAGE_SIZE)
		hv_unmap(MODULE_WINDOW + off);
	used = 0;
}
