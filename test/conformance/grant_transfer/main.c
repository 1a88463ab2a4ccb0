/* grant_transfer: GNTTABOP_transfer (page flipping) to the guest's own
 * accept_transfer entries (it offers them to its own domain id).
 *
 * Rules checked (ids as in pvabi/ABI.md):
 *   GNT-9  transfer gives the caller's frame to the domain whose
 *          accept_transfer entry names the caller: the entry then holds the
 *          frame number and GTF_transfer_committed | GTF_transfer_completed,
 *          and the m2p entry of the frame the pfn the entry offered; the
 *          frame's contents travel with it. A frame that is not the caller's
 *          alone (mapped, a page table, someone else's) is GNTST_bad_page; a
 *          domain that does not exist GNTST_bad_domain; a ref past the table
 *          or an entry that is not an accept_transfer naming the caller
 *          GNTST_general_error. On ringlet a refused frame stays the
 *          caller's (on Xen, only after GNTST_bad_page)
 *   GNT-7  a batch gives every element its own status
 */
#include "guest.h"
#include "gnttab.h"
#include "pagetable.h"
#include "platform.h"

const char test_title[] = "grant_transfer: GNTTABOP_transfer to the guest itself";

#define ACCEPTED (GTF_accept_transfer | GTF_transfer_committed | GTF_transfer_completed)

static volatile struct grant_entry_v1 *gt;

static int16_t transfer(uint32_t mfn, domid_t dom, uint32_t ref)
{
	struct gnttab_transfer op = { .mfn = mfn, .domid = dom, .ref = ref };
	long rc = gnt_op(GNTTABOP_transfer, &op, 1);
	return rc ? (int16_t)-100 : op.status;
}

/* A frame with nothing but its allocation: its region mapping gone. */
static bool loose_frame(struct pt_frame *f, uint32_t pattern)
{
	if (!pt_alloc_frame(f))
		return false;
	*(volatile uint32_t *)f->va = pattern;
	return pt_unmap(f->va) == 0;
}

static void flip(void)
{
	struct pt_frame f;

	if (!loose_frame(&f, 0xf11b0001))
		return;
	gnt_grant(50, GNT_SELF_ID, f.pfn, GTF_accept_transfer);
	check_eq("GNT-9", "transfer", transfer(f.mfn, GNT_SELF_ID, 50), GNTST_okay);
	check_eq_hex("GNT-9", "entry's flags", gt[50].flags, ACCEPTED);
	check_eq_hex("GNT-9", "entry's frame", gt[50].frame, f.mfn);
	check_eq_hex("GNT-9", "m2p of the frame", pt_mfn_to_pfn(f.mfn), f.pfn);
	check_rc("GNT-9", "map the frame received", pt_map(f.va, f.mfn, PT_RW), 0);
	check_eq_hex("GNT-9", "its contents came along", peek32(f.va), 0xf11b0001);
	check_eq("GNT-9", "the entry cannot take another", transfer(f.mfn, GNT_SELF_ID, 50),
		 GNTST_bad_page);
}

static void refusals(void)
{
	struct pt_frame mapped, f;

	if (!pt_alloc_frame(&mapped) || !loose_frame(&f, 0xf11b0002))
		return;
	gnt_grant(51, GNT_SELF_ID, 0, GTF_accept_transfer);
	check_eq("GNT-9", "a mapped frame", transfer(mapped.mfn, GNT_SELF_ID, 51), GNTST_bad_page);
	check_eq("GNT-9", "a page table", transfer(pt_l1_mfn(mapped.va), GNT_SELF_ID, 51),
		 GNTST_bad_page);
	check_eq("GNT-9", "a frame not the caller's", transfer(pt_foreign_mfn(), GNT_SELF_ID, 51),
		 GNTST_bad_page);
	check_eq_hex("GNT-9", "entry untouched", gt[51].flags, GTF_accept_transfer);
	/* Xen frees the frame in the cases below; ringlet keeps it, and the
	 * next one tries it again. */
	check_eq("GNT-9", "no such domain", transfer(f.mfn, 1234, 51), GNTST_bad_domain);
	if (!on_ringlet() && !loose_frame(&f, 0))
		return;
	gnt_grant(52, GNT_SELF_ID, 0, GTF_permit_access);
	check_eq("GNT-9", "entry not accept_transfer", transfer(f.mfn, GNT_SELF_ID, 52),
		 GNTST_general_error);
	if (!on_ringlet() && !loose_frame(&f, 0))
		return;
	gnt_grant(53, 7, 0, GTF_accept_transfer);
	check_eq("GNT-9", "entry for another domain", transfer(f.mfn, GNT_SELF_ID, 53),
		 GNTST_general_error);
	if (!on_ringlet() && !loose_frame(&f, 0))
		return;
	check_eq("GNT-9", "ref past the table", transfer(f.mfn, GNT_SELF_ID, 512),
		 GNTST_general_error);
	if (on_ringlet())
		check_rc("GNT-9", "the refused frame is still the caller's", pt_map(f.va, f.mfn, PT_RW),
			 0);
}

static void batch(void)
{
	struct pt_frame a, b;

	if (!loose_frame(&a, 1) || !loose_frame(&b, 2))
		return;
	gnt_grant(60, GNT_SELF_ID, a.pfn, GTF_accept_transfer);
	gnt_grant(61, GNT_SELF_ID, b.pfn, GTF_accept_transfer);
	struct gnttab_transfer ops[3] = {
		{ .mfn = a.mfn, .domid = GNT_SELF_ID, .ref = 60 },
		{ .mfn = pt_foreign_mfn(), .domid = GNT_SELF_ID, .ref = 61 },
		{ .mfn = b.mfn, .domid = GNT_SELF_ID, .ref = 61 },
	};
	check_rc("GNT-7", "batch of 3 transfers", gnt_op(GNTTABOP_transfer, ops, 3), 0);
	check_eq("GNT-7", "first", ops[0].status, GNTST_okay);
	check_eq("GNT-7", "second (not the caller's)", ops[1].status, GNTST_bad_page);
	check_eq("GNT-7", "third", ops[2].status, GNTST_okay);
	check_eq_hex("GNT-7", "third's entry", gt[61].frame, b.mfn);
}

void test_main(void)
{
	gt = gnt_setup(1);
	if (!gt)
		return;
	flip();
	refusals();
	batch();
	test_success();
}
