/* Scenario guest: grants between two domains. Run as "granter" (domain 0,
 * started first) and "mapper" (domain 1). They talk through the page the
 * granter grants as ref 8: word 1 is the mapper's step, word 3 the
 * granter's; each waits for the other's with SCHEDOP_yield.
 *
 *   GNT-10  the mapper maps the granter's page (ref 8) and both see each
 *           other's writes; it copies from a read-only grant (ref 9) into
 *           its own page and from its page into ref 8; the granter's
 *           entries show GTF_reading / GTF_writing while mapped
 *   GNT-11  a frame another domain maps writable cannot become a page table
 *           of its owner; a mapper that dies lets go of its mappings (the
 *           entry loses GTF_reading and GTF_writing); a frame the granter
 *           of which died stays usable through the other's mapping, and its
 *           unmap works
 *   GNT-12  transfer to a domain at its memory limit is GNTST_general_error
 *           and the frame stays the sender's; once the receiver has room,
 *           the frame and its contents move to it
 */
#include "guest.h"
#include "gnttab.h"
#include "pagetable.h"

const char test_title[] = "grantpair: map, copy and transfer between two domains";

#define MAGIC      0x6a6e7401u
#define GRANTER    0
#define MAPPER     1

static volatile uint32_t *box;        /* the ref 8 page, as each side sees it */

static void wait_for(unsigned word, uint32_t step)
{
	while (box[word] < step)
		hypercall_sched_op(SCHEDOP_yield, NULL);
}

static bool give_back(const struct pt_frame *f)
{
	xen_pfn_t mfn = f->mfn;
	struct xen_memory_reservation r = { .nr_extents = 1, .domid = DOMID_SELF };

	set_xen_guest_handle(r.extent_start, &mfn);
	return pt_unmap(f->va) == 0 &&
	       hypercall_memory_op(XENMEM_decrease_reservation, &r) == 1;
}

static void granter(void)
{
	volatile struct grant_entry_v1 *gt = gnt_setup(1);
	struct pt_frame d, ro, e, slot;

	if (!gt || !pt_alloc_frame(&d) || !pt_alloc_frame(&ro) || !pt_alloc_frame(&e) ||
	    !pt_alloc_frame(&slot))
		return;
	box = (volatile uint32_t *)d.va;
	box[0] = MAGIC;
	*(volatile uint32_t *)ro.va = 0x0ead0001;
	/* e is the granter's only through a read-only mapping. */
	if (pt_remap_ro(&e) != 0)
		return;
	gnt_grant(9, MAPPER, ro.mfn, GTF_permit_access | GTF_readonly);
	gnt_grant(10, MAPPER, slot.pfn, GTF_accept_transfer);
	gnt_grant(12, MAPPER, e.mfn, GTF_permit_access);
	gnt_grant(8, MAPPER, d.mfn, GTF_permit_access);

	wait_for(1, 1);
	check_eq_hex("GNT-10", "the mapper's write, seen here", box[2], MAGIC + 1);
	check_eq_hex("GNT-10", "ref 8 while mapped", gt[8].flags,
		     GTF_permit_access | GTF_reading | GTF_writing);
	check_eq_hex("GNT-10", "copied into ref 8", box[128], 0xc0b10001);
	check_eq_hex("GNT-10", "ref 9 after the copy", gt[9].flags,
		     GTF_permit_access | GTF_readonly);
	check_eq_hex("GNT-11", "ref 12 while mapped", gt[12].flags,
		     GTF_permit_access | GTF_reading | GTF_writing);
	check("GNT-11", pt_pin(MMUEXT_PIN_L1_TABLE, e.mfn) < 0,
	      "a frame the mapper maps writable cannot become an L1");
	box[3] = 1;

	/* The mapper's first transfer found no room; now there is. */
	wait_for(1, 2);
	if (!give_back(&slot))
		return;
	box[3] = 2;
	wait_for(1, 3);
	check_eq_hex("GNT-12", "ref 10 after the transfer", gt[10].flags,
		     GTF_accept_transfer | GTF_transfer_committed | GTF_transfer_completed);
	uint32_t got = gt[10].frame;
	check_eq_hex("GNT-12", "its m2p entry", pt_mfn_to_pfn(got), slot.pfn);
	check_rc("GNT-12", "map the frame received", pt_map(slot.va, got, PT_RW), 0);
	check_eq_hex("GNT-12", "its contents came along", peek32(slot.va), 0xf11b0002);

	/* The mapper's own page, mapped here; then the mapper ends. */
	struct pt_frame m;
	uint32_t h = 0;
	if (!pt_alloc_frame(&m))
		return;
	check_eq("GNT-11", "map the mapper's grant",
		 gnt_map(m.va, GNTMAP_host_map, 8, MAPPER, &h), GNTST_okay);
	box[3] = 3;
	wait_for(1, 4);
	while (gt[12].flags & GTF_reading)
		hypercall_sched_op(SCHEDOP_yield, NULL);
	check_eq_hex("GNT-11", "ref 12 after the mapper died", gt[12].flags, GTF_permit_access);
	check_rc("GNT-11", "and its frame can become an L1 now",
		 pt_pin(MMUEXT_PIN_L1_TABLE, e.mfn), 0);
	pt_unpin(e.mfn);
	check_eq_hex("GNT-11", "the dead mapper's page, still mapped", peek32(m.va), 0x3a99e401);
	*(volatile uint32_t *)m.va = 7;
	check_eq_hex("GNT-11", "and writable", peek32(m.va), 7);
	check_eq("GNT-11", "unmap it", gnt_unmap(m.va, 0, h), GNTST_okay);
	test_success();
}

static void mapper(void)
{
	volatile struct grant_entry_v1 *gt = gnt_setup(1);
	struct pt_frame view, own, x, ev, mine;
	uint32_t h = 0;

	if (!gt || !pt_alloc_frame(&view) || !pt_alloc_frame(&own) || !pt_alloc_frame(&x) ||
	    !pt_alloc_frame(&ev) || !pt_alloc_frame(&mine))
		return;
	/* Ref 8 is written last: once it maps, the rest is there. */
	while (gnt_map(view.va, GNTMAP_host_map, 8, GRANTER, &h) != GNTST_okay)
		hypercall_sched_op(SCHEDOP_yield, NULL);
	box = (volatile uint32_t *)view.va;
	check_eq_hex("GNT-10", "the granter's page, seen here", box[0], MAGIC);
	box[2] = MAGIC + 1;

	struct gnttab_copy c[2] = {
		{ .source = { .ref_or_gmfn = 9, .domid = GRANTER },
		  .dest = { .ref_or_gmfn = own.mfn, .domid = DOMID_SELF }, .len = 4,
		  .flags = GNTCOPY_source_gref },
		{ .source = { .ref_or_gmfn = own.mfn, .domid = DOMID_SELF, .offset = 8 },
		  .dest = { .ref_or_gmfn = 8, .domid = GRANTER, .offset = 512 }, .len = 4,
		  .flags = GNTCOPY_dest_gref },
	};
	*(volatile uint32_t *)(own.va + 8) = 0xc0b10001;
	check_rc("GNT-10", "two copies", gnt_op(GNTTABOP_copy, c, 2), 0);
	check_eq("GNT-10", "from the read-only grant", c[0].status, GNTST_okay);
	check_eq("GNT-10", "into ref 8", c[1].status, GNTST_okay);
	check_eq_hex("GNT-10", "copied from ref 9", peek32(own.va), 0x0ead0001);
	struct gnttab_copy w = { .source = { .ref_or_gmfn = own.mfn, .domid = DOMID_SELF },
				 .dest = { .ref_or_gmfn = 9, .domid = GRANTER }, .len = 4,
				 .flags = GNTCOPY_dest_gref };
	gnt_op(GNTTABOP_copy, &w, 1);
	check_eq("GNT-10", "into the read-only grant", w.status, GNTST_general_error);
	check_eq("GNT-11", "map ref 12 writable",
		 gnt_map(ev.va, GNTMAP_host_map, 12, GRANTER, NULL), GNTST_okay);
	box[1] = 1;

	wait_for(3, 1);
	*(volatile uint32_t *)x.va = 0xf11b0002;
	if (pt_unmap(x.va) != 0)
		return;
	struct gnttab_transfer t = { .mfn = x.mfn, .domid = GRANTER, .ref = 10 };
	gnt_op(GNTTABOP_transfer, &t, 1);
	check_eq("GNT-12", "transfer to a domain at its limit", t.status, GNTST_general_error);
	check_rc("GNT-12", "the frame is still the sender's", pt_map(x.va, x.mfn, PT_RW), 0);
	check_rc("GNT-12", "unmapped again", pt_unmap(x.va), 0);
	box[1] = 2;
	wait_for(3, 2);
	gnt_op(GNTTABOP_transfer, &t, 1);
	check_eq("GNT-12", "transfer once there is room", t.status, GNTST_okay);
	check("GNT-12", pt_map(x.va, x.mfn, PT_RW) != 0, "the frame is no longer the sender's");

	/* Something of its own for the granter to map, then the end, with
	 * ref 12 still mapped. */
	*(volatile uint32_t *)mine.va = 0x3a99e401;
	gnt_grant(8, GRANTER, mine.mfn, GTF_permit_access);
	box[1] = 3;
	wait_for(3, 3);
	box[1] = 4;
	test_success();
}

void test_main(void)
{
	if (strcmp(start_info->cmd_line, "granter") == 0)
		granter();
	else if (strcmp(start_info->cmd_line, "mapper") == 0)
		mapper();
	else
		test_error("say granter or mapper on the command line");
}
