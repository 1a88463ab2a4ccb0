/* Bringing up machine memory. Until the frame table exists, frames come
 * straight off the bottom of the usable ranges (the boot allocator); then
 * every remaining usable frame goes on the free list. Bottom-up keeps clear
 * of the top of RAM, where boot loaders run their own code last: under QEMU's
 * TCG, writes to pages that held translated code are many times slower. */
#include "mm/mm.h"
#include "mm/heap.h"
#include "boot/memmap.h"
#include "arch/arch.h"
#include "console/log.h"
#include "console/panic.h"
#include "lib/string.h"
#include "domain/domain.h"

#define MIN_RAM_MB        32
#define MAX_FRAMES        ((FRAMETABLE_END - FRAMETABLE_START) / sizeof(struct frame))
#define HEAP_MAX_PAGES    ((HEAP_MAX_END - HEAP_START) / PAGE_SIZE)
#define HEAP_MIN_PAGES    (HEAP_MAX_PAGES / 8)
_Static_assert(MAX_FRAMES == MAX_RAM_FRAMES, "the frame table covers what the M2P can");

struct frame_table frame_table;
static struct mem_range usable[BOOT_MAX_RANGES];
static unsigned nr_usable;
static uint32_t boot_frames;
static bool allocator_ready;

static struct heap heap;
static uint8_t heap_state[HEAP_MAX_PAGES];
static uint16_t heap_run[HEAP_MAX_PAGES];

extern const char _end[];

static uint64_t bootmem_alloc(void)
{
	for (unsigned i = 0; i < nr_usable; i++) {
		if (usable[i].end > usable[i].start) {
			usable[i].start += PAGE_SIZE;
			boot_frames++;
			return (usable[i].start >> PAGE_SHIFT) - 1;
		}
	}
	panic("out of memory while setting up the frame table");
}

uint64_t alloc_frame(void)
{
	if (!allocator_ready)
		return bootmem_alloc();
	uint32_t mfn = frame_alloc(&frame_table, DOMID_XEN);
	if (mfn == FRAME_NONE)
		panic("out of machine frames (%u RAM frames in all)", frame_table.nr_ram);
	return mfn;
}

void free_frame(uint64_t mfn)
{
	if (frame_free(&frame_table, (uint32_t)mfn) < 0)
		panic("free_frame(0x%llx): not an allocated, unreferenced RAM frame",
		      (unsigned long long)mfn);
}

void frame_share(uint32_t mfn, uint16_t domid)
{
	struct frame *f = &frame_table.f[mfn];

	f->owner = domid;
	f->flags |= FRAME_SHARED;
	f->count = 1;
	f->type_info = 0;
}

/* The last reference to a guest frame went: no TLB may still map it when
 * it goes back on the free list. */
void frame_release(uint32_t mfn)
{
	struct frame *f = &frame_table.f[mfn];

	if (f->flags & FRAME_GIVEN_BACK) {
		struct domain *d = domain_by_id(f->owner);
		if (d && d->given_back_live)
			d->given_back_live--;
	}
	flush_tlb_local();
	if (frame_free(&frame_table, mfn) < 0)
		panic("frame 0x%x lost its last reference but cannot be freed", mfn);
}

static int reserve(uint64_t start, uint64_t end, const char *what)
{
	if (memmap_subtract(usable, &nr_usable, BOOT_MAX_RANGES, start, end) < 0) {
		log_err("memory map too fragmented to reserve %s", what);
		return -1;
	}
	return 0;
}

static int find_usable(const struct bootinfo *bi)
{
	unsigned conflicts = 0;

	if (memmap_usable(bi->ranges, bi->nr_ranges, usable, BOOT_MAX_RANGES,
			  &nr_usable, &conflicts) < 0) {
		log_err("memory map has too many ranges (%u given)", bi->nr_ranges);
		return -1;
	}
	if (conflicts)
		log_warn("memory map: %u overlap(s) between RAM and reserved ranges; "
			 "the overlapping parts are left unused", conflicts);
	uint64_t ram = memmap_total(usable, nr_usable);
	if (ram < (uint64_t)MIN_RAM_MB << 20) {
		log_err("only %llu KiB of usable RAM in the memory map; ringlet needs "
			"at least %u MiB", (unsigned long long)(ram >> 10), MIN_RAM_MB);
		return -1;
	}
	/* Low memory belongs to the firmware; the image, the loader's data and
	 * the modules must survive until their consumers are done with them. */
	if (reserve(0, 1 << 20, "low memory") ||
	    reserve(HV_LOAD_ADDR, virt_to_phys(_end), "the hypervisor image") ||
	    reserve(bi->info_start, bi->info_end, "the boot information"))
		return -1;
	for (unsigned i = 0; i < bi->nr_modules; i++)
		if (reserve(bi->modules[i].start, bi->modules[i].end, "a module"))
			return -1;
	if (usable[nr_usable - 1].end > (uint64_t)MAX_FRAMES << PAGE_SHIFT) {
		log_warn("RAM above %u MiB is not used (what the machine-to-physical table can describe)",
			 (unsigned)(MAX_FRAMES >> (20 - PAGE_SHIFT)));
		if (reserve((uint64_t)MAX_FRAMES << PAGE_SHIFT, ~0ull & ~0xfffull, "RAM past the limit"))
			return -1;
	}
	return 0;
}

static void build_frame_table(const struct bootinfo *bi)
{
	uint64_t top = 0;
	for (unsigned i = 0; i < bi->nr_ranges; i++)
		if (bi->ranges[i].type == MEM_RAM && bi->ranges[i].end > top)
			top = bi->ranges[i].end;
	uint32_t nr = top >> PAGE_SHIFT;
	if (nr > MAX_FRAMES)
		nr = MAX_FRAMES;

	uint32_t bytes = nr * sizeof(struct frame);
	paging_populate(FRAMETABLE_START,
			FRAMETABLE_START + ((bytes + (1u << L2_SHIFT) - 1) & ~((1u << L2_SHIFT) - 1)),
			bootmem_alloc);
	for (uint32_t off = 0; off < bytes; off += PAGE_SIZE)
		hv_map(FRAMETABLE_START + off, bootmem_alloc(), PTE_RW | pte_nx);
	frames_setup(&frame_table, (struct frame *)FRAMETABLE_START, nr);
}

static int heap_back(void *ctx, uintptr_t va)
{
	(void)ctx;
	uint32_t mfn = frame_alloc(&frame_table, DOMID_XEN);
	if (mfn == FRAME_NONE)
		return -1;
	hv_map(va, mfn, PTE_RW | pte_nx);
	return 0;
}

static void heap_unback(void *ctx, uintptr_t va)
{
	(void)ctx;
	uint64_t mfn = hv_lookup(va);
	hv_unmap(va);
	free_frame(mfn);
}

int mm_init(const struct bootinfo *bi)
{
	if (find_usable(bi) < 0)
		return -1;
	log_debug("mm: usable ranges found");
	build_frame_table(bi);
	log_debug("mm: frame table built");
	/* The heap grows with memory: an eighth of RAM, between 64 and 512
	 * MiB. Its L1s come from the boot allocator too, before the rest of the
	 * usable memory is handed to the free list. */
	uint64_t heap_pages = memmap_total(usable, nr_usable) / PAGE_SIZE / 8;
	if (heap_pages < HEAP_MIN_PAGES)
		heap_pages = HEAP_MIN_PAGES;
	if (heap_pages > HEAP_MAX_PAGES)
		heap_pages = HEAP_MAX_PAGES;
	paging_populate(HEAP_START, HEAP_START + heap_pages * PAGE_SIZE, bootmem_alloc);
	log_debug("mm: heap populated");

	for (unsigned i = 0; i < bi->nr_ranges; i++)
		if (bi->ranges[i].type == MEM_RAM)
			frames_mark_ram(&frame_table, bi->ranges[i].start >> PAGE_SHIFT,
					bi->ranges[i].end >> PAGE_SHIFT);
	for (unsigned i = 0; i < nr_usable; i++) {
		uint32_t s = usable[i].start >> PAGE_SHIFT, e = usable[i].end >> PAGE_SHIFT;
		if (s < e && frames_release(&frame_table, s, e) < 0)
			panic("usable range 0x%llx-0x%llx is not all RAM",
			      (unsigned long long)usable[i].start, (unsigned long long)usable[i].end);
	}
	allocator_ready = true;
	heap_init(&heap, HEAP_START, (uint32_t)heap_pages, heap_state, heap_run, heap_back,
		  heap_unback, NULL);
	log_info("memory: %u MiB RAM, %u MiB free, frame table %u KiB for %u frames, "
		 "heap up to %u MiB", frame_table.nr_ram >> 8, frame_table.nr_free >> 8,
		 (unsigned)(frame_table.nr * sizeof(struct frame)) >> 10, frame_table.nr,
		 (unsigned)(heap_pages >> 8));
	return 0;
}

void *xmalloc(size_t size)
{
	uint32_t flags = irq_save();
	void *p = heap_alloc(&heap, size);
	irq_restore(flags);
	return p;
}

void *xzalloc(size_t size)
{
	void *p = xmalloc(size);
	if (p)
		memset(p, 0, size);
	return p;
}

void xfree(void *p)
{
	uint32_t flags = irq_save();
	int r = heap_free(&heap, p);
	irq_restore(flags);
	if (r < 0)
		panic("xfree(%p): not a heap allocation", p);
}

void mm_stats(struct mm_stats *s)
{
	*s = (struct mm_stats){
		.frames_total = frame_table.nr, .frames_ram = frame_table.nr_ram,
		.frames_free = frame_table.nr_free, .heap_pages = heap.pages_used,
		.boot_frames = boot_frames,
	};
}
