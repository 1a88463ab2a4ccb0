/* grant_copy: GNTTABOP_copy between the guest's own frames and its own
 * grants (it grants to its own domain id).
 *
 * Rules checked (ids as in pvabi/ABI.md):
 *   GNT-8  copy moves len bytes from (source frame, offset) to (dest
 *          frame, offset); each side is a grant ref of the named domain or,
 *          with DOMID_SELF only, one of the caller's own frames; a frame
 *          named without a grant for another domain id is
 *          GNTST_permission_denied, a domain that does not exist
 *          GNTST_bad_domain, a bad ref GNTST_bad_gntref, a grant that does
 *          not permit it (read-only as destination) GNTST_general_error, a
 *          frame that is not the caller's GNTST_bad_page, a destination
 *          that cannot be written (a page table) GNTST_general_error, a
 *          side that crosses its page GNTST_bad_copy_arg; a copy leaves the
 *          entries' flags as they were
 *   GNT-7  a batch gives every element its own status, and a batch longer
 *          than one hypercall's budget is finished all the same
 *   HCALL-4 ... keeping the registers that carry no argument (esi, edi)
 */
#include "guest.h"
#include "gnttab.h"
#include "pagetable.h"

const char test_title[] = "grant_copy: GNTTABOP_copy between frames and grants";

static volatile struct grant_entry_v1 *gt;
static struct pt_frame src, dst;

static struct gnttab_copy frames(uint16_t soff, uint16_t doff, uint16_t len)
{
	return (struct gnttab_copy){
		.source = { .ref_or_gmfn = src.mfn, .domid = DOMID_SELF, .offset = soff },
		.dest = { .ref_or_gmfn = dst.mfn, .domid = DOMID_SELF, .offset = doff },
		.len = len,
	};
}

static int16_t copy(struct gnttab_copy op)
{
	long rc = gnt_op(GNTTABOP_copy, &op, 1);
	return rc ? (int16_t)-100 : op.status;
}

static void fill(void)
{
	for (uint32_t i = 0; i < PAGE_SIZE; i += 4) {
		*(volatile uint32_t *)(src.va + i) = 0x5a000000u | i;
		*(volatile uint32_t *)(dst.va + i) = 0;
	}
}

static void between_frames(void)
{
	fill();
	check_eq("GNT-8", "frame to frame, 4 KiB", copy(frames(0, 0, 4096)), GNTST_okay);
	check_eq_hex("GNT-8", "last word copied", peek32(dst.va + 4092), 0x5a000ffc);
	fill();
	check_eq("GNT-8", "16 bytes at offsets", copy(frames(100, 2000, 16)), GNTST_okay);
	check_eq_hex("GNT-8", "copied word", peek32(dst.va + 2000), 0x5a000064);
	check_eq_hex("GNT-8", "word after it untouched", peek32(dst.va + 2016), 0);
	check_eq("GNT-8", "source crosses its page", copy(frames(4000, 0, 200)), GNTST_bad_copy_arg);
	check_eq("GNT-8", "destination crosses its page", copy(frames(0, 3900, 197)),
		 GNTST_bad_copy_arg);
	check_eq("GNT-8", "len 0", copy(frames(0, 0, 0)), GNTST_okay);
	struct gnttab_copy op = frames(0, 0, 8);
	op.source.domid = GNT_SELF_ID;
	check_eq("GNT-8", "frame named by own id, no grant", copy(op), GNTST_permission_denied);
	op = frames(0, 0, 8);
	op.source.ref_or_gmfn = pt_foreign_mfn();
	check_eq("GNT-8", "source frame not the caller's", copy(op), GNTST_bad_page);
	op = frames(0, 0, 8);
	op.dest.ref_or_gmfn = pt_l1_mfn(src.va);
	check_eq("GNT-8", "destination a page table", copy(op), GNTST_general_error);
}

static void with_grants(void)
{
	gnt_grant(40, GNT_SELF_ID, src.mfn, GTF_permit_access | GTF_readonly);
	gnt_grant(41, GNT_SELF_ID, dst.mfn, GTF_permit_access);
	fill();
	struct gnttab_copy op = {
		.source = { .ref_or_gmfn = 40, .domid = DOMID_SELF, .offset = 8 },
		.dest = { .ref_or_gmfn = 41, .domid = DOMID_SELF, .offset = 16 },
		.len = 64, .flags = GNTCOPY_source_gref | GNTCOPY_dest_gref,
	};
	check_eq("GNT-8", "grant to grant", copy(op), GNTST_okay);
	check_eq_hex("GNT-8", "copied word", peek32(dst.va + 16), 0x5a000008);
	check_eq_hex("GNT-8", "source entry's flags after", gt[40].flags,
		     GTF_permit_access | GTF_readonly);
	check_eq_hex("GNT-8", "dest entry's flags after", gt[41].flags, GTF_permit_access);
	op.source.domid = op.dest.domid = GNT_SELF_ID;
	check_eq("GNT-8", "grants named by own id", copy(op), GNTST_okay);
	struct gnttab_copy bad = op;
	bad.dest.ref_or_gmfn = 40;
	check_eq("GNT-8", "read-only grant as destination", copy(bad), GNTST_general_error);
	bad = op;
	bad.source.ref_or_gmfn = 5000;
	check_eq("GNT-8", "bad source ref", copy(bad), GNTST_bad_gntref);
	bad = op;
	bad.dest.domid = 1234;
	check_eq("GNT-8", "no such destination domain", copy(bad), GNTST_bad_domain);
	bad = op;
	bad.source.ref_or_gmfn = 42;      /* never written: invalid */
	check_eq("GNT-8", "invalid source entry", copy(bad), GNTST_general_error);
	bad = op;
	bad.len = 4090;
	check_eq("GNT-8", "grant side crosses its page", copy(bad), GNTST_bad_copy_arg);
}

static void batch(void)
{
	struct gnttab_copy ops[3] = { frames(0, 0, 4), frames(4000, 0, 200), frames(8, 8, 4) };

	fill();
	check_rc("GNT-7", "batch of 3 copies", gnt_op(GNTTABOP_copy, ops, 3), 0);
	check_eq("GNT-7", "first", ops[0].status, GNTST_okay);
	check_eq("GNT-7", "second (crosses)", ops[1].status, GNTST_bad_copy_arg);
	check_eq("GNT-7", "third", ops[2].status, GNTST_okay);
	check_eq_hex("GNT-7", "third copied", peek32(dst.va + 8), 0x5a000008);
}

/* 64 copies of 4 KiB are more than one hypercall's budget: the call gives
 * the CPU back and goes on where it stopped. */
static void long_batch(void)
{
	static struct gnttab_copy ops[64];
	unsigned done = 0;

	for (unsigned i = 0; i < 64; i++) {
		ops[i] = frames(0, 0, 4096);
		ops[i].status = 99;
	}
	/* The continuation keeps the registers that are no arguments. */
	uint32_t b = GNTTABOP_copy, c = (uint32_t)ops, d = 64, si = 0x51515151, di = 0xd1d1d1d1;
	long rc;
	asm volatile("call hypercall_page + %c[n] * 32"
		     : "=a"(rc), "+b"(b), "+c"(c), "+d"(d), "+S"(si), "+D"(di)
		     : [n] "i"(__HYPERVISOR_grant_table_op)
		     : "memory");
	check_rc("GNT-7", "batch of 64 copies of 4 KiB", rc, 0);
	for (unsigned i = 0; i < 64; i++)
		done += ops[i].status == GNTST_okay;
	check_eq("GNT-7", "copies done", done, 64);
	check_eq_hex("HCALL-4", "esi after the batch", si, 0x51515151);
	check_eq_hex("HCALL-4", "edi after the batch", di, 0xd1d1d1d1);
}

void test_main(void)
{
	gt = gnt_setup(1);
	if (!gt || !pt_alloc_frame(&src) || !pt_alloc_frame(&dst))
		return;
	between_frames();
	with_grants();
	batch();
	long_batch();
	test_success();
}
