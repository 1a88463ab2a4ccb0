#include "selftest.h"
#include "arch/arch.h"
#include "console/log.h"
#include "ksyms.h"
#include "lib/string.h"
#include "mm/mm.h"
#include "time/clock.h"
#include "time/timer.h"

#define ALLOC_FRAMES  1000

static int failures;

void selftest_check(bool ok, const char *what)
{
	if (ok) {
		log_info("selftest: ok   %s", what);
	} else {
		log_err("selftest: FAIL %s", what);
		failures++;
	}
}

static bool inside(uint64_t mfn, uint64_t start, uint64_t end)
{
	return mfn >= (start >> PAGE_SHIFT) && mfn < ((end + PAGE_SIZE - 1) >> PAGE_SHIFT);
}

static bool frame_is_reserved_range(uint64_t mfn, const struct bootinfo *bi)
{
	extern const char _end[];

	if (mfn < 256 || inside(mfn, HV_LOAD_ADDR, virt_to_phys(_end)) ||
	    inside(mfn, bi->info_start, bi->info_end))
		return true;
	for (unsigned i = 0; i < bi->nr_modules; i++)
		if (inside(mfn, bi->modules[i].start, bi->modules[i].end))
			return true;
	return false;
}

static uint32_t frames[ALLOC_FRAMES];

static void test_frames(const struct bootinfo *bi)
{
	uint32_t free_before = frame_table.nr_free;
	bool distinct = true, owned = true, clear_of_reserved = true, kept = true;

	for (unsigned i = 0; i < ALLOC_FRAMES; i++) {
		frames[i] = alloc_frame();
		struct frame *f = &frame_table.f[frames[i]];
		owned &= f->owner == DOMID_XEN && (f->flags & (FRAME_RAM | FRAME_FREE)) == FRAME_RAM;
		clear_of_reserved &= !frame_is_reserved_range(frames[i], bi);
		uint32_t *p = map_frame(frames[i]);
		for (unsigned w = 0; w < PAGE_SIZE / 4; w += 97)
			p[w] = frames[i] ^ w;
		unmap_frame(p);
	}
	for (unsigned i = 0; i < ALLOC_FRAMES; i++) {
		for (unsigned j = i + 1; j < ALLOC_FRAMES; j++)
			distinct &= frames[i] != frames[j];
		uint32_t *p = map_frame(frames[i]);
		for (unsigned w = 0; w < PAGE_SIZE / 4; w += 97)
			kept &= p[w] == (frames[i] ^ w);
		unmap_frame(p);
	}
	selftest_check(distinct, "1000 allocated frames are distinct");
	selftest_check(owned, "allocated frames are RAM owned by the hypervisor");
	selftest_check(clear_of_reserved, "no allocated frame lies in low memory, the image, the boot info or a module");
	selftest_check(kept, "each frame keeps what was written to it through the direct map");
	selftest_check(frame_table.nr_free == free_before - ALLOC_FRAMES, "the free count drops by 1000");
	for (unsigned i = 0; i < ALLOC_FRAMES; i++)
		free_frame(frames[i]);
	selftest_check(frame_table.nr_free == free_before, "freeing them restores the free count");
	selftest_check(frame_free(&frame_table, frames[0]) < 0, "a double free is refused");
}

/* The direct map and the hypervisor's own mappings show the same memory:
 * a heap page written through one reads back through the other. */
static void test_directmap(void)
{
	uint32_t *heap_page = xmalloc(PAGE_SIZE);
	uint64_t mfn = heap_page ? hv_lookup((uintptr_t)heap_page) : ~0ull;

	selftest_check(heap_page && mfn != ~0ull, "a heap page is backed by a frame");
	if (!heap_page || mfn == ~0ull)
		return;
	uint32_t *direct = map_frame(mfn);
	heap_page[10] = 0xfeedf00d;
	direct[11] = 0x5eed1e55;
	selftest_check((uintptr_t)direct == DIRECTMAP_START + (mfn << PAGE_SHIFT),
		       "a frame's direct-map address is its machine address plus the map's base");
	selftest_check(direct[10] == 0xfeedf00d && heap_page[11] == 0x5eed1e55,
		       "the heap and the direct map show the same frame");
	unmap_frame(direct);
	xfree(heap_page);
}

#define NR_SIZES 8

static void test_heap(void)
{
	static const size_t sizes[NR_SIZES] = { 1, 16, 17, 100, 2048, 2049, 4096, 40000 };
	static const unsigned large_pages = 1 + 1 + 10;   /* the last three */
	struct mm_stats held, released;
	void *p[NR_SIZES];
	bool ok = true;

	for (unsigned i = 0; i < NR_SIZES; i++) {
		p[i] = xmalloc(sizes[i]);
		ok &= p[i] && ((uintptr_t)p[i] & 15) == 0;
		if (p[i])
			memset(p[i], 0x5a, sizes[i]);
	}
	for (unsigned i = 0; ok && i < NR_SIZES; i++)
		ok &= ((uint8_t *)p[i])[sizes[i] - 1] == 0x5a;
	selftest_check(ok, "heap objects from 1 byte to 40000 bytes, aligned and writable");
	mm_stats(&held);
	for (unsigned i = NR_SIZES - 3; i < NR_SIZES; i++)
		xfree(p[i]);
	mm_stats(&released);
	selftest_check(released.heap_pages == held.heap_pages - large_pages &&
	      released.frames_free == held.frames_free + large_pages,
	      "large objects give their pages and frames back");
	for (unsigned i = 0; i < NR_SIZES - 3; i++)
		xfree(p[i]);
	selftest_check(xmalloc(0) == NULL, "a zero-byte allocation is refused");
}

static volatile uint64_t fired_at;

static void on_timer(struct timer *t)
{
	(void)t;
	fired_at = clock_ns();
}

static void test_time(void)
{
	uint64_t prev = clock_ns();
	bool monotonic = true;

	for (int i = 0; i < 10000; i++) {
		uint64_t now = clock_ns();
		monotonic &= now >= prev;
		prev = now;
	}
	selftest_check(monotonic, "the clock never goes backwards");
	selftest_check(clock_tsc_hz() > 10000000ull, "the TSC runs faster than 10 MHz");

	struct timer t = { .fn = on_timer };
	uint64_t deadline = clock_ns() + 2000000;
	fired_at = 0;
	timer_set(&t, deadline);
	uint64_t give_up = clock_ns() + 2000000000ull;
	while (!fired_at && clock_ns() < give_up)
		safe_halt();
	selftest_check(fired_at != 0, "a 2 ms timer interrupt arrives");
	selftest_check(fired_at >= deadline, "and not before its deadline");
	if (fired_at)
		log_info("selftest: %s timer fired %llu us after its deadline", arch_timer_name(),
			 (unsigned long long)(fired_at - deadline) / 1000);
	timer_cancel(&t);
}

static void test_symbols(void)
{
	uint32_t off;
	const char *name = ksym_lookup((uintptr_t)test_symbols + 3, &off);
	selftest_check(name && strcmp(name, "test_symbols") == 0 && off == 3,
	      "the symbol table names hypervisor functions");
}

int selftest_run(const struct bootinfo *bi)
{
	failures = 0;
	arch_selftest_faults();
	test_frames(bi);
	test_directmap();
	test_heap();
	test_time();
	test_symbols();
	log_info("selftest: %d failure(s)", failures);
	log_info("Test result: %s", failures ? "FAILURE" : "SUCCESS");
	return failures;
}
