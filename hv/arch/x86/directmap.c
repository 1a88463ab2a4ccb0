#include "arch/x86/directmap.h"
#include "arch/x86/paging.h"
#include "console/panic.h"

void *map_frame(uint64_t mfn)
{
	if (mfn >= directmap_frames)
		panic("map_frame(0x%llx): not a frame of machine memory", (unsigned long long)mfn);
	return (void *)(uintptr_t)(DIRECTMAP_START + (mfn << PAGE_SHIFT));
}

void unmap_frame(const void *va)
{
	uintptr_t a = (uintptr_t)va;

	if (a < DIRECTMAP_START || a >= DIRECTMAP_START + (directmap_frames << PAGE_SHIFT))
		panic("unmap_frame(%p): not in the direct map", va);
}
