/* xsa185: no L3 may name an L3 (XSA-185).
 *
 * XSA-185: Xen let a 32-bit PV guest put an L3 table's own frame in one of
 * its entries (a "recursive" L3); the hypervisor's slots of that L3 then
 * became writable to the guest through it. An L3 entry must name an L2:
 * the frame of an L3, the L3 itself or the one in use, is refused, in an
 * update and in a table being pinned, and leaves no type or reference
 * behind.
 *
 * Rules checked:
 *   XSA185-1  mmu_update of an L3 entry naming that L3, or another L3 (the
 *             one in use), is -EINVAL; the entry keeps its old value
 *   XSA185-2  pinning a frame as L3 whose entry names itself is -EINVAL
 *   XSA185-3  afterwards the frames lose their types when unpinned (they
 *             can be mapped writable again)
 */
#include "guest.h"
#include "pagetable.h"

const char test_title[] = "xsa185: an L3 entry that names an L3 is refused";

void test_main(void)
{
	struct pt_frame l3, top, self, selftop;

	if (!pt_alloc_frame(&l3) || !pt_alloc_frame(&top) || !pt_alloc_frame(&self) ||
	    !pt_alloc_frame(&selftop))
		return test_error("cannot get four spare frames");
	if (!pt_table(&top))
		return;
	pt_set(&l3, 3, PT_ENTRY(top.mfn, PT_L3E));
	if (!pt_table(&l3))
		return;
	if (pt_pin(MMUEXT_PIN_L3_TABLE, l3.mfn) != 0)
		return test_error("cannot pin a well-formed L3");

	uint64_t slot0 = pt_maddr(l3.mfn, 0);
	check_rc("XSA185-1", "L3 entry 0 -> the L3 itself",
		 pt_update(slot0, PT_ENTRY(l3.mfn, PT_L3E)), -XEN_EINVAL);
	check_rc("XSA185-1", "L3 entry 0 -> the L3 in use",
		 pt_update(slot0, PT_ENTRY(pt_l3_mfn, PT_L3E)), -XEN_EINVAL);
	check_eq_hex("XSA185-1", "entry 0 after both", pt_read(l3.mfn, 0), 0);
	uint64_t slot3 = pt_maddr(l3.mfn, 3);
	check_rc("XSA185-1", "L3 entry 3 (the hypervisor's L2) -> the L3 itself",
		 pt_update(slot3, PT_ENTRY(l3.mfn, PT_L3E)), -XEN_EINVAL);
	check_eq_hex("XSA185-1", "entry 3 after it",
		     pt_read(l3.mfn, 3) & (PV_PTE_ADDR_MASK | PV_PTE_PRESENT),
		     PT_ENTRY(top.mfn, PV_PTE_PRESENT));

	check_rc("XSA185-3", "unpin the L3", pt_unpin(l3.mfn), 0);
	check_rc("XSA185-3", "the L3 is plain memory again", pt_remap_rw(&l3), 0);
	check_rc("XSA185-3", "so is its top L2", pt_remap_rw(&top), 0);

	/* A table that names itself from the start. */
	if (!pt_table(&selftop))
		return;
	pt_set(&self, 0, PT_ENTRY(self.mfn, PT_L3E));
	pt_set(&self, 3, PT_ENTRY(selftop.mfn, PT_L3E));
	if (!pt_table(&self))
		return;
	check_rc("XSA185-2", "pin as L3 a frame whose entry 0 names itself",
		 pt_pin(MMUEXT_PIN_L3_TABLE, self.mfn), -XEN_EINVAL);
	check_rc("XSA185-3", "that frame can be mapped writable", pt_remap_rw(&self), 0);
	check_rc("XSA185-3", "and so can its top L2", pt_remap_rw(&selftop), 0);
	test_success();
}
