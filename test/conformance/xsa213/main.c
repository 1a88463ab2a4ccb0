/* xsa213: a change of page tables inside a multicall takes effect at once
 * (XSA-213).
 *
 * XSA-213: a multicall whose entry changed the vCPU's page-table mode went
 * on with the tables it had before, letting later entries act on tables
 * the guest no longer ran on. A 32-bit PV guest's form of it: an entry
 * switches the base table (MMUEXT_NEW_BASEPTR); every later entry of the
 * same multicall must act on the new tables, and the guest must return
 * from the multicall on whatever base table the last switch named. (An
 * iret inside a multicall is MC-2's, in test multicall.)
 *
 * Rules checked:
 *   XSA213-1  update_va_mapping after a NEW_BASEPTR in the same multicall
 *             changes the new tables' entry, not the old ones'
 *   XSA213-2  a second NEW_BASEPTR back to the old table in the same
 *             multicall leaves the guest on it, every entry done (result
 *             0), the old mapping untouched
 */
#include "guest.h"
#include "pagetable.h"

const char test_title[] = "xsa213: page tables switched inside a multicall take effect at once";

#define X          0x40000000u      /* L3 slot 1: the two L3s map it apart */
#define PATTERN_A  0xaaaa0213u
#define PATTERN_B  0xbbbb0213u
#define PATTERN_C  0xcccc0213u

static void entry(multicall_entry_t *e, uint32_t op, uint32_t a0, uint32_t a1, uint32_t a2,
		  uint32_t a3)
{
	*e = (multicall_entry_t){ .op = op, .result = 0x77777777, .args = { a0, a1, a2, a3 } };
}

void test_main(void)
{
	struct pt_frame a, b, c, l2a, l1a, l2b, l1b, l3, top;

	pt_init();
	uint32_t old = pt_l3_mfn;

	if (!pt_alloc_frame(&a) || !pt_alloc_frame(&b) || !pt_alloc_frame(&c))
		return test_error("cannot get spare frames");
	*(volatile uint32_t *)a.va = PATTERN_A;
	*(volatile uint32_t *)b.va = PATTERN_B;
	*(volatile uint32_t *)c.va = PATTERN_C;
	if (!pt_l3_slot_unused(1))
		return test_error("L3 slot 1 maps something: nowhere to map X");
	uint64_t was = pt_read(pt_l3_mfn, 1);
	if (!pt_chain(&l2a, &l1a, X, a.mfn) || !pt_chain(&l2b, &l1b, X, b.mfn))
		return;
	long rc = pt_update(pt_maddr(old, 1), PT_ENTRY(l2a.mfn, PT_L3E));
	if (rc != 0)
		return test_error("cannot hook the first chain into the L3 in use: %ld", rc);

	/* The second L3: the same as the one in use but for slot 1. */
	if (!pt_alloc_frame(&l3) || !pt_alloc_frame(&top))
		return test_error("cannot get frames for a second L3");
	uint32_t cur_top = PT_MFN(pt_read(old, 3));
	for (unsigned i = 0; i < PT_HOLE_FIRST_L2_SLOT; i++)
		pt_set(&top, i, pt_read(cur_top, i));
	pt_set(&l3, 0, pt_read(old, 0));
	pt_set(&l3, 1, PT_ENTRY(l2b.mfn, PT_L3E));
	pt_set(&l3, 2, pt_read(old, 2));
	pt_set(&l3, 3, PT_ENTRY(top.mfn, PT_L3E));
	if (!pt_table(&top) || !pt_table(&l3))
		return;
	check_eq_hex("XSA213-1", "X through the L3 in use", peek32(X), PATTERN_A);

	static struct mmuext_op to_new, to_old;
	static multicall_entry_t calls[4];
	to_new = (struct mmuext_op){ .cmd = MMUEXT_NEW_BASEPTR, .arg1.mfn = l3.mfn };
	to_old = (struct mmuext_op){ .cmd = MMUEXT_NEW_BASEPTR, .arg1.mfn = old };
	uint64_t pte = PT_ENTRY(c.mfn, PT_RW);
	entry(&calls[0], __HYPERVISOR_mmuext_op, (uint32_t)(uintptr_t)&to_new, 1, 0, DOMID_SELF);
	entry(&calls[1], __HYPERVISOR_update_va_mapping, X, (uint32_t)pte,
	      (uint32_t)(pte >> 32), UVMF_INVLPG);
	entry(&calls[2], __HYPERVISOR_mmuext_op, (uint32_t)(uintptr_t)&to_old, 1, 0, DOMID_SELF);
	entry(&calls[3], __HYPERVISOR_xen_version, XENVER_version, 0, 0, 0);
	check_rc("XSA213-2", "the multicall", hypercall_multicall(calls, 4), 0);
	check_rc("XSA213-2", "entry 0: switch to the second L3", (long)(int32_t)calls[0].result, 0);
	check_rc("XSA213-1", "entry 1: update_va_mapping of X", (long)(int32_t)calls[1].result, 0);
	check_rc("XSA213-2", "entry 2: switch back", (long)(int32_t)calls[2].result, 0);
	check("XSA213-2", (int32_t)calls[3].result > 0, "entry 3 ran: %#x", calls[3].result);
	check_eq_hex("XSA213-2", "X through the first L3 afterwards (untouched)", peek32(X),
		     PATTERN_A);
	check_eq_hex("XSA213-1", "the second chain's L1 entry names the new frame",
		     PT_MFN(pt_read(l1b.mfn, PT_L1_INDEX(X))), c.mfn);
	check_eq_hex("XSA213-1", "the first chain's L1 entry still names its frame",
		     PT_MFN(pt_read(l1a.mfn, PT_L1_INDEX(X))), a.mfn);
	if (pt_new_baseptr(l3.mfn) == 0) {
		uint32_t seen = peek32(X);
		pt_new_baseptr(old);
		check_eq_hex("XSA213-1", "X through the second L3", seen, PATTERN_C);
	} else {
		test_error("cannot switch to the second L3 to look");
	}
	check_rc("XSA213-2", "put L3 slot 1 back", pt_update(pt_maddr(old, 1), was), 0);
	test_success();
}
