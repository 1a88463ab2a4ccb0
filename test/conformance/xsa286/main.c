/* xsa286: after a page-table change the hypervisor acts on the new tables
 * (XSA-286).
 *
 * XSA-286: Xen reached a guest's L1 entries through its own linear mappings
 * of the guest's tables and did not flush them when the guest changed an
 * L2 or L3 entry; update_va_mapping and the like could then write an L1
 * the guest had already taken out of use. Whatever the hypervisor keeps,
 * an update of an L2 or L3 entry must make every later operation by
 * virtual address act on the tables as they are now.
 *
 * Rules checked:
 *   XSA286-1  after mmu_update moves X's L2 entry from one L1 to another,
 *             update_va_mapping of X writes the new L1 (the old one keeps
 *             its entry) and X reads the new frame
 *   XSA286-2  the same after an L3 entry moves from one L2 to another
 *   XSA286-3  the L1 and L2 taken out of use are plain memory again (they
 *             can be mapped writable)
 */
#include "guest.h"
#include "pagetable.h"

const char test_title[] = "xsa286: page-table changes are seen by later updates";

#define X          0x40000000u      /* L3 slot 1, empty at start of day */
#define PATTERN(n) (0x02860000u + (n))

void test_main(void)
{
	struct pt_frame d[4], l2a, l1a, l2b, l1b;

	pt_init();
	if (!pt_l3_slot_unused(1))
		return test_error("L3 slot 1 maps something: nowhere to map X");
	uint64_t was = pt_read(pt_l3_mfn, 1);
	for (unsigned i = 0; i < 4; i++)
		if (!pt_alloc_frame(&d[i]))
			return;
	for (unsigned i = 0; i < 4; i++)
		*(volatile uint32_t *)d[i].va = PATTERN(i);
	if (!pt_chain(&l2a, &l1a, X, d[0].mfn) || !pt_chain(&l2b, &l1b, X, d[1].mfn))
		return;
	uint64_t slot = pt_maddr(pt_l3_mfn, 1);
	if (pt_update(slot, PT_ENTRY(l2a.mfn, PT_L3E)) != 0)
		return test_error("cannot hook an L2 into L3 slot 1");
	check_eq_hex("XSA286-1", "X through the first chain", peek32(X), PATTERN(0));

	/* XSA286-1: l2a's entry moves from l1a to l1b. */
	check_rc("XSA286-1", "move X's L2 entry to the second L1",
		 pt_update(pt_maddr(l2a.mfn, PT_L2_INDEX(X)), PT_ENTRY(l1b.mfn, PT_TABLE)), 0);
	check_rc("XSA286-1", "update_va_mapping of X", pt_map(X, d[2].mfn, PT_RW), 0);
	check_eq_hex("XSA286-1", "the second L1's entry", PT_MFN(pt_read(l1b.mfn, PT_L1_INDEX(X))),
		     d[2].mfn);
	check_eq_hex("XSA286-1", "the first L1's entry, out of use",
		     PT_MFN(pt_read(l1a.mfn, PT_L1_INDEX(X))), d[0].mfn);
	check_eq_hex("XSA286-1", "X reads the new frame", peek32(X), PATTERN(2));
	check_rc("XSA286-3", "the first L1 is plain memory again", pt_remap_rw(&l1a), 0);

	/* XSA286-2: the L3 entry moves from l2a to l2b (whose entry names
	 * l1b too: l1b is then held by both L2s). */
	check_rc("XSA286-2", "move L3 slot 1 to the second L2",
		 pt_update(slot, PT_ENTRY(l2b.mfn, PT_L3E)), 0);
	check_rc("XSA286-2", "update_va_mapping of X", pt_map(X, d[3].mfn, PT_RW), 0);
	check_eq_hex("XSA286-2", "X reads the newest frame", peek32(X), PATTERN(3));
	check_eq_hex("XSA286-2", "the L1 both L2s name holds it",
		     PT_MFN(pt_read(l1b.mfn, PT_L1_INDEX(X))), d[3].mfn);
	check_rc("XSA286-3", "the first L2 is plain memory again", pt_remap_rw(&l2a), 0);

	check_rc("XSA286-3", "put L3 slot 1 back", pt_update(slot, was), 0);
	check_rc("XSA286-3", "the second L2 is plain memory again", pt_remap_rw(&l2b), 0);
	check_rc("XSA286-3", "and so is the second L1", pt_remap_rw(&l1b), 0);
	test_success();
}
