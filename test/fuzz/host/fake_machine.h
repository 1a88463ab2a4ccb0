/* A fake machine for the domain builder target: FAKE_MACHINE_FRAMES frames,
 * each its own page-sized heap allocation (ASan catches a write past a
 * page), every other one owned by the domain being built and the rest by
 * someone else. map_frame aborts on a frame that is not the domain's, so a
 * builder that computes a wrong frame number is caught at the first write;
 * unmap_frame checks the mappings balance.
 *
 * It defines symbols with external linkage: include it in one file. */
#ifndef FUZZ_HOST_FAKE_MACHINE_H
#define FUZZ_HOST_FAKE_MACHINE_H

#include <stdbool.h>
#include <stdlib.h>

#include "fuzz.h"
#include "arch/x86/layout.h"
#include "arch/x86/directmap.h"

#define FAKE_DOMAIN_MAX_PAGES 8192u
#define FAKE_MACHINE_FRAMES   (2 * FAKE_DOMAIN_MAX_PAGES + 2)

static void *fake_frame[FAKE_MACHINE_FRAMES];
static int fake_mapped;
static uint32_t fake_mfns[FAKE_DOMAIN_MAX_PAGES];

/* The domain owns the odd frames: pfn n is frame 2n + 1, so frame numbers
 * are neither pfns nor contiguous with anything another domain owns. */
static bool fake_is_domains(uint64_t mfn)
{
	return mfn < FAKE_MACHINE_FRAMES && (mfn & 1);
}

static void fake_machine_init(void)
{
	if (fake_frame[0])
		return;
	for (uint32_t i = 0; i < FAKE_MACHINE_FRAMES; i++)
		FUZZ_CHECK((fake_frame[i] = aligned_alloc(PAGE_SIZE, PAGE_SIZE)) != NULL);
	for (uint32_t pfn = 0; pfn < FAKE_DOMAIN_MAX_PAGES; pfn++)
		fake_mfns[pfn] = 2 * pfn + 1;
}

void *map_frame(uint64_t mfn)
{
	FUZZ_CHECK(fake_is_domains(mfn));
	fake_mapped++;
	return fake_frame[mfn];
}

void unmap_frame(const void *va)
{
	FUZZ_CHECK(fake_mapped > 0);
	FUZZ_CHECK(((uintptr_t)va & (PAGE_SIZE - 1)) == 0);
	fake_mapped--;
}

#endif
