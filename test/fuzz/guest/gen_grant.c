/* The generator for grant_table_op: commands near the real ones, element
 * arrays in the arena, and every frame or PTE a call could write one the
 * guest can spare (a window page, its L1 entry, a frame not its own). The
 * guest grants nothing, so maps find no valid entry; what is fuzzed is how
 * the hypervisor refuses. */
#include "fuzz.h"
#include "pvabi/grant_table.h"

static uint64_t pick_host_addr(uint32_t flags)
{
	if ((flags & GNTMAP_contains_pte) && rnd(2))
		return L.window_l1e[rnd(WINDOW_PAGES + 2)];
	return one_in(8) ? rnd64() : pick_va();
}

static void fill_map(struct gnttab_map_grant_ref *op)
{
	op->flags = rnd(4) ? rnd(64) : edgy32();
	op->host_addr = pick_host_addr(op->flags);
	op->ref = rnd(2) ? rnd(600) : edgy32();
	op->dom = pick_domid();
}

static void fill_copy(struct gnttab_copy *op)
{
	op->flags = (uint16_t)(rnd(4) ? rnd(8) : edgy32());
	op->source.ref_or_gmfn = op->flags & GNTCOPY_source_gref ? edgy32() : any_frame();
	op->dest.ref_or_gmfn = op->flags & GNTCOPY_dest_gref ? edgy32() : dest_frame();
	op->source.domid = rnd(2) ? DOMID_SELF : pick_domid();
	op->dest.domid = rnd(2) ? DOMID_SELF : pick_domid();
	op->source.offset = (uint16_t)(rnd(2) ? rnd(4097) : edgy32());
	op->dest.offset = (uint16_t)(rnd(2) ? rnd(4097) : edgy32());
	op->len = (uint16_t)(rnd(2) ? rnd(4097) : edgy32());
}

/* One element of cmd's type at p (size bytes, already random). */
static void fill(uint32_t cmd, void *p)
{
	switch (cmd) {
	case GNTTABOP_map_grant_ref:
		fill_map(p);
		break;
	case GNTTABOP_unmap_grant_ref:
	case GNTTABOP_unmap_and_replace: {
		struct gnttab_unmap_and_replace *op = p;   /* both: addr, addr, handle */
		op->host_addr = pick_va();
		op->new_addr = rnd(2) ? 0 : pick_va();
		op->handle = rnd(2) ? rnd(16) : edgy32();
		break;
	}
	case GNTTABOP_copy:
		fill_copy(p);
		break;
	case GNTTABOP_transfer: {
		struct gnttab_transfer *op = p;
		op->mfn = any_frame();
		op->domid = pick_domid();
		op->ref = rnd(2) ? rnd(600) : edgy32();
		break;
	}
	case GNTTABOP_setup_table: {
		struct gnttab_setup_table *op = p;
		op->dom = rnd(2) ? DOMID_SELF : pick_domid();
		op->nr_frames = pick_count(70);
		xen_pfn_t *list = arena_alloc(70 * sizeof(xen_pfn_t));
		op->frame_list = guest_ptr(rnd(8) ? list_ptr(list, 70 * sizeof(xen_pfn_t),
							     (uint64_t)op->nr_frames * 4)
						 : bad_ptr());
		break;
	}
	default: {
		uint16_t *dom = p;                 /* query_size, get_version */
		*dom = rnd(2) ? DOMID_SELF : pick_domid();
		break;
	}
	}
}

void gen_grant_table_op(struct call *c)
{
	static const uint32_t sizes[] = { 32, 24, 16, 0, 16, 24, 16, 24, 4, 0, 8 };
	uint32_t cmd = one_in(16) ? edgy32() : rnd(13);
	uint32_t size = cmd < 11 && sizes[cmd] ? sizes[cmd] : 16;
	uint32_t n = 1 + rnd(6);
	uint8_t *buf = arena_alloc(n * size);

	for (uint32_t i = 0; i < n * size / 4; i++)
		((uint32_t *)buf)[i] = edgy32();
	for (uint32_t i = 0; i < n && cmd < 11; i++)
		fill(cmd, buf + i * size);
	uint32_t count = one_in(8) ? pick_count(n) : n;
	c->arg[0] = cmd;
	c->arg[1] = one_in(16) ? bad_ptr() : list_ptr(buf, n * size, (uint64_t)count * size);
	c->arg[2] = count;
}
