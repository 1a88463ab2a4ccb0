/* One window of MAPCACHE_SLOTS pages for the single CPU we run on today;
 * a slot is flushed from the TLB when it is released, so a fresh mapping
 * never needs a flush. Interrupt handlers may map too. */
#include "arch/x86/mapcache.h"
#include "arch/x86/cpu.h"
#include "arch/x86/paging.h"
#include "console/panic.h"

static uint32_t used[MAPCACHE_SLOTS / 32];
static unsigned hint, in_use;

void *map_frame(uint64_t mfn)
{
	uint32_t flags = irq_save();

	for (unsigned n = 0; n < MAPCACHE_SLOTS; n++) {
		unsigned slot = (hint + n) % MAPCACHE_SLOTS;
		if (used[slot / 32] & (1u << (slot % 32)))
			continue;
		used[slot / 32] |= 1u << (slot % 32);
		mapcache_l1[slot] = (mfn << PAGE_SHIFT) | PTE_P | PTE_RW | pte_nx;
		hint = slot + 1;
		in_use++;
		irq_restore(flags);
		return (void *)(MAPCACHE_START + (slot << PAGE_SHIFT));
	}
	panic("map cache exhausted: %u slots in use (a mapping leak)", in_use);
}

void unmap_frame(const void *va)
{
	uintptr_t a = (uintptr_t)va;
	unsigned slot = (a - MAPCACHE_START) >> PAGE_SHIFT;

	if (a < MAPCACHE_START || a >= MAPCACHE_END ||
	    !(used[slot / 32] & (1u << (slot % 32))))
		panic("unmap_frame(%p): not a map cache mapping", va);
	uint32_t flags = irq_save();
	mapcache_l1[slot] = 0;
	invlpg(a & ~(uintptr_t)(PAGE_SIZE - 1));
	used[slot / 32] &= ~(1u << (slot % 32));
	in_use--;
	irq_restore(flags);
}

unsigned mapcache_in_use(void)
{
	return in_use;
}
