/* update_va_mapping: HYPERVISOR_update_va_mapping(va, pte_lo, pte_hi, flags)
 * (pvabi/mmu.h): one L1 entry, found by address, then a flush.
 *
 * Rules checked (ids as in pvabi/ABI.md):
 *   UVA-1  the L1 entry mapping va in the current tables takes the new value
 *          (under the page-type rules: a frame not the domain's, or a
 *          writable mapping of a page table, is refused and the entry stays
 *          as it was); the low 12 bits of va do not matter; flags: flush
 *          type UVMF_NONE, UVMF_TLB_FLUSH or UVMF_INVLPG, scope local
 *          (0), UVMF_ALL, or a vCPU bitmap's address; after a flush the new
 *          mapping is in use
 *   UVA-2  va in the hole, or va with no L1 (its L2 entry empty), is -EINVAL
 *          and changes nothing; Xen checks the flags only after the entry
 *          is written: flush type 3 is no flush at all (0), and a bitmap
 *          it cannot read is -EFAULT with the entry changed all the same; a
 *          bitmap address goes unread when there is no flush
 */
#include "guest.h"
#include "pagetable.h"

const char test_title[] = "update_va_mapping: every flush flag, and the mappings it refuses";

#define PATTERN_A 0xa11aa11au
#define PATTERN_B 0xb22bb22bu

static struct pt_frame a, b, w;

static long uva(uint32_t va, uint64_t pte, uint32_t flags)
{
	return hypercall_update_va_mapping(va, pte, flags);
}

static void flush_window(void)
{
	if (pt_mmuext(MMUEXT_INVLPG_LOCAL, w.va))
		test_error("MMUEXT_INVLPG_LOCAL failed");
}

static void flags(void)
{
	static volatile uint32_t vcpu0 = 1;
	const uint32_t mask = ptr_arg(&vcpu0);
	const struct { const char *what; uint32_t flags; bool flushes; } cases[] = {
		{ "UVMF_INVLPG (local)", UVMF_INVLPG, true },
		{ "UVMF_TLB_FLUSH (local)", UVMF_TLB_FLUSH, true },
		{ "UVMF_INVLPG | UVMF_ALL", UVMF_INVLPG | UVMF_ALL, true },
		{ "UVMF_TLB_FLUSH | UVMF_ALL", UVMF_TLB_FLUSH | UVMF_ALL, true },
		{ "UVMF_INVLPG, bitmap: vCPU 0", UVMF_INVLPG | mask, true },
		{ "UVMF_TLB_FLUSH, bitmap: vCPU 0", UVMF_TLB_FLUSH | mask, true },
		{ "UVMF_NONE", UVMF_NONE, false },
		{ "UVMF_NONE | UVMF_ALL", UVMF_NONE | UVMF_ALL, false },
	};
	char what[96];

	for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct pt_frame *f = i % 2 ? &b : &a;

		(void)peek32(w.va);       /* the old mapping in the TLB */
		format(what, sizeof(what), "%s: the window -> %c", cases[i].what, i % 2 ? 'b' : 'a');
		check_rc("UVA-1", what, uva(w.va, PT_ENTRY(f->mfn, PT_RO), cases[i].flags), 0);
		check_eq_hex("UVA-1", "the L1 entry holds the new value", pt_l1e(w.va),
			     PT_ENTRY(f->mfn, PT_RO));
		if (!cases[i].flushes)
			flush_window();
		format(what, sizeof(what), "the window shows %c%s", i % 2 ? 'b' : 'a',
		       cases[i].flushes ? "" : " (after an INVLPG of our own)");
		check_eq_hex("UVA-1", what, peek32(w.va), i % 2 ? PATTERN_B : PATTERN_A);
	}

	struct exinfo ex;
	char exs[80];
	check_rc("UVA-1", "map b writable, va 0x123 bytes into the page",
		 uva(w.va + 0x123, PT_ENTRY(b.mfn, PT_RW), UVMF_INVLPG), 0);
	check("UVA-1", probe_write32(w.va + 8, 0x600d, 0) && peek32(b.va + 8) == 0x600d,
	      "a write through the window lands in b");
	check_rc("UVA-1", "map a read-only", uva(w.va, PT_ENTRY(a.mfn, PT_RO), UVMF_INVLPG), 0);
	probe_write32(w.va, 0, &ex);
	exinfo_format(exs, sizeof(exs), &ex);
	check("UVA-1", ex.vector == X86_EXC_PF && (ex.error & (PFEC_PRESENT | PFEC_WRITE)) ==
			(PFEC_PRESENT | PFEC_WRITE),
	      "a write through it faults: %s", exs);
	check_rc("UVA-1", "map a with NX (pte_hi bit 31)",
		 uva(w.va, PT_ENTRY(a.mfn, PT_RO) | PV_PTE_NX, UVMF_INVLPG), 0);
	check_eq_hex("UVA-1", "and read it", peek32(w.va), PATTERN_A);
	check_rc("UVA-1", "unmap the window (an entry of 0)", uva(w.va, 0, UVMF_INVLPG), 0);
	probe_read32(w.va, 0, &ex);
	exinfo_format(exs, sizeof(exs), &ex);
	check("UVA-1", ex.vector == X86_EXC_PF && !(ex.error & PFEC_PRESENT),
	      "a read of it faults, not present: %s", exs);
	check_rc("UVA-1", "unmap it again", uva(w.va, 0, UVMF_INVLPG), 0);
}

static void refusals(void)
{
	uint32_t foreign = pt_foreign_mfn();
	struct pt_frame l1;
	char what[96];

	if (uva(w.va, PT_ENTRY(a.mfn, PT_RO), UVMF_INVLPG)) {
		test_error("cannot map the window");
		return;
	}
	uint64_t before = pt_l1e(w.va);

	/* Frames the domain may not map. */
	if (foreign != PT_NONE) {
		format(what, sizeof(what), "map frame %#x, not the domain's", foreign);
		check_rc("UVA-1", what, uva(w.va, PT_ENTRY(foreign, PT_RO), UVMF_INVLPG),
			 -XEN_EBUSY);
	}
	if (!pt_alloc_frame(&l1))
		return;
	((volatile uint64_t *)(uintptr_t)l1.va)[0] = PT_ENTRY(b.mfn, PT_RO);
	if (pt_seal(&l1) || pt_pin(MMUEXT_PIN_L1_TABLE, l1.mfn)) {
		test_error("cannot make an L1");
		return;
	}
	check_rc("UVA-1", "map a pinned L1 writable",
		 uva(w.va, PT_ENTRY(l1.mfn, PT_RW), UVMF_INVLPG), -XEN_EBUSY);
	check_rc("UVA-1", "map the L3 in use writable",
		 uva(w.va, PT_ENTRY(pt_l3_mfn, PT_RW), UVMF_INVLPG), -XEN_EBUSY);
	check_eq_hex("UVA-1", "the entry is unchanged", pt_l1e(w.va), before);
	check_rc("UVA-1", "map the pinned L1 read-only",
		 uva(w.va, PT_ENTRY(l1.mfn, PT_RO), UVMF_INVLPG), 0);
	check_eq_hex("UVA-1", "and read it: its first entry", peek32(w.va),
		     (uint32_t)PT_ENTRY(b.mfn, PT_RO));
	check_rc("UVA-1", "map the window back to a", uva(w.va, before, UVMF_INVLPG), 0);
	pt_unpin(l1.mfn);

	/* UVA-2: addresses. */
	static const uint32_t hole[] = { 0xf5800000u, 0xf6800000u, 0xfc000000u, 0xfffff000u };
	for (unsigned i = 0; i < sizeof(hole) / sizeof(hole[0]); i++) {
		format(what, sizeof(what), "va %#x, in the hole", hole[i]);
		check_rc("UVA-2", what, uva(hole[i], PT_ENTRY(a.mfn, PT_RO), UVMF_INVLPG),
			 -XEN_EINVAL);
	}
	uint32_t scratch = pt_scratch_va();
	if (scratch) {
		format(what, sizeof(what), "va %#x, whose L2 entry is empty", scratch);
		check_rc("UVA-2", what, uva(scratch, PT_ENTRY(a.mfn, PT_RO), UVMF_INVLPG),
			 -XEN_EINVAL);
	}
	check_rc("UVA-2", "va 0x40000000, where nothing is mapped",
		 uva(0x40000000u, PT_ENTRY(a.mfn, PT_RO), UVMF_INVLPG), -XEN_EINVAL);
	check_rc("UVA-2", "va 0xc0000000, where nothing is mapped",
		 uva(0xc0000000u, PT_ENTRY(a.mfn, PT_RO), UVMF_INVLPG), -XEN_EINVAL);
	check_eq_hex("UVA-2", "the window's entry is unchanged", pt_l1e(w.va), before);

	/* UVA-2: flags, looked at after the entry is written. */
	check_rc("UVA-2", "flush type 3: no flush, the entry written",
		 uva(w.va, PT_ENTRY(b.mfn, PT_RO), 3), 0);
	check_eq_hex("UVA-2", "the entry maps b", pt_l1e(w.va), PT_ENTRY(b.mfn, PT_RO));
	static const struct { const char *what; uint32_t ptr; } bad[] = {
		{ "0x1000 (unmapped)", 0x1000 },
		{ "the region's end (unmapped)", 1 },
		{ "the hole (0xff000000)", 0xff000000u },
	};
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		uint32_t p = bad[i].ptr == 1 ? initial_region_end() : bad[i].ptr;
		const struct pt_frame *f = i % 2 ? &b : &a;

		format(what, sizeof(what), "UVMF_INVLPG with a bitmap at %s", bad[i].what);
		check_rc("UVA-2", what, uva(w.va, PT_ENTRY(f->mfn, PT_RO), UVMF_INVLPG | p),
			 -XEN_EFAULT);
		check_eq_hex("UVA-2", "the entry was written all the same", pt_l1e(w.va),
			     PT_ENTRY(f->mfn, PT_RO));
		format(what, sizeof(what), "UVMF_TLB_FLUSH with a bitmap at %s", bad[i].what);
		check_rc("UVA-2", what, uva(w.va, PT_ENTRY(b.mfn, PT_RO), UVMF_TLB_FLUSH | p),
			 -XEN_EFAULT);
		format(what, sizeof(what), "UVMF_NONE with a bitmap at %s (not read)", bad[i].what);
		check_rc("UVA-2", what, uva(w.va, PT_ENTRY(a.mfn, PT_RO), UVMF_NONE | p), 0);
	}
	check_rc("UVA-2", "a refused entry with a bad bitmap: the entry's error wins",
		 uva(w.va, PT_ENTRY(pt_l3_mfn, PT_RW), UVMF_INVLPG | 0x1000), -XEN_EBUSY);
	check_rc("UVA-2", "va in the hole with a bad bitmap",
		 uva(0xff000000u, PT_ENTRY(a.mfn, PT_RO), UVMF_INVLPG | 0x1000), -XEN_EINVAL);
}

void test_main(void)
{
	if (!pt_alloc_frame(&a) || !pt_alloc_frame(&b) || !pt_alloc_frame(&w))
		return;
	*(volatile uint32_t *)(uintptr_t)a.va = PATTERN_A;
	*(volatile uint32_t *)(uintptr_t)b.va = PATTERN_B;
	flags();
	refusals();
	uva(w.va, PT_ENTRY(w.mfn, PT_RW), UVMF_INVLPG);
	test_success();
}
