/* A stand-in for the hypervisor around the page-type system and the
 * descriptor checks, for host tests of hv/arch/x86/pv/pagetype.c and
 * descriptor.c.
 *
 * It defines what those files link against: the frame table (over a host
 * array of FAKE_FRAMES frames), the direct map (each frame is its own 4 KiB
 * heap allocation, so ASan catches a walk off the end of a page), the
 * hypervisor's L2 slots, the TLB flush, frame release and panic. Every
 * mapping is counted and every flush and release recorded, so tests can
 * check that an operation leaves no mapping behind and flushes when it must.
 * Misusing a stand-in (mapping a frame beyond the fake memory, unmapping
 * something never mapped, releasing a frame that cannot be freed) and any
 * BUG_ON abort the program: the test binary fails loudly mid-plan.
 *
 * It defines symbols with external linkage: include it in exactly one file
 * of a test program.
 *
 * The machine, frame by frame:
 *   0..3     RAM owned by the hypervisor (its image, say), not free
 *   4..55    RAM on the free list
 *   56..59   not RAM (a hole, or a device's MMIO)
 *   60..63   RAM on the free list */
#ifndef FAKEHV_H
#define FAKEHV_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arch/x86/directmap.h"
#include "arch/x86/paging.h"
#include "console/panic.h"
#include "domain/domain.h"
#include "mm/mm.h"

#define FAKE_FRAMES      64u
#define FAKE_HOLE_START  56u
#define FAKE_HOLE_END    60u
#define FAKE_HV_FRAMES   4u         /* 0..3 belong to the hypervisor */

struct frame_table frame_table;
pte_t pte_nx = PTE_NX;

static struct frame fake_frames[FAKE_FRAMES];
static void *fake_pages[FAKE_FRAMES];
static pte_t fake_hv_l2[512];

static int fake_mapped;                  /* mappings not yet unmapped */
static unsigned fake_maps;               /* map_frame calls since setup */
static unsigned fake_flushes;
static uint32_t fake_released[256];      /* frames released, in order */
static unsigned fake_nr_released;

/* When fake_watch is a frame number, each flush records that frame's type
 * at the moment of the flush. */
static uint32_t fake_watch = FRAME_NONE;
static enum frame_type fake_watch_type_at_flush;

/* The value the hypervisor's L2 holds in hole slot i: recognisable, and
 * nothing a guest could have written (owned by the hypervisor, global). */
static inline pte_t fake_hv_slot(unsigned i)
{
	return ((pte_t)(0x7000u + i) << PAGE_SHIFT) | PTE_P | PTE_RW | PTE_A | PTE_D | PTE_G;
}

void *map_frame(uint64_t mfn)
{
	if (mfn >= FAKE_FRAMES) {
		printf("# map_frame(0x%llx): beyond the fake machine\n", (unsigned long long)mfn);
		abort();
	}
	fake_mapped++;
	fake_maps++;
	return fake_pages[mfn];
}

void unmap_frame(const void *va)
{
	for (unsigned i = 0; i < FAKE_FRAMES; i++) {
		const char *p = fake_pages[i];
		if ((const char *)va >= p && (const char *)va < p + PAGE_SIZE) {
			if (fake_mapped <= 0) {
				printf("# unmap_frame(%p): more unmaps than maps\n", va);
				abort();
			}
			fake_mapped--;
			return;
		}
	}
	printf("# unmap_frame(%p): not a mapping of any frame\n", va);
	abort();
}

unsigned mapcache_in_use(void)
{
	return (unsigned)fake_mapped;
}

/* The domains the page-type system may look up by owner (a table let go
 * of is queued on its owner): the tests register theirs. */
static struct domain *fake_domains[4];

struct domain *domain_by_id(uint16_t domid)
{
	for (unsigned i = 0; i < sizeof(fake_domains) / sizeof(fake_domains[0]); i++)
		if (fake_domains[i] && fake_domains[i]->domid == domid)
			return fake_domains[i];
	return NULL;
}

pte_t *hv_l2_slots(void)
{
	return fake_hv_l2;
}

void flush_tlb_local(void)
{
	fake_flushes++;
	if (fake_watch != FRAME_NONE)
		fake_watch_type_at_flush = frame_type(&frame_table.f[fake_watch]);
}

/* As the hypervisor's: the frame must be freeable (no references, no type
 * count left), else it panics. */
void frame_release(uint32_t mfn)
{
	if (frame_free(&frame_table, mfn) < 0) {
		const struct frame *f = mfn < frame_table.nr ? &frame_table.f[mfn] : NULL;
		printf("# frame_release(%u): the frame cannot be freed "
		       "(count %u, type_info 0x%x)\n", mfn, f ? f->count : 0, f ? f->type_info : 0);
		abort();
	}
	if (fake_nr_released < sizeof(fake_released) / sizeof(fake_released[0]))
		fake_released[fake_nr_released] = mfn;
	fake_nr_released++;
}

_Noreturn void panic_at(const char *file, int line, const char *func, const char *fmt, ...)
{
	va_list ap;

	printf("# panic at %s:%d (%s): ", file, line, func);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
	abort();
}

/* A fresh machine: every frame as described above, every page filled with
 * a pattern no test relies on, counters at zero. */
static inline void fake_setup(void)
{
	frames_setup(&frame_table, fake_frames, FAKE_FRAMES);
	frames_mark_ram(&frame_table, 0, FAKE_HOLE_START);
	frames_mark_ram(&frame_table, FAKE_HOLE_END, FAKE_FRAMES);
	if (frames_release(&frame_table, FAKE_HV_FRAMES, FAKE_HOLE_START) < 0 ||
	    frames_release(&frame_table, FAKE_HOLE_END, FAKE_FRAMES) < 0)
		abort();
	for (unsigned i = 0; i < FAKE_FRAMES; i++) {
		if (!fake_pages[i] && !(fake_pages[i] = aligned_alloc(PAGE_SIZE, PAGE_SIZE)))
			abort();
		memset(fake_pages[i], 0xa5, PAGE_SIZE);
	}
	for (unsigned i = 0; i < 512; i++)
		fake_hv_l2[i] = i >= HOLE_FIRST_L2_SLOT ? fake_hv_slot(i) : 0;
	pte_nx = PTE_NX;
	fake_mapped = 0;
	fake_maps = fake_flushes = fake_nr_released = 0;
	fake_watch = FRAME_NONE;
	fake_watch_type_at_flush = FT_NONE;
}

/* The host page standing in for frame mfn, as 512 entries. */
static inline pte_t *fake_page(uint32_t mfn)
{
	if (mfn >= FAKE_FRAMES)
		abort();
	return fake_pages[mfn];
}

/* A frame for d, as domain_alloc_frames hands it out: zeroed, owned by d,
 * holding its allocation reference. */
static inline uint32_t fake_alloc(const struct domain *d)
{
	uint32_t mfn = frame_alloc(&frame_table, d->domid);

	if (mfn == FRAME_NONE) {
		printf("# fake_alloc: the fake machine is out of frames\n");
		abort();
	}
	memset(fake_pages[mfn], 0, PAGE_SIZE);
	frame_table.f[mfn].count = 1;
	frame_table.f[mfn].flags |= FRAME_ALLOCATED;
	return mfn;
}

/* Whether frame mfn was released since setup. */
static inline int fake_was_released(uint32_t mfn)
{
	for (unsigned i = 0; i < fake_nr_released && i < 256; i++)
		if (fake_released[i] == mfn)
			return 1;
	return 0;
}

#endif
