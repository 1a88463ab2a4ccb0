/* Arguments for the fuzzer's calls (fuzz.h): buffers in the arena, and
 * pointers, frames, entries and ids steered at the edges. */
#include "fuzz.h"

#define HOLE       0xF5800000u        /* HYPERVISOR_VIRT_START, the m2p table */
#define M2P_END    0xF6800000u

static uint32_t arena_next;
static bool straddled;

void arena_reset(void)
{
	arena_next = L.arena;
	straddled = false;
}

/* The arena's last page is kept for the one copy a round may place across
 * its end (arg_ptr), so that nothing else is written over it. Nothing is
 * ever handed out twice in a round: a buffer written over would hand the
 * hypervisor data no generator made safe. */
void *arena_alloc(uint32_t size)
{
	uint32_t limit = L.arena_end - PAGE_SIZE;
	uint32_t at = (arena_next + 7) & ~7u;

	if (size > limit - at)
		panic("the arena is full (%u bytes more asked for)", size);
	arena_next = at + size;
	return (void *)(uintptr_t)at;
}

uint32_t arena_left(void)
{
	return L.arena_end - PAGE_SIZE - arena_next;
}

/* A bad pointer for a list of requests: nowhere the hypervisor could read
 * data the fuzzer did not choose for it (the m2p table, the window, where
 * the guest's own frames may show through, and the arena's last bytes,
 * left from earlier rounds). */
static uint32_t bad_list_ptr(void)
{
	uint32_t p = bad_ptr();

	if ((p >= HOLE && p < M2P_END - PAGE_SIZE) ||
	    (p >= L.window + PAGE_SIZE && p < L.window_end - PAGE_SIZE) ||
	    (p >= L.arena && p < L.arena_end))
		return HOLE - 8;
	return p;
}

static uint32_t place(void *buf, uint32_t size, bool list)
{
	uint32_t n = size < PAGE_SIZE ? size : PAGE_SIZE;

	switch (rnd(24)) {
	case 0:
		return list ? bad_list_ptr() : bad_ptr();
	case 1:
		if (!straddled && n) {
			/* The first keep bytes fit; the rest is the guard page. */
			uint32_t keep = n - 1 - rnd(n);
			straddled = true;
			memmove((void *)(uintptr_t)(L.arena_end - keep), buf, keep);
			return L.arena_end - keep;
		}
		return ptr_arg(buf);
	case 2: {
		uint8_t *p = (uint8_t *)arena_alloc(size + 8) + 1 + rnd(7);
		memmove(p, buf, size);
		return ptr_arg(p);
	}
	case 3: {
		/* Across a page boundary inside the arena. */
		uint32_t base = ptr_arg(arena_alloc(size + PAGE_SIZE));
		uint32_t at = ((base + PAGE_SIZE) & PAGE_MASK) - 1 - rnd(n ? n : 1);
		if (at < base)
			return ptr_arg(buf);
		memmove((void *)(uintptr_t)at, buf, size);
		return at;
	}
	default:
		return ptr_arg(buf);
	}
}

uint32_t arg_ptr(void *buf, uint32_t size)
{
	return place(buf, size, false);
}

uint32_t list_ptr(void *buf, uint32_t size, uint64_t claimed)
{
	if (claimed <= size)
		return place(buf, size, true);
	if (straddled || size > PAGE_SIZE)
		return bad_list_ptr();
	straddled = true;
	memmove((void *)(uintptr_t)(L.arena_end - size), buf, size);
	return L.arena_end - size;
}

uint32_t bad_ptr(void)
{
	switch (rnd(15)) {
	case 0: return 0;
	case 1: return rnd(PAGE_SIZE);
	case 2: return HOLE + rnd(M2P_END - HOLE);                /* readable m2p */
	case 3: return HOLE - 1 - rnd(16);                        /* into the hole */
	case 4: return M2P_END - 1 - rnd(16);                     /* past the m2p */
	case 5: return M2P_END + rnd(0u - M2P_END);
	case 6: return 0xFFFFFFFFu - rnd(16);                     /* wraps */
	case 7: return L.region_end + rnd(64 << 10);
	case 8: return L.window + rnd(PAGE_SIZE);                 /* guard */
	case 9: return L.window_end - 1 - rnd(PAGE_SIZE);         /* guard */
	case 10: return L.window + PAGE_SIZE + rnd(WINDOW_PAGES * PAGE_SIZE);
	case 11: return L.window + PAGE_SIZE - 1 - rnd(16);       /* guard into window */
	case 12: return L.window_end - PAGE_SIZE - 1 - rnd(16);   /* window into guard */
	case 13: return L.arena_end - 1 - rnd(16);                /* arena into guard */
	default: return 0xC0000000u + rnd(HOLE - 0xC0000000u);    /* top L2's free slots */
	}
}

uint32_t any_frame(void)
{
	switch (rnd(12)) {
	case 0: return own_frame();
	case 1: return pt_frame();
	case 2: return L.gdt_mfn;
	case 3: return L.shinfo_mfn;
	case 4: return L.hcpage_mfn;
	case 5: return L.window_mfn[rnd(WINDOW_PAGES + 2)];
	case 6: return rnd(256);                                  /* low memory */
	case 7: return L.own_min - 1 - rnd(64);                   /* a neighbour's? */
	case 8: return L.own_max + 1 + rnd(64);
	case 9: {
		static const uint32_t edge[] = { 0, 1, 0xFFFFF, 0x100000, 0x80000000u,
						 0xFFFFFFFEu, 0xFFFFFFFFu };
		uint32_t i = rnd(sizeof(edge) / sizeof(edge[0]) + 3);
		return i < 3 ? L.max_mfn - 1 + i : edge[i - 3];
	}
	case 10: return rnd(L.max_mfn + 1);
	default: return rnd32();
	}
}

uint32_t dest_frame(void)
{
	for (unsigned tries = 0; tries < 4; tries++) {
		uint32_t mfn = any_frame();
		if (safe_to_write(mfn))
			return mfn;
	}
	return L.window_mfn[1 + rnd(WINDOW_PAGES)];
}

uint64_t pick_pte(void)
{
	uint64_t v;
	uint32_t mfn;

	if (one_in(16))
		return 0;
	if (one_in(16)) {
		v = rnd64();
	} else {
		mfn = any_frame();
		v = (uint64_t)mfn << 12 | (rnd32() & 0xfff);
		if (rnd(4))
			v |= PV_PTE_PRESENT;
		if (one_in(8))
			v |= (uint64_t)rnd(256) << 44;                /* frames past 4 GiB */
		if (one_in(8))
			v |= PV_PTE_NX;
		if (one_in(16))
			v |= (uint64_t)(1u << rnd(11)) << 52;         /* reserved bits 52-62 */
	}
	/* Frames past 2^32 are not the guest's; below, the frame decides. */
	uint64_t frame = (v & PV_PTE_ADDR_MASK) >> 12;
	if (frame >> 32 == 0 && !safe_to_write((uint32_t)frame))
		v &= ~(uint64_t)PV_PTE_RW;
	return v;
}

uint32_t pick_va(void)
{
	uint32_t va;

	switch (rnd(10)) {
	case 0: case 1: case 2: case 3:
		return L.window + rnd((WINDOW_PAGES + 2) * PAGE_SIZE);
	case 4: return rnd(PAGE_SIZE);
	case 5: return HOLE + rnd(0u - HOLE);
	case 6: return L.region_end + rnd(4u << 20);
	case 7: return 0xC0000000u + rnd(HOLE - 0xC0000000u);
	case 8: return 0x40000000u + rnd(0x80000000u);
	default:
		/* Anything but the guest's own region, whose mappings it needs. */
		va = rnd32();
		if (va >= ptr_arg(__image_start) && va < L.region_end)
			va = L.window + PAGE_SIZE + rnd(WINDOW_PAGES * PAGE_SIZE);
		return va;
	}
}

uint16_t pick_domid(void)
{
	switch (rnd(8)) {
	case 0: case 1: return DOMID_SELF;
	case 2: return 0;
	case 3: return 1;
	case 4: return (uint16_t)rnd(8);
	case 5: return (uint16_t)(DOMID_FIRST_RESERVED + rnd(16));
	case 6: return 0xFFFF;
	default: return (uint16_t)rnd32();
	}
}

uint32_t pick_port(void)
{
	switch (rnd(6)) {
	case 0: return 1 + rnd(8);
	case 1: return 1020 + rnd(8);                             /* 1023 is the last */
	case 2: return edgy32();
	default: return rnd(1024);
	}
}
