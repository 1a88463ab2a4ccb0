/* Generators for the memory-management hypercalls: mmu_update,
 * mmuext_op, update_va_mapping, update_descriptor, set_gdt. */
#include "fuzz.h"

#define HV_FIRST_L2_SLOT 428              /* 0xF5800000 >> 21 within L3 slot 3 */

static uint32_t pick_done(void)
{
	switch (rnd(4)) {
	case 0: return 0;
	case 1: return bad_ptr();
	default: return ptr_arg(arena_alloc(4));
	}
}

static uint32_t pick_foreigndom(void)
{
	if (rnd(4))
		return DOMID_SELF;
	if (one_in(4))
		return (uint32_t)(pick_domid() + 1) << 16 | pick_domid();   /* pt owner + 1 */
	return pick_domid();
}

static uint64_t entry_of(uint32_t mfn, uint32_t idx)
{
	return ((uint64_t)mfn << 12) + (uint64_t)idx * 8;
}

/* An entry that changes what an unused L2 slot or an L3 slot maps: never
 * one of the guest's own tables writable (which would alias its region
 * writable somewhere a "bad" pointer may point). */
static uint64_t table_entry_value(bool l3)
{
	uint64_t v = pick_pte();
	uint64_t frame = (v & PV_PTE_ADDR_MASK) >> 12;

	if (frame >> 32 == 0 && is_pt_frame((uint32_t)frame)) {
		if (l3)
			v = (v & ~PV_PTE_ADDR_MASK) | (uint64_t)L.window_mfn[0] << 12;
		else
			v &= ~(uint64_t)PV_PTE_RW;
	}
	return v;
}

static void one_update(struct mmu_update *u)
{
	static const uint32_t normal[] = { MMU_NORMAL_PT_UPDATE, MMU_PT_UPDATE_PRESERVE_AD,
					   MMU_PT_UPDATE_NO_TRANSLATE };
	uint32_t cmd = normal[rnd(3)], idx, mfn;

	u->val = pick_pte();
	switch (rnd(16)) {
	case 0: case 1: case 2: case 3:
		u->ptr = L.window_l1e[rnd(WINDOW_PAGES + 2)];
		break;
	case 4: case 5:
		idx = L.first_free_l2_slot + rnd(512 - L.first_free_l2_slot);
		u->ptr = entry_of(L.l2_mfn, idx);
		u->val = table_entry_value(false);
		note_dirty_entry(u->ptr);
		break;
	case 6:
		idx = rnd(512);
		u->ptr = entry_of(L.top_l2_mfn, idx);
		u->val = table_entry_value(false);
		if (idx < HV_FIRST_L2_SLOT)
			note_dirty_entry(u->ptr);
		break;
	case 7:
		idx = 1 + rnd(511);                 /* never slot 0: the guest's own */
		u->ptr = entry_of(L.l3_mfn, idx);
		u->val = table_entry_value(true);
		if (idx < 3)
			note_dirty_entry(u->ptr);
		break;
	case 8: case 9: case 10:
		/* A plain write, or a page-table update nobody relies on. */
		mfn = dest_frame();
		if (is_pt_frame(mfn))
			mfn = L.window_mfn[rnd(WINDOW_PAGES + 2)];
		u->ptr = entry_of(mfn, rnd(512));
		break;
	case 11:
		cmd = MMU_MACHPHYS_UPDATE;
		u->ptr = entry_of(any_frame(), rnd(512));
		u->val = one_in(2) ? rnd(L.nr_own + 16) : rnd64();
		break;
	case 12:
		cmd = 4 + rnd(4);                   /* 4 bytes into an entry */
		u->ptr = entry_of(any_frame(), rnd(512));
		break;
	default:
		/* Beyond RAM, past 4 GiB, the very top. */
		mfn = one_in(2) ? L.max_mfn + rnd(4) : 0xFFFFF000u | rnd(0x1000);
		u->ptr = one_in(4) ? rnd64() | 0xFFF0000000000000ull : entry_of(mfn, rnd(512));
		break;
	}
	u->ptr = (u->ptr & ~7ull) | cmd;
}

void gen_mmu_update(struct call *c)
{
	uint32_t n = one_in(8) ? 1 + rnd(64) : 1 + rnd(6);
	struct mmu_update *reqs = arena_alloc(n * sizeof(*reqs));
	uint32_t count = one_in(8) ? pick_count(n) : n;

	for (uint32_t i = 0; i < n; i++)
		one_update(&reqs[i]);
	c->arg[0] = list_ptr(reqs, n * sizeof(*reqs), (uint64_t)count * sizeof(*reqs));
	c->arg[1] = count;
	c->arg[2] = pick_done();
	c->arg[3] = pick_foreigndom();
}

static void one_ext(struct mmuext_op *op)
{
	op->cmd = one_in(16) ? edgy32() : rnd(22);
	op->arg1.mfn = any_frame();
	op->arg2.nr_ents = rnd32();
	switch (op->cmd) {
	case MMUEXT_NEW_BASEPTR:
		if (one_in(2))
			op->arg1.mfn = L.l3_mfn;
		break;
	case MMUEXT_INVLPG_LOCAL: case MMUEXT_INVLPG_MULTI: case MMUEXT_INVLPG_ALL:
	case MMUEXT_TLB_FLUSH_MULTI:
		op->arg1.linear_addr = pick_va();
		if (one_in(2)) {
			uint32_t *mask = arena_alloc(4);
			*mask = one_in(2) ? 1 : rnd32();
			op->arg2.vcpumask = guest_ptr(arg_ptr(mask, 4));
		} else {
			op->arg2.vcpumask = guest_ptr(bad_ptr());
		}
		break;
	case MMUEXT_SET_LDT:
		op->arg1.linear_addr = one_in(2) ? pick_va() : edgy32();
		op->arg2.nr_ents = one_in(3) ? 0 : edgy32();
		break;
	case MMUEXT_CLEAR_PAGE:
		op->arg1.mfn = dest_frame();
		break;
	case MMUEXT_COPY_PAGE:
		op->arg1.mfn = dest_frame();
		op->arg2.src_mfn = any_frame();
		break;
	}
}

void gen_mmuext_op(struct call *c)
{
	uint32_t n = one_in(8) ? 1 + rnd(32) : 1 + rnd(4);
	struct mmuext_op *ops = arena_alloc(n * sizeof(*ops));
	uint32_t count = one_in(8) ? pick_count(n) : n;

	for (uint32_t i = 0; i < n; i++)
		one_ext(&ops[i]);
	c->arg[0] = list_ptr(ops, n * sizeof(*ops), (uint64_t)count * sizeof(*ops));
	c->arg[1] = count;
	c->arg[2] = pick_done();
	c->arg[3] = pick_foreigndom();
}

void gen_update_va_mapping(struct call *c)
{
	uint64_t pte = pick_pte();
	uint32_t flags = rnd(8);

	if (one_in(4)) {
		uint32_t *mask = arena_alloc(4);
		*mask = rnd32();
		flags |= one_in(2) ? arg_ptr(mask, 4) & ~7u : bad_ptr() & ~7u;
	}
	c->arg[0] = pick_va();
	c->arg[1] = (uint32_t)pte;
	c->arg[2] = (uint32_t)(pte >> 32);
	c->arg[3] = flags;
}

/* A segment descriptor with random fields, mostly plausible. */
static uint64_t pick_descriptor(void)
{
	if (one_in(8))
		return one_in(2) ? 0 : rnd64();
	uint32_t base = one_in(2) ? 0 : (one_in(2) ? edgy32() : 0xF5800000u - rnd(1u << 20));
	uint32_t limit = one_in(2) ? 0xFFFFF : rnd(1u << 20);
	uint32_t type = one_in(2) ? 2 + rnd(10) : rnd(16);        /* code/data mostly */
	uint32_t s = rnd(8) ? 1 : 0, dpl = rnd(4), p = rnd(8) ? 1 : 0;
	uint32_t lo = (limit & 0xFFFF) | (base & 0xFFFF) << 16;
	uint32_t hi = ((base >> 16) & 0xFF) | type << 8 | s << 12 | dpl << 13 | p << 15 |
		      (limit >> 16) << 16 | rnd(8) << 20 | rnd(2) << 23 | (base >> 24) << 24;
	return (uint64_t)hi << 32 | lo;
}

void gen_update_descriptor(struct call *c)
{
	uint64_t maddr = ((uint64_t)dest_frame() << 12) + rnd(512) * 8;
	uint64_t desc = pick_descriptor();

	if (one_in(8))
		maddr += 1 + rnd(7);                 /* misaligned */
	if (one_in(16))
		maddr |= (uint64_t)rnd32() << 32;   /* past 4 GiB */
	c->arg[0] = (uint32_t)maddr;
	c->arg[1] = (uint32_t)(maddr >> 32);
	c->arg[2] = (uint32_t)desc;
	c->arg[3] = (uint32_t)(desc >> 32);
}

void gen_set_gdt(struct call *c)
{
	uint32_t n = 1 + rnd(16);
	xen_pfn_t *frames = arena_alloc(n * sizeof(*frames));

	for (uint32_t i = 0; i < n; i++) {
		switch (rnd(4)) {
		case 0: frames[i] = L.gdt_mfn; break;
		case 1: frames[i] = L.window_mfn[rnd(WINDOW_PAGES + 2)]; break;
		default: frames[i] = any_frame(); break;
		}
	}
	uint32_t entries = one_in(4) ? edgy32() : rnd(n * 512 + 1);
	c->arg[0] = list_ptr(frames, n * sizeof(*frames),
			     ((uint64_t)entries + 511) / 512 * sizeof(*frames));
	c->arg[1] = entries;
}
