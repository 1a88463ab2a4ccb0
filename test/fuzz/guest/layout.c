/* The fuzzer's pages and the frames it knows (fuzz.h): the arena and the
 * window with their guard pages, a GDT of its own, and its frames sorted
 * for telling its own from others'. */
#include "fuzz.h"
#include "pagetable.h"
#include "region.h"

#define MAX_OWN 16384                     /* 64 MiB of domain */

struct layout L;

static uint32_t own_sorted[MAX_OWN];
static uint32_t pt_pfn_first;

static const uint32_t *p2m(void)
{
	return (const uint32_t *)(uintptr_t)start_info->mfn_list;
}

static void sort_own(void)
{
	/* Shell sort: a few thousand frames, once. */
	for (uint32_t gap = L.nr_own / 2; gap; gap /= 2)
		for (uint32_t i = gap; i < L.nr_own; i++)
			for (uint32_t j = i; j >= gap && own_sorted[j - gap] > own_sorted[j]; j -= gap) {
				uint32_t t = own_sorted[j];
				own_sorted[j] = own_sorted[j - gap];
				own_sorted[j - gap] = t;
			}
}

static bool owns(uint32_t mfn)
{
	uint32_t lo = 0, hi = L.nr_own;

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (own_sorted[mid] == mfn)
			return true;
		if (own_sorted[mid] < mfn)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

uint32_t own_frame(void)
{
	return p2m()[rnd(L.nr_own)];
}

bool safe_to_write(uint32_t mfn)
{
	/* shared_info is not in the p2m list, yet its time and event
	 * fields are the guest's. */
	if (mfn == L.shinfo_mfn)
		return false;
	if (!owns(mfn) || mfn == L.gdt_mfn)
		return true;
	for (unsigned i = 0; i < WINDOW_PAGES + 2; i++)
		if (L.window_mfn[i] == mfn)
			return true;
	return is_pt_frame(mfn);
}

static bool set_up_gdt(void)
{
	struct pt_frame f;
	xen_pfn_t frames[1];

	if (!pt_alloc_frame(&f) || pt_remap_ro(&f))
		return false;
	L.gdt_mfn = f.mfn;
	frames[0] = f.mfn;
	return hypercall_set_gdt(frames, 512) == 0;
}

bool layout_init(void)
{
	struct pt_frame f;

	L.nr_own = start_info->nr_pages < MAX_OWN ? start_info->nr_pages : MAX_OWN;
	L.own_min = ~0u;
	for (uint32_t i = 0; i < L.nr_own; i++) {
		own_sorted[i] = p2m()[i];
		L.own_min = own_sorted[i] < L.own_min ? own_sorted[i] : L.own_min;
		L.own_max = own_sorted[i] > L.own_max ? own_sorted[i] : L.own_max;
	}
	sort_own();
	L.max_mfn = pt_max_ram_mfn();
	L.region_end = initial_region_end();
	pt_init();
	L.l3_mfn = pt_l3_mfn;
	L.l2_mfn = pt_l2_mfn(pt_virt_base());
	L.top_l2_mfn = PT_MFN(pt_read(L.l3_mfn, 3));
	L.first_free_l2_slot = PT_L2_INDEX(L.region_end - 1) + 1;
	pt_pfn_first = pt_va_to_pfn(start_info->pt_base);
	L.pt_frames = start_info->nr_pt_frames;
	L.shinfo_mfn = (uint32_t)(start_info->shared_info >> 12);
	L.hcpage_mfn = region_mfn(ptr_arg(hypercall_page));

	if (!pt_alloc_frames(&f, ARENA_PAGES + WINDOW_PAGES + 2))
		return false;
	L.arena = f.va;
	L.arena_end = L.window = f.va + ARENA_PAGES * PAGE_SIZE;
	L.window_end = L.window + (WINDOW_PAGES + 2) * PAGE_SIZE;
	for (unsigned i = 0; i < WINDOW_PAGES + 2; i++) {
		uint32_t va = L.window + i * PAGE_SIZE;
		L.window_mfn[i] = region_mfn(va);
		L.window_l1e[i] = pt_l1e_maddr(va);
	}
	/* The guards: the first and last page of the window. */
	if (pt_unmap(L.window) || pt_unmap(L.window_end - PAGE_SIZE)) {
		test_error("cannot unmap the guard pages");
		return false;
	}
	if (!set_up_gdt()) {
		test_error("cannot set up a GDT of the guest's own");
		return false;
	}
	printk("frames: %u own (%#x..%#x), max_ram_page %#x, L3 %#x, L2 %#x, top L2 %#x, "
	       "GDT %#x, shared_info %#x, hypercall page %#x\n", L.nr_own, L.own_min, L.own_max,
	       L.max_mfn, L.l3_mfn, L.l2_mfn, L.top_l2_mfn, L.gdt_mfn, L.shinfo_mfn,
	       L.hcpage_mfn);
	printk("arena %#x-%#x, window %#x-%#x (guard pages at both ends), region end %#x\n",
	       L.arena, L.arena_end, L.window, L.window_end, L.region_end);
	return true;
}

uint32_t pt_frame(void)
{
	return p2m()[pt_pfn_first + rnd(L.pt_frames)];
}

bool is_pt_frame(uint32_t mfn)
{
	for (uint32_t i = 0; i < L.pt_frames; i++)
		if (p2m()[pt_pfn_first + i] == mfn)
			return true;
	return false;
}
