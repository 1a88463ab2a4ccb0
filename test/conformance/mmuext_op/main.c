/* mmuext_op: HYPERVISOR_mmuext_op(ops, count, pdone, foreigndom)
 * (pvabi/mmu.h): pinning, switching page tables, flushes, the LDT.
 *
 * Rules checked (ids as in pvabi/ABI.md):
 *   EXT-1  MMUEXT_PIN_L1/L2/L3_TABLE validate a frame as that type and keep
 *          it so; a frame pinned already, of another type, mapped writable,
 *          not the domain's, beyond RAM, or failing validation is refused;
 *          MMUEXT_PIN_L4_TABLE does nothing for a 32-bit guest and returns 0
 *   EXT-2  MMUEXT_UNPIN_TABLE undoes a pin (the frame may be mapped writable
 *          again once nothing else holds it as a table); an unpinned frame,
 *          or one the domain does not own, is -EINVAL; the L3 in use may be
 *          unpinned and pinned again
 *   EXT-3  MMUEXT_NEW_BASEPTR switches to a freshly built L3 (validating it,
 *          the hypervisor filling its hole slots) and back; a frame that is
 *          not a valid L3, not the domain's, or at or above 4 GiB is -EINVAL
 *   EXT-4  TLB_FLUSH_LOCAL/MULTI/ALL and INVLPG_LOCAL/MULTI/ALL return 0 and
 *          make a changed L1 entry visible; a vCPU mask the hypervisor cannot
 *          read is -EINVAL (Xen turns the failed read into -EINVAL)
 *   EXT-5  MMUEXT_SET_LDT: more than 8192 entries, or a base that is not
 *          page-aligned, is -EINVAL; an empty LDT ignores the base; a
 *          non-empty one is accepted by Xen and -EOPNOTSUPP on ringlet
 *          (pvabi/ABI.md: ringlet maps no LDTs)
 *   EXT-6  unknown commands are -ENOSYS; NEW_USER_BASEPTR (64-bit only) is
 *          -EINVAL, MARK_SUPER/UNMARK_SUPER -EOPNOTSUPP; FLUSH_CACHE(_GLOBAL)
 *          work for the privileged domain; CLEAR_PAGE and COPY_PAGE work on
 *          the domain's frames that may be written
 *   MMU-5  (as for mmu_update) the batch stops at the first failure, *pdone
 *          counts what succeeded, an unreadable list is -EFAULT, a pdone
 *          that cannot be written is ignored; an empty batch does nothing,
 *          not even write *pdone
 *   MMU-8  (as for mmu_update) a long batch completes, *pdone exact
 *   HCALL-5 an op list at NULL, in the hole or unmapped is -EFAULT
 *   MMU-6  (as for mmu_update) foreigndom other than DOMID_SELF: the
 *          caller's own id or a missing domain is -ESRCH; DOMID_IO and
 *          DOMID_XEN: Xen takes them and refuses a flush for them (-EPERM),
 *          ringlet offers no foreign domains (-EINVAL)
 */
#include "guest.h"
#include "pagetable.h"
#include "platform.h"

const char test_title[] = "mmuext_op: pin and unpin, new_baseptr, TLB flushes, SET_LDT, unknown commands";

#define PATTERN_A 0xa11aa11au
#define PATTERN_B 0xb22bb22bu

static struct pt_frame a, b, w;
static uint32_t foreign, max_ram;

static long op1(uint32_t cmd, uint32_t arg1, uint32_t arg2)
{
	struct mmuext_op op = { .cmd = cmd };

	op.arg1.mfn = arg1;
	op.arg2.nr_ents = arg2;
	return hypercall_mmuext_op(&op, 1, 0, DOMID_SELF);
}

static void pins(void)
{
	struct pt_frame l1, l2, l3, top, bad;
	char what[96];

	if (!pt_alloc_frame(&l1) || !pt_alloc_frame(&l2) || !pt_alloc_frame(&l3) ||
	    !pt_alloc_frame(&top) || !pt_alloc_frame(&bad))
		return;
	pt_set(&l1, 0, PT_ENTRY(a.mfn, PT_RO));
	pt_set(&l1, 1, PT_ENTRY(b.mfn, PT_RW));

	/* EXT-1 (PT-2): a frame mapped writable cannot become a page table. */
	check_rc("EXT-1", "pin as L1 a frame that is mapped writable",
		 pt_pin(MMUEXT_PIN_L1_TABLE, l1.mfn), -XEN_EINVAL);
	if (!pt_table(&l1))
		return;
	check_rc("EXT-1", "pin it as L1 once read-only", pt_pin(MMUEXT_PIN_L1_TABLE, l1.mfn), 0);
	check_rc("EXT-1", "pin it as L1 again", pt_pin(MMUEXT_PIN_L1_TABLE, l1.mfn), -XEN_EINVAL);
	check_rc("EXT-1", "pin it as L2", pt_pin(MMUEXT_PIN_L2_TABLE, l1.mfn), -XEN_EINVAL);
	check_rc("EXT-1", "pin it as L3", pt_pin(MMUEXT_PIN_L3_TABLE, l1.mfn), -XEN_EINVAL);
	check("EXT-1", pt_remap_rw(&l1) < 0, "the pinned L1 cannot be mapped writable");

	pt_set(&l2, 0, PT_ENTRY(l1.mfn, PT_TABLE));
	if (!pt_table(&l2))
		return;
	check_rc("EXT-1", "pin as L2 a frame naming the L1", pt_pin(MMUEXT_PIN_L2_TABLE, l2.mfn), 0);
	check_rc("EXT-1", "pin the L2 again", pt_pin(MMUEXT_PIN_L2_TABLE, l2.mfn), -XEN_EINVAL);
	check_rc("EXT-1", "pin the L2 as L1", pt_pin(MMUEXT_PIN_L1_TABLE, l2.mfn), -XEN_EINVAL);

	/* An L3: slot 0 the L2, slot 3 an empty L2 that becomes the one with
	 * the hypervisor's slots. */
	if (!pt_table(&top))
		return;
	pt_set(&l3, 0, PT_ENTRY(l2.mfn, PT_L3E));
	pt_set(&l3, 3, PT_ENTRY(top.mfn, PT_L3E));
	if (!pt_table(&l3))
		return;
	check_rc("EXT-1", "pin as L3 a frame naming the L2 and a top L2",
		 pt_pin(MMUEXT_PIN_L3_TABLE, l3.mfn), 0);
	check_rc("EXT-1", "pin the L3 again", pt_pin(MMUEXT_PIN_L3_TABLE, l3.mfn), -XEN_EINVAL);
	check("EXT-1", pt_read(top.mfn, PT_HOLE_FIRST_L2_SLOT) & PV_PTE_PRESENT,
	      "the hypervisor filled the top L2's slot %u (%#llx)", PT_HOLE_FIRST_L2_SLOT,
	      (unsigned long long)pt_read(top.mfn, PT_HOLE_FIRST_L2_SLOT));
	check_rc("EXT-1", "pin the L3's top L2 as an L2 (it is the hole's)",
		 pt_pin(MMUEXT_PIN_L2_TABLE, top.mfn), -XEN_EINVAL);

	/* The 64-bit level: Xen ignores it for a 32-bit guest. */
	check_rc("EXT-1", "PIN_L4_TABLE is ignored", pt_pin(MMUEXT_PIN_L4_TABLE, bad.mfn), 0);
	check("EXT-1", pt_remap_rw(&bad) == 0, "and left the frame as it was (writable)");

	if (foreign != PT_NONE) {
		format(what, sizeof(what), "pin as L1 frame %#x, not the domain's", foreign);
		check_rc("EXT-1", what, pt_pin(MMUEXT_PIN_L1_TABLE, foreign), -XEN_EINVAL);
	}
	check_rc("EXT-1", "pin as L1 the frame after the last RAM frame",
		 pt_pin(MMUEXT_PIN_L1_TABLE, max_ram + 1), -XEN_EINVAL);
	check_rc("EXT-1", "pin as L2 frame 0xffffffff", pt_pin(MMUEXT_PIN_L2_TABLE, 0xffffffffu),
		 -XEN_EINVAL);

	/* Failing validation: an L2 with a superpage entry. */
	pt_set(&bad, 5, PT_ENTRY(a.mfn & ~511u, PT_TABLE | PV_PTE_PSE));
	if (!pt_table(&bad))
		return;
	check_rc("EXT-1", "pin as L2 a frame with a PSE entry",
		 pt_pin(MMUEXT_PIN_L2_TABLE, bad.mfn), -XEN_EINVAL);
	check_rc("EXT-1", "the failed frame has no type left: it can be mapped writable",
		 pt_remap_rw(&bad), 0);
	/* An L3 without its slot 3. */
	pt_set(&bad, 5, 0);
	pt_set(&bad, 0, PT_ENTRY(l2.mfn, PT_L3E));
	if (!pt_table(&bad))
		return;
	check_rc("EXT-1", "pin as L3 a frame with an empty slot 3",
		 pt_pin(MMUEXT_PIN_L3_TABLE, bad.mfn), -XEN_EINVAL);

	/* EXT-2 */
	check_rc("EXT-2", "unpin the L3", pt_unpin(l3.mfn), 0);
	check_rc("EXT-2", "unpin the L3 again", pt_unpin(l3.mfn), -XEN_EINVAL);
	check_rc("EXT-2", "the L3 lost its type: map it writable", pt_remap_rw(&l3), 0);
	check_rc("EXT-2", "so did its top L2", pt_remap_rw(&top), 0);
	check("EXT-2", pt_remap_rw(&l2) < 0, "the L2, still pinned, cannot be mapped writable");
	check_rc("EXT-2", "unpin the L2", pt_unpin(l2.mfn), 0);
	check_rc("EXT-2", "the L2 can be mapped writable", pt_remap_rw(&l2), 0);
	check_rc("EXT-2", "unpin the L1", pt_unpin(l1.mfn), 0);
	check_rc("EXT-2", "the L1 can be mapped writable", pt_remap_rw(&l1), 0);
	check_rc("EXT-2", "unpin a frame that was never pinned", pt_unpin(a.mfn), -XEN_EINVAL);
	check_rc("EXT-2", "unpin the bad frame that failed to pin", pt_unpin(bad.mfn), -XEN_EINVAL);
	if (foreign != PT_NONE)
		check_rc("EXT-2", "unpin a frame not the domain's", pt_unpin(foreign), -XEN_EINVAL);
	check_rc("EXT-2", "unpin the frame after the last RAM frame", pt_unpin(max_ram + 1),
		 -XEN_EINVAL);

	/* The L3 in use keeps its type through CR3 while unpinned. */
	uint32_t cur = pt_l3_mfn;
	check_rc("EXT-2", "unpin the L3 in use (the builder pinned it)", pt_unpin(cur), 0);
	check_eq_hex("EXT-2", "the guest runs on: its data is readable", peek32(a.va), PATTERN_A);
	check_rc("EXT-2", "pin the L3 in use again", pt_pin(MMUEXT_PIN_L3_TABLE, cur), 0);
}

/* A copy of the current address space: slots 0-2 share the current L2s,
 * slot 3 is a new top L2 holding the current one's guest entries. */
static bool build_l3(struct pt_frame *l3, struct pt_frame *top)
{
	if (!pt_alloc_frame(l3) || !pt_alloc_frame(top))
		return false;
	uint32_t cur_top = PT_MFN(pt_read(pt_l3_mfn, 3));
	for (unsigned i = 0; i < PT_HOLE_FIRST_L2_SLOT; i++)
		pt_set(top, i, pt_read(cur_top, i));
	for (unsigned i = 0; i < 3; i++)
		pt_set(l3, i, pt_read(pt_l3_mfn, i));
	pt_set(l3, 3, PT_ENTRY(top->mfn, PT_L3E));
	return pt_table(top) && pt_table(l3);
}

static void baseptr(void)
{
	struct pt_frame l3, top, shared;
	uint32_t old = pt_l3_mfn;
	char what[96];

	if (!build_l3(&l3, &top))
		return;
	check_rc("EXT-3", "switch to a new L3 (not pinned)", pt_new_baseptr(l3.mfn), 0);
	check_eq_hex("EXT-3", "the guest runs on it: its data is readable", peek32(a.va),
		     PATTERN_A);
	check_eq_hex("EXT-3", "the m2p table is mapped in its hole (m2p[a])",
		     machine_to_phys_mapping[a.mfn], a.pfn);
	check("EXT-3", pt_read(top.mfn, PT_HOLE_FIRST_L2_SLOT) & PV_PTE_PRESENT,
	      "the hypervisor filled the new top L2's slot %u", PT_HOLE_FIRST_L2_SLOT);
	check("EXT-3", pt_remap_rw(&l3) < 0, "the L3 in use cannot be mapped writable");
	check_rc("EXT-3", "switch to the same L3 again", pt_new_baseptr(l3.mfn), 0);
	check_rc("EXT-3", "switch back to the old L3", pt_new_baseptr(old), 0);
	check_eq_hex("EXT-3", "and run on it", peek32(b.va), PATTERN_B);
	check_rc("EXT-3", "the new L3 lost its type: map it writable", pt_remap_rw(&l3), 0);
	check_rc("EXT-3", "so did its top L2", pt_remap_rw(&top), 0);

	/* The same, pinned first. */
	if (!pt_table(&top) || !pt_table(&l3))
		return;
	check_rc("EXT-3", "pin the new L3", pt_pin(MMUEXT_PIN_L3_TABLE, l3.mfn), 0);
	check_rc("EXT-3", "switch to it", pt_new_baseptr(l3.mfn), 0);
	check_eq_hex("EXT-3", "the guest runs on it", peek32(a.va), PATTERN_A);
	check_rc("EXT-3", "unpin it while in use", pt_unpin(l3.mfn), 0);
	check_rc("EXT-3", "switch back", pt_new_baseptr(old), 0);
	check_rc("EXT-3", "the L3 is free again", pt_remap_rw(&l3), 0);
	pt_remap_rw(&top);

	/* Refusals. */
	check_rc("EXT-3", "switch to a writable frame", pt_new_baseptr(a.mfn), -XEN_EINVAL);
	if (foreign != PT_NONE) {
		format(what, sizeof(what), "switch to frame %#x, not the domain's", foreign);
		check_rc("EXT-3", what, pt_new_baseptr(foreign), -XEN_EINVAL);
	}
	check_rc("EXT-3", "switch to the frame after the last RAM frame",
		 pt_new_baseptr(max_ram + 1), -XEN_EINVAL);
	check_rc("EXT-3", "switch to frame 0x100000 (4 GiB)", pt_new_baseptr(0x100000), -XEN_EINVAL);
	check_rc("EXT-3", "switch to the L2 of slot 0", pt_new_baseptr(PT_MFN(pt_read(old, 0))),
		 -XEN_EINVAL);
	/* An L3 sharing the current top L2. */
	if (!pt_alloc_frame(&shared))
		return;
	for (unsigned i = 0; i < 4; i++)
		pt_set(&shared, i, pt_read(old, i));
	if (!pt_table(&shared))
		return;
	check_rc("EXT-3", "switch to an L3 whose slot 3 is the L2 in use",
		 pt_new_baseptr(shared.mfn), -XEN_EINVAL);
	check_rc("EXT-3", "pin that L3", pt_pin(MMUEXT_PIN_L3_TABLE, shared.mfn), -XEN_EINVAL);
	check_eq_hex("EXT-3", "still on the old L3", pt_l3_mfn, old);
	check_eq_hex("EXT-3", "and running", peek32(a.va), PATTERN_A);
}

static void flushes(void)
{
	uint64_t ptr = pt_l1e_maddr(w.va);
	uint32_t one_vcpu = 1, no_vcpu = 0;
	static const struct { const char *what; uint32_t cmd; bool multi; } kinds[] = {
		{ "TLB_FLUSH_LOCAL", MMUEXT_TLB_FLUSH_LOCAL, false },
		{ "INVLPG_LOCAL", MMUEXT_INVLPG_LOCAL, false },
		{ "TLB_FLUSH_MULTI", MMUEXT_TLB_FLUSH_MULTI, true },
		{ "INVLPG_MULTI", MMUEXT_INVLPG_MULTI, true },
		{ "TLB_FLUSH_ALL", MMUEXT_TLB_FLUSH_ALL, false },
		{ "INVLPG_ALL", MMUEXT_INVLPG_ALL, false },
	};
	char what[96];

	for (unsigned i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		struct mmuext_op op = { .cmd = kinds[i].cmd };
		uint32_t want = i % 2 ? PATTERN_B : PATTERN_A;

		op.arg1.linear_addr = w.va;
		op.arg2.vcpumask = guest_ptr(ptr_arg(&one_vcpu));
		/* Xen does not flush after an L1 change made with mmu_update:
		 * the flush makes it visible. Touch the old mapping first so
		 * the TLB holds it. */
		(void)peek32(w.va);
		if (pt_update(ptr, PT_ENTRY(i % 2 ? b.mfn : a.mfn, PT_RO))) {
			test_error("mmu_update of the window's entry failed");
			return;
		}
		format(what, sizeof(what), "%s%s", kinds[i].what,
		       kinds[i].multi ? " (mask: vCPU 0)" : "");
		check_rc("EXT-4", what, hypercall_mmuext_op(&op, 1, 0, DOMID_SELF), 0);
		format(what, sizeof(what), "after %s the window shows the new frame", kinds[i].what);
		check_eq_hex("EXT-4", what, peek32(w.va), want);
	}

	static const struct { const char *what; uint32_t mask; } bad[] = {
		{ "NULL", 0 }, { "an unmapped page", 0 }, { "the hole (0xff000000)", 0xff000000u },
	};
	for (unsigned k = 0; k < 2; k++) {
		uint32_t cmd = k ? MMUEXT_INVLPG_MULTI : MMUEXT_TLB_FLUSH_MULTI;
		struct mmuext_op op = { .cmd = cmd };

		op.arg1.linear_addr = w.va;
		op.arg2.vcpumask = guest_ptr(ptr_arg(&no_vcpu));
		format(what, sizeof(what), "%s with an empty mask", k ? "INVLPG_MULTI" : "TLB_FLUSH_MULTI");
		check_rc("EXT-4", what, hypercall_mmuext_op(&op, 1, 0, DOMID_SELF), 0);
		for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
			uint32_t m = i == 1 ? initial_region_end() : bad[i].mask;

			op.arg2.vcpumask = guest_ptr(m);
			format(what, sizeof(what), "%s with the mask at %s",
			       k ? "INVLPG_MULTI" : "TLB_FLUSH_MULTI", bad[i].what);
			check_rc("EXT-4", what, hypercall_mmuext_op(&op, 1, 0, DOMID_SELF),
				 -XEN_EINVAL);
		}
	}
	check_rc("EXT-4", "INVLPG_LOCAL of an address in the hole",
		 op1(MMUEXT_INVLPG_LOCAL, 0xff000000u, 0), 0);
	check_rc("EXT-4", "INVLPG_ALL of an unmapped address",
		 op1(MMUEXT_INVLPG_ALL, initial_region_end(), 0), 0);
	pt_update(ptr, PT_ENTRY(w.mfn, PT_RW));
	op1(MMUEXT_INVLPG_LOCAL, w.va, 0);
}

static void ldt(void)
{
	check_rc("EXT-5", "SET_LDT empty, base 0", op1(MMUEXT_SET_LDT, 0, 0), 0);
	check_rc("EXT-5", "SET_LDT empty, base not page-aligned (ignored)",
		 op1(MMUEXT_SET_LDT, 0x1234, 0), 0);
	check_rc("EXT-5", "SET_LDT empty, base in the hole (ignored)",
		 op1(MMUEXT_SET_LDT, 0xff000000u, 0), 0);
	check_rc("EXT-5", "SET_LDT with 8193 entries", op1(MMUEXT_SET_LDT, w.va, 8193), -XEN_EINVAL);
	check_rc("EXT-5", "SET_LDT with 0xffffffff entries",
		 op1(MMUEXT_SET_LDT, w.va, 0xffffffffu), -XEN_EINVAL);
	check_rc("EXT-5", "SET_LDT with 1 entry, base not page-aligned",
		 op1(MMUEXT_SET_LDT, w.va + 8, 1), -XEN_EINVAL);
	check_rc("EXT-5", "SET_LDT with 1 entry, base 1 byte into a page",
		 op1(MMUEXT_SET_LDT, w.va + 1, 1), -XEN_EINVAL);
	/* ringlet maps no LDT (pvabi/ABI.md, EXT-5); Xen loads it lazily. */
	long want = on_ringlet() ? -XEN_EOPNOTSUPP : 0;
	check_rc("EXT-5", on_ringlet() ? "SET_LDT with 1 entry (ringlet: no LDTs)"
				       : "SET_LDT with 1 entry (Xen: accepted)",
		 op1(MMUEXT_SET_LDT, w.va, 1), want);
	check_rc("EXT-5", on_ringlet() ? "SET_LDT with 8192 entries (ringlet: no LDTs)"
				       : "SET_LDT with 8192 entries (Xen: accepted)",
		 op1(MMUEXT_SET_LDT, w.va, 8192), want);
	check_rc("EXT-5", "SET_LDT back to empty", op1(MMUEXT_SET_LDT, 0, 0), 0);
}

static void other_commands(void)
{
	static const uint32_t unknown[] = { 14, 21, 22, 31, 64, 0x80000000u, 0xffffffffu };
	char what[96];

	for (unsigned i = 0; i < sizeof(unknown) / sizeof(unknown[0]); i++) {
		format(what, sizeof(what), "command %#x", unknown[i]);
		check_rc("EXT-6", what, op1(unknown[i], a.mfn, 0), -XEN_ENOSYS);
	}
	check_rc("EXT-6", "NEW_USER_BASEPTR (64-bit guests only)",
		 op1(MMUEXT_NEW_USER_BASEPTR, pt_l3_mfn, 0), -XEN_EINVAL);
	check_rc("EXT-6", "MARK_SUPER", op1(MMUEXT_MARK_SUPER, a.mfn, 0), -XEN_EOPNOTSUPP);
	check_rc("EXT-6", "UNMARK_SUPER", op1(MMUEXT_UNMARK_SUPER, a.mfn, 0), -XEN_EOPNOTSUPP);
	if (start_info->flags & SIF_PRIVILEGED) {
		check_rc("EXT-6", "FLUSH_CACHE (privileged)", op1(MMUEXT_FLUSH_CACHE, 0, 0), 0);
		check_rc("EXT-6", "FLUSH_CACHE_GLOBAL (privileged)",
			 op1(MMUEXT_FLUSH_CACHE_GLOBAL, 0, 0), 0);
	}

	/* CLEAR_PAGE and COPY_PAGE. */
	struct pt_frame c, l1;
	if (!pt_alloc_frame(&c) || !pt_alloc_frame(&l1))
		return;
	*(volatile uint32_t *)(uintptr_t)(c.va + 100) = 0x600d;
	check_rc("EXT-6", "COPY_PAGE a -> c", op1(MMUEXT_COPY_PAGE, c.mfn, a.mfn), 0);
	check("EXT-6", peek32(c.va) == PATTERN_A && peek32(c.va + 100) == peek32(a.va + 100),
	      "c is a copy of a (%#x)", peek32(c.va));
	check_rc("EXT-6", "CLEAR_PAGE c", op1(MMUEXT_CLEAR_PAGE, c.mfn, 0), 0);
	check("EXT-6", peek32(c.va) == 0 && peek32(c.va + 4092) == 0, "c is zero");
	if (foreign != PT_NONE) {
		check_rc("EXT-6", "CLEAR_PAGE of a frame not the domain's",
			 op1(MMUEXT_CLEAR_PAGE, foreign, 0), -XEN_EINVAL);
		check_rc("EXT-6", "COPY_PAGE from a frame not the domain's",
			 op1(MMUEXT_COPY_PAGE, c.mfn, foreign), -XEN_EINVAL);
		check_rc("EXT-6", "COPY_PAGE to a frame not the domain's",
			 op1(MMUEXT_COPY_PAGE, foreign, a.mfn), -XEN_EINVAL);
	}
	check_rc("EXT-6", "CLEAR_PAGE beyond RAM", op1(MMUEXT_CLEAR_PAGE, max_ram + 1, 0),
		 -XEN_EINVAL);
	pt_set(&l1, 0, PT_ENTRY(a.mfn, PT_RO));
	if (!pt_table(&l1) || pt_pin(MMUEXT_PIN_L1_TABLE, l1.mfn)) {
		test_error("cannot pin an L1");
		return;
	}
	check_rc("EXT-6", "CLEAR_PAGE of a pinned L1", op1(MMUEXT_CLEAR_PAGE, l1.mfn, 0),
		 -XEN_EINVAL);
	check_rc("EXT-6", "COPY_PAGE onto a pinned L1", op1(MMUEXT_COPY_PAGE, l1.mfn, c.mfn),
		 -XEN_EINVAL);
	check_rc("EXT-6", "COPY_PAGE from a pinned L1 (reading it is fine)",
		 op1(MMUEXT_COPY_PAGE, c.mfn, l1.mfn), 0);
	check_eq_hex("EXT-6", "c holds the L1's first entry", peek32(c.va),
		     (uint32_t)PT_ENTRY(a.mfn, PT_RO));
	check_eq_hex("EXT-6", "the L1 is intact", (uint32_t)pt_read(l1.mfn, 0),
		     (uint32_t)PT_ENTRY(a.mfn, PT_RO));
	pt_unpin(l1.mfn);
}

static void batches(void)
{
	struct pt_frame x, y;
	uint32_t done;

	if (!pt_alloc_frame(&x) || !pt_alloc_frame(&y) || !pt_table(&x) || !pt_table(&y))
		return;
	struct mmuext_op ops[3] = {
		{ .cmd = MMUEXT_PIN_L1_TABLE, .arg1.mfn = x.mfn },
		{ .cmd = MMUEXT_PIN_L1_TABLE, .arg1.mfn = x.mfn },
		{ .cmd = MMUEXT_PIN_L1_TABLE, .arg1.mfn = y.mfn },
	};

	done = 0xdead;
	check_rc("MMU-5", "pin x, pin x again, pin y",
		 hypercall_mmuext_op(ops, 3, &done, DOMID_SELF), -XEN_EINVAL);
	check_eq("MMU-5", "pdone counts the first", done, 1);
	check_rc("MMU-5", "y was not pinned: unpinning it fails", pt_unpin(y.mfn), -XEN_EINVAL);
	ops[0].cmd = ops[1].cmd = ops[2].cmd = MMUEXT_UNPIN_TABLE;
	done = 0xdead;
	check_rc("MMU-5", "unpin x, unpin x again, unpin y",
		 hypercall_mmuext_op(ops, 3, &done, DOMID_SELF), -XEN_EINVAL);
	check_eq("MMU-5", "pdone counts the first", done, 1);

	/* Xen (its 32-bit guest entry) does nothing at all for an empty
	 * batch: no foreigndom check, no pdone write. */
	done = 0xdead;
	check_rc("MMU-5", "an empty batch", hypercall_mmuext_op(ops, 0, &done, DOMID_SELF), 0);
	check_eq_hex("MMU-5", "pdone is left alone", done, 0xdead);
	check_rc("MMU-5", "an empty batch naming a domain that does not exist",
		 hypercall4(__HYPERVISOR_mmuext_op, ptr_arg(ops), 0, 0, 1), 0);
	static const struct { const char *what; uint32_t va; } bad[] = {
		{ "NULL", 0 }, { "the hole (0xff000000)", 0xff000000u }, { "an unmapped page", 1 },
	};
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char what[80];
		uint32_t va = bad[i].va == 1 ? initial_region_end() : bad[i].va;

		done = 0xdead;
		format(what, sizeof(what), "an op list at %s", bad[i].what);
		check_rc("HCALL-5", what, hypercall_mmuext_op((void *)(uintptr_t)va, 2, &done,
							    DOMID_SELF), -XEN_EFAULT);
		check_eq("MMU-5", "pdone is 0", done, 0);
	}

	/* One op in the region's last 12 bytes, the next beyond. */
	struct mmuext_op *edge = (struct mmuext_op *)(uintptr_t)(initial_region_end() - 12);
	edge->cmd = MMUEXT_TLB_FLUSH_LOCAL;
	done = 0xdead;
	check_rc("MMU-5", "a list running off mapped memory after 1 op",
		 hypercall_mmuext_op(edge, 2, &done, DOMID_SELF), -XEN_EFAULT);
	check_eq("MMU-5", "pdone counts the one done", done, 1);

	ops[0].cmd = MMUEXT_TLB_FLUSH_LOCAL;
	uint32_t l3_word = *(volatile uint32_t *)(uintptr_t)start_info->pt_base;
	check_rc("MMU-5", "pdone at an unmapped page",
		 hypercall_mmuext_op(ops, 1, (uint32_t *)(uintptr_t)initial_region_end(),
				     DOMID_SELF), 0);
	check_rc("MMU-5", "pdone at the read-only L3",
		 hypercall_mmuext_op(ops, 1, (uint32_t *)(uintptr_t)start_info->pt_base,
				     DOMID_SELF), 0);
	check_eq_hex("MMU-5", "the L3 is unchanged",
		     *(volatile uint32_t *)(uintptr_t)start_info->pt_base, l3_word);

	/* A long batch continues (its 32-bit entry on Xen translates it in
	 * chunks, too): 2,000 flushes, the last op an unpin that fails. */
	struct pt_frame list;
	const unsigned n = 2000;
	if (pt_alloc_frames(&list, (n * sizeof(struct mmuext_op) + 4095) / 4096)) {
		struct mmuext_op *big = (struct mmuext_op *)(uintptr_t)list.va;
		for (unsigned i = 0; i < n; i++) {
			big[i].cmd = i % 2 ? MMUEXT_INVLPG_LOCAL : MMUEXT_TLB_FLUSH_LOCAL;
			big[i].arg1.linear_addr = w.va;
		}
		done = 0xdead;
		check_rc("MMU-8", "2,000 flushes in one batch",
			 hypercall_mmuext_op(big, n, &done, DOMID_SELF), 0);
		check_eq("MMU-8", "pdone is 2,000", done, n);
		big[n - 1].cmd = MMUEXT_UNPIN_TABLE;
		big[n - 1].arg1.mfn = a.mfn;
		done = 0xdead;
		check_rc("MMU-8", "2,000 ops, the last an unpin of a frame not pinned",
			 hypercall_mmuext_op(big, n, &done, DOMID_SELF), -XEN_EINVAL);
		check_eq("MMU-8", "pdone is 1,999", done, n - 1);
	}

	/* foreigndom */
	static const struct { const char *what; uint32_t fd; long want; } fds[] = {
		{ "foreigndom DOMID_SELF", DOMID_SELF, 0 },
		{ "foreigndom 0, the caller's own id", 0, -XEN_ESRCH },
		{ "foreigndom 1, no such domain", 1, -XEN_ESRCH },
		{ "foreigndom 0x7fef, no such domain", 0x7fef, -XEN_ESRCH },
	};
	if (!(start_info->flags & SIF_INITDOMAIN))
		return;
	for (unsigned i = 0; i < sizeof(fds) / sizeof(fds[0]); i++)
		check_rc("MMU-6", fds[i].what,
			 hypercall4(__HYPERVISOR_mmuext_op, ptr_arg(ops), 1, 0, fds[i].fd),
			 fds[i].want);
	/* DOMID_IO and DOMID_XEN: Xen takes them from its privileged domain
	 * and then refuses a flush, which is about the caller's own TLB
	 * (-EPERM); ringlet offers no foreign domains (pvabi/ABI.md, "Left
	 * out": -EINVAL). */
	long want = on_ringlet() ? -XEN_EINVAL : -XEN_EPERM;
	check_rc("MMU-6", "foreigndom DOMID_IO, a TLB flush",
		 hypercall4(__HYPERVISOR_mmuext_op, ptr_arg(ops), 1, 0, DOMID_IO), want);
	check_rc("MMU-6", "foreigndom DOMID_XEN, a TLB flush",
		 hypercall4(__HYPERVISOR_mmuext_op, ptr_arg(ops), 1, 0, DOMID_XEN), want);
}

void test_main(void)
{
	if (!pt_alloc_frame(&a) || !pt_alloc_frame(&b) || !pt_alloc_frame(&w))
		return;
	*(volatile uint32_t *)(uintptr_t)a.va = PATTERN_A;
	*(volatile uint32_t *)(uintptr_t)b.va = PATTERN_B;
	foreign = pt_foreign_mfn();
	max_ram = pt_max_ram_mfn();
	printk("frames: a %#x, b %#x, window %#x; not the domain's: %#x; last RAM frame %#x\n",
	       a.mfn, b.mfn, w.mfn, foreign, max_ram);
	pins();
	baseptr();
	flushes();
	ldt();
	other_commands();
	batches();
	test_success();
}
