/* page_types: the page-type system behind every page-table update
 * (pvabi/mmu.h): who owns a frame, what type it has, which bits an entry
 * may carry, which slots are the hypervisor's.
 *
 * Rules checked (ids as in pvabi/ABI.md):
 *   PT-1  an L1 entry may map only frames the domain owns: a frame of RAM
 *         that is the hypervisor's, or free (one the domain gave back), is
 *         refused with -EBUSY, in an update and in a table being validated;
 *         a frame beyond RAM is I/O memory, which Xen lets its privileged
 *         domain map and ringlet maps for nobody (-EPERM)
 *   PT-2  a frame mapped writable cannot become a page table (-EINVAL), and
 *         a page table cannot be mapped writable (-EBUSY); read-only
 *         mappings of page tables are fine
 *   PT-3  reserved bits: PSE, PWT, PCD and G in an L2 entry are -EINVAL; in
 *         an L3 entry PWT, PCD, PSE, G, NX and bits 52-62 are -EINVAL while
 *         RW, US, A, D and the available bits are accepted (Xen takes them
 *         from 32-bit guests; ringlet clears what a PAE PDPTE cannot hold);
 *         NX is fine in L1 and L2 entries on a CPU with NX; bits 52-62 in
 *         L1 and L2 entries: Xen (long mode) takes them as available bits,
 *         ringlet (PAE paging, where the CPU reserves them) refuses them
 *   PT-4  L3 entry 3 cannot be changed in place, nor can entries 4 and up
 *         (-EINVAL); the top L2's slots from 428 are the hypervisor's
 *         (-EPERM), the ones below the guest's; that L2 cannot be used as
 *         an ordinary L2, pinned, or put in slot 3 of a second L3, and a
 *         fresh L2 cannot be both an ordinary L2 and a top L2
 *   PT-5  validation is recursive and takes references: an L2 pins its L1s
 *         as L1s, an L1's writable entries keep their frames writable; a
 *         validation that fails part-way leaves no type behind
 *   PT-6  when a table's last type reference goes its entries drop theirs
 *   PT-7  no mapping reaches the hole: update_va_mapping there is -EINVAL
 *         and the hole's L2 slots are the hypervisor's (PT-4)
 *   PT-8  the machine-to-phys table at 0xF5800000 is readable and says what
 *         mfn_list says; writing it faults
 */
#include "guest.h"
#include "pagetable.h"
#include "platform.h"

const char test_title[] = "page_types: ownership, types, reserved bits, the hypervisor's slots, references";

#define PATTERN_A 0xa11aa11au

static struct pt_frame a, w;
static uint64_t w_ptr;
static uint32_t foreign, max_ram;

static long window(uint32_t mfn, uint32_t flags)
{
	return pt_update(w_ptr, PT_ENTRY(mfn, flags));
}

static void ownership(void)
{
	struct pt_frame l1, given;
	char what[96];

	if (foreign != PT_NONE) {
		format(what, sizeof(what), "map frame %#x (RAM, not the domain's) read-only", foreign);
		check_rc("PT-1", what, window(foreign, PT_RO), -XEN_EBUSY);
		format(what, sizeof(what), "map frame %#x writable", foreign);
		check_rc("PT-1", what, window(foreign, PT_RW), -XEN_EBUSY);
		check_eq_hex("PT-1", "the window's entry is unchanged", pt_l1e(w.va),
			     PT_ENTRY(a.mfn, PT_RO));

		if (!pt_alloc_frame(&l1))
			return;
		pt_set(&l1, 0, PT_ENTRY(a.mfn, PT_RO));
		pt_set(&l1, 1, PT_ENTRY(foreign, PT_RO));
		if (!pt_table(&l1))
			return;
		check_rc("PT-1", "pin an L1 that maps the frame",
			 pt_pin(MMUEXT_PIN_L1_TABLE, l1.mfn), -XEN_EBUSY);
		check_rc("PT-1", "that L1 got no type: it can be mapped writable",
			 pt_remap_rw(&l1), 0);
	} else {
		test_error("PT-1: no frame found that the domain does not own");
	}

	/* A frame the domain gave back, and that is free now. */
	if (!pt_alloc_frame(&given))
		return;
	xen_pfn_t mfn = given.mfn;
	struct xen_memory_reservation r = { .nr_extents = 1, .domid = DOMID_SELF };
	set_xen_guest_handle(r.extent_start, &mfn);
	if (pt_unmap(given.va) || hypercall_memory_op(XENMEM_decrease_reservation, &r) != 1) {
		test_error("cannot give frame %#x back", given.mfn);
		return;
	}
	check_rc("PT-1", "map a frame the domain gave back", window(given.mfn, PT_RO), -XEN_EBUSY);
	/* Take a frame again so the domain's size is what it was, and put
	 * it where the old one was: p2m, m2p and mapping. */
	mfn = 0;
	if (hypercall_memory_op(XENMEM_increase_reservation, &r) != 1 ||
	    pt_update(((uint64_t)mfn << 12) | MMU_MACHPHYS_UPDATE, given.pfn) ||
	    pt_map(given.va, mfn, PT_RW))
		test_error("cannot take a frame back for the one given away");
	((uint32_t *)(uintptr_t)start_info->mfn_list)[given.pfn] = mfn;

	/* Beyond RAM: I/O memory. */
	long rc = window(max_ram + 1, PT_RO);
	if (on_ringlet())
		check_rc("PT-1", "map a frame beyond RAM (ringlet: no I/O memory)", rc, -XEN_EPERM);
	else
		check_rc("PT-1", "map a frame beyond RAM (Xen: I/O memory, the privileged "
			 "domain may)", rc, 0);
	window(a.mfn, PT_RO);
}

static void writable_tables(void)
{
	struct pt_frame l1, l2;
	uint32_t l3 = pt_l3_mfn, boot_l1 = pt_l1_mfn(w.va);

	check_rc("PT-2", "map the L3 in use writable", window(l3, PT_RW), -XEN_EBUSY);
	check_rc("PT-2", "map an L1 in use writable", window(boot_l1, PT_RW), -XEN_EBUSY);
	check_rc("PT-2", "map the L2 of slot 0 writable", window(pt_l2_mfn(w.va), PT_RW),
		 -XEN_EBUSY);
	check_rc("PT-2", "map the L3 in use read-only", window(l3, PT_RO), 0);
	pt_mmuext(MMUEXT_INVLPG_LOCAL, w.va);
	check_eq_hex("PT-2", "and read its first entry", peek32(w.va),
		     (uint32_t)pt_read(l3, 0));
	window(a.mfn, PT_RO);

	if (!pt_alloc_frame(&l1) || !pt_alloc_frame(&l2))
		return;
	check_rc("PT-2", "pin as L1 a frame mapped writable", pt_pin(MMUEXT_PIN_L1_TABLE, l1.mfn),
		 -XEN_EINVAL);
	/* An L2 naming a frame that is mapped writable as its L1. */
	pt_set(&l2, 0, PT_ENTRY(l1.mfn, PT_TABLE));
	if (!pt_table(&l2))
		return;
	check_rc("PT-2", "pin an L2 whose L1 is mapped writable",
		 pt_pin(MMUEXT_PIN_L2_TABLE, l2.mfn), -XEN_EINVAL);
	if (!pt_table(&l1))
		return;
	check_rc("PT-2", "once read-only, the L2 can be pinned", pt_pin(MMUEXT_PIN_L2_TABLE, l2.mfn),
		 0);
	check_rc("PT-2", "and its L1 cannot be mapped writable", pt_remap_rw(&l1), -XEN_EBUSY);
	pt_unpin(l2.mfn);
	check_rc("PT-2", "after the unpin it can", pt_remap_rw(&l1), 0);
	pt_remap_rw(&l2);
}

/* Borrows L3 slot 1 of the L3 in use for entries with various bits; puts
 * back what was there. */
static void reserved_bits(void)
{
	struct pt_frame l1, l2, l2b;
	const unsigned slot = 1;
	uint64_t old = pt_read(pt_l3_mfn, slot);
	uint64_t l3e_ptr = pt_maddr(pt_l3_mfn, slot);
	char what[96];

	if ((old & PV_PTE_PRESENT) && pt_read(PT_MFN(old), 0)) {
		test_skip("PT-3: L3 slot 1 maps something; its bits are not checked");
		return;
	}
	if (!pt_alloc_frame(&l1) || !pt_alloc_frame(&l2) || !pt_alloc_frame(&l2b))
		return;
	pt_set(&l1, 0, PT_ENTRY(a.mfn, PT_RO));
	pt_set(&l2, 0, PT_ENTRY(l1.mfn, PT_TABLE));
	if (!pt_table(&l1) || !pt_table(&l2) || !pt_table(&l2b))
		return;

	/* L1 entries. */
	check_rc("PT-3", "an L1 entry with NX",
		 pt_update(w_ptr, PT_ENTRY(a.mfn, PT_RO) | PV_PTE_NX), 0);
	check_rc("PT-3", "an L1 entry with PAT, PCD, PWT and G (the privileged domain)",
		 window(a.mfn, PT_RO | PV_PTE_PAT | PV_PTE_PCD | PV_PTE_PWT | PV_PTE_GLOBAL), 0);
	check_rc("PT-3", "an L1 entry with the available bits 9-11",
		 window(a.mfn, PT_RO | PV_PTE_AVAIL), 0);
	for (unsigned bit = 52; bit <= 62; bit += 5) {
		long rc = pt_update(w_ptr, PT_ENTRY(a.mfn, PT_RO) | (1ull << bit));
		format(what, sizeof(what), "an L1 entry with bit %u (%s)", bit,
		       on_ringlet() ? "ringlet: reserved in PAE paging" : "Xen: available");
		check_rc("PT-3", what, rc, on_ringlet() ? -XEN_EINVAL : 0);
	}
	window(a.mfn, PT_RO);

	/* L3 entries: l2 in slot 1. */
	static const struct { const char *what; uint64_t bits; long want; } l3[] = {
		{ "P", 0, 0 },
		{ "P|RW|US|A|D (Xen takes them)", PV_PTE_RW | PV_PTE_USER | PV_PTE_ACCESSED |
		  PV_PTE_DIRTY, 0 },
		{ "P and the available bits", PV_PTE_AVAIL, 0 },
		{ "PWT", PV_PTE_PWT, -XEN_EINVAL },
		{ "PCD", PV_PTE_PCD, -XEN_EINVAL },
		{ "PSE", PV_PTE_PSE, -XEN_EINVAL },
		{ "G", PV_PTE_GLOBAL, -XEN_EINVAL },
		{ "NX", PV_PTE_NX, -XEN_EINVAL },
		{ "bit 52", 1ull << 52, -XEN_EINVAL },
		{ "bit 62", 1ull << 62, -XEN_EINVAL },
	};
	for (unsigned i = 0; i < sizeof(l3) / sizeof(l3[0]); i++) {
		format(what, sizeof(what), "L3 entry %u -> an L2, with %s", slot, l3[i].what);
		check_rc("PT-3", what, pt_update(l3e_ptr, PT_ENTRY(l2.mfn, PT_L3E) | l3[i].bits),
			 l3[i].want);
		if (l3[i].want == 0)
			check_eq_hex("PT-3", "the L3 entry names the L2, present",
				     pt_read(pt_l3_mfn, slot) & (PV_PTE_ADDR_MASK | PV_PTE_PRESENT),
				     PT_ENTRY(l2.mfn, PV_PTE_PRESENT));
	}
	check_eq_hex("PT-3", "the mapping through it works", peek32(slot << 30), PATTERN_A);

	/* L2 entries: in l2, in use through L3 slot 1. */
	uint64_t l2e_ptr = pt_maddr(l2.mfn, 1);
	static const struct { const char *what; uint64_t bits; long want; } l2e[] = {
		{ "P|RW|A", 0, 0 },
		{ "US, D and the available bits", PV_PTE_USER | PV_PTE_DIRTY | PV_PTE_AVAIL, 0 },
		{ "NX", PV_PTE_NX, 0 },
		{ "PSE", PV_PTE_PSE, -XEN_EINVAL },
		{ "PWT", PV_PTE_PWT, -XEN_EINVAL },
		{ "PCD", PV_PTE_PCD, -XEN_EINVAL },
		{ "G", PV_PTE_GLOBAL, -XEN_EINVAL },
	};
	for (unsigned i = 0; i < sizeof(l2e) / sizeof(l2e[0]); i++) {
		format(what, sizeof(what), "an L2 entry with %s", l2e[i].what);
		check_rc("PT-3", what, pt_update(l2e_ptr, PT_ENTRY(l1.mfn, PT_TABLE) | l2e[i].bits),
			 l2e[i].want);
	}
	check_rc("PT-3", "a 2 MiB superpage entry",
		 pt_update(l2e_ptr, PT_ENTRY(0, PT_TABLE | PV_PTE_PSE)), -XEN_EINVAL);
	long rc = pt_update(l2e_ptr, PT_ENTRY(l1.mfn, PT_TABLE) | (1ull << 52));
	check_rc("PT-3", on_ringlet() ? "an L2 entry with bit 52 (ringlet: reserved in PAE paging)"
				      : "an L2 entry with bit 52 (Xen: available)",
		 rc, on_ringlet() ? -XEN_EINVAL : 0);
	pt_update(l2e_ptr, 0);

	/* PT-4: a fresh L2 cannot be an ordinary L2 and the top L2 at once. */
	struct pt_frame both;
	if (!pt_alloc_frame(&both))
		return;
	pt_set(&both, 0, PT_ENTRY(l2b.mfn, PT_L3E));
	pt_set(&both, 3, PT_ENTRY(l2b.mfn, PT_L3E));
	if (!pt_table(&both))
		return;
	check_rc("PT-4", "pin an L3 with one fresh L2 in slots 0 and 3",
		 pt_pin(MMUEXT_PIN_L3_TABLE, both.mfn), -XEN_EINVAL);
	/* The current top L2 in slot 1 of the L3 in use. */
	uint32_t top = PT_MFN(pt_read(pt_l3_mfn, 3));
	check_rc("PT-4", "L3 slot 1 -> the top L2 (the hole's)",
		 pt_update(l3e_ptr, PT_ENTRY(top, PT_L3E)), -XEN_EINVAL);
	check_rc("PT-4", "pin the top L2 as an L2", pt_pin(MMUEXT_PIN_L2_TABLE, top), -XEN_EINVAL);

	check_rc("PT-3", "L3 slot 1 back as it was", pt_update(l3e_ptr, old), 0);
	check_rc("PT-6", "the borrowed L2 lost its type: map it writable", pt_remap_rw(&l2), 0);
	check_rc("PT-6", "so did its L1", pt_remap_rw(&l1), 0);
}

static void hypervisor_slots(void)
{
	uint32_t top = PT_MFN(pt_read(pt_l3_mfn, 3));
	uint64_t l3e3 = pt_read(pt_l3_mfn, 3);
	char what[96];

	check_rc("PT-4", "L3 entry 3 rewritten with its own value",
		 pt_update(pt_maddr(pt_l3_mfn, 3), l3e3), -XEN_EINVAL);
	check_rc("PT-4", "L3 entry 3 cleared", pt_update(pt_maddr(pt_l3_mfn, 3), 0), -XEN_EINVAL);
	check_rc("PT-4", "L3 entry 4 (past the four)", pt_update(pt_maddr(pt_l3_mfn, 4), 0),
		 -XEN_EINVAL);
	check_rc("PT-4", "L3 entry 511", pt_update(pt_maddr(pt_l3_mfn, 511), 0), -XEN_EINVAL);
	check_eq_hex("PT-4", "L3 entry 3 is as it was", pt_read(pt_l3_mfn, 3), l3e3);

	static const unsigned slots[] = { PT_HOLE_FIRST_L2_SLOT, 429, 480, 511 };
	for (unsigned i = 0; i < sizeof(slots) / sizeof(slots[0]); i++) {
		uint64_t e = pt_read(top, slots[i]);
		format(what, sizeof(what), "top L2 slot %u rewritten with its own value", slots[i]);
		check_rc("PT-4", what, pt_update(pt_maddr(top, slots[i]), e), -XEN_EPERM);
		format(what, sizeof(what), "top L2 slot %u cleared", slots[i]);
		check_rc("PT-7", what, pt_update(pt_maddr(top, slots[i]), 0), -XEN_EPERM);
	}
	check("PT-7", pt_read(top, PT_HOLE_FIRST_L2_SLOT) & PV_PTE_PRESENT,
	      "slot %u still maps the hole's start", PT_HOLE_FIRST_L2_SLOT);

	/* The slot below the hole is the guest's: hook an L1 there. */
	struct pt_frame l1;
	if (!pt_alloc_frame(&l1))
		return;
	pt_set(&l1, 511, PT_ENTRY(a.mfn, PT_RO));
	if (!pt_table(&l1))
		return;
	uint64_t below = pt_maddr(top, PT_HOLE_FIRST_L2_SLOT - 1);
	uint64_t was = pt_read(top, PT_HOLE_FIRST_L2_SLOT - 1);
	if (was & PV_PTE_PRESENT) {
		test_skip("PT-4: top L2 slot 427 is in use");
		return;
	}
	check_rc("PT-4", "top L2 slot 427 (the guest's) -> an L1",
		 pt_update(below, PT_ENTRY(l1.mfn, PT_TABLE)), 0);
	check_eq_hex("PT-4", "the last page below the hole (0xf57ff000) maps a",
		     peek32(HYPERVISOR_VIRT_START - 4096), PATTERN_A);
	check_rc("PT-4", "slot 427 cleared", pt_update(below, 0), 0);

	check_rc("PT-7", "update_va_mapping at 0xf5800000, the hole's start",
		 hypercall_update_va_mapping(HYPERVISOR_VIRT_START, PT_ENTRY(a.mfn, PT_RO),
					     UVMF_INVLPG), -XEN_EINVAL);
	check_rc("PT-7", "update_va_mapping at 0xffc00000",
		 hypercall_update_va_mapping(0xffc00000u, PT_ENTRY(a.mfn, PT_RO), UVMF_INVLPG),
		 -XEN_EINVAL);
}

static void references(void)
{
	struct pt_frame x1, x2, d, g1, b1, y2;

	if (!pt_alloc_frame(&x1) || !pt_alloc_frame(&x2) || !pt_alloc_frame(&d))
		return;
	pt_set(&x1, 0, PT_ENTRY(d.mfn, PT_RW));
	pt_set(&x2, 0, PT_ENTRY(x1.mfn, PT_TABLE));
	if (!pt_table(&x1) || !pt_table(&x2) || !pt_table(&d))
		return;
	check_rc("PT-5", "pin an L2 naming an L1 that maps d writable",
		 pt_pin(MMUEXT_PIN_L2_TABLE, x2.mfn), 0);
	check_rc("PT-5", "the L1, validated through the L2, cannot be mapped writable",
		 pt_remap_rw(&x1), -XEN_EBUSY);
	check_rc("PT-5", "nor pinned as an L2", pt_pin(MMUEXT_PIN_L2_TABLE, x1.mfn), -XEN_EINVAL);
	check_rc("PT-5", "d, mapped writable by the L1, cannot be pinned as an L1",
		 pt_pin(MMUEXT_PIN_L1_TABLE, d.mfn), -XEN_EINVAL);
	check_rc("PT-6", "unpin the L2", pt_unpin(x2.mfn), 0);
	check_rc("PT-6", "d is free of its writable mapping: pin it as an L1",
		 pt_pin(MMUEXT_PIN_L1_TABLE, d.mfn), 0);
	check_rc("PT-6", "unpin d", pt_unpin(d.mfn), 0);
	check_rc("PT-6", "the L1 is free too: map it writable", pt_remap_rw(&x1), 0);

	/* A validation that fails at entry 1 drops what entry 0 took. */
	if (foreign == PT_NONE || !pt_alloc_frame(&g1) || !pt_alloc_frame(&b1) ||
	    !pt_alloc_frame(&y2))
		return;
	pt_set(&g1, 0, PT_ENTRY(a.mfn, PT_RO));
	pt_set(&b1, 0, PT_ENTRY(foreign, PT_RO));
	pt_set(&y2, 0, PT_ENTRY(g1.mfn, PT_TABLE));
	pt_set(&y2, 1, PT_ENTRY(b1.mfn, PT_TABLE));
	if (!pt_table(&g1) || !pt_table(&b1) || !pt_table(&y2))
		return;
	check_rc("PT-5", "pin an L2 whose second L1 maps a frame not the domain's",
		 pt_pin(MMUEXT_PIN_L2_TABLE, y2.mfn), -XEN_EBUSY);
	check_rc("PT-5", "the first L1 kept no type: map it writable", pt_remap_rw(&g1), 0);
	check_rc("PT-5", "nor did the second", pt_remap_rw(&b1), 0);
	check_rc("PT-5", "nor the L2", pt_remap_rw(&y2), 0);
	check_rc("PT-5", "the L2 was not pinned", pt_unpin(y2.mfn), -XEN_EINVAL);
}

static void m2p(void)
{
	struct exinfo ex;
	char exs[80];
	uint32_t bad = 0;

	for (uint32_t pfn = 0; pfn < pt_region_pages(); pfn++) {
		uint32_t mfn = pt_pfn_to_mfn(pfn);
		if (machine_to_phys_mapping[mfn] != pfn && !bad++)
			printk("     m2p[%#x] = %#x, want pfn %#x\n", mfn,
			       machine_to_phys_mapping[mfn], pfn);
	}
	check("PT-8", bad == 0, "the m2p table maps each of the region's %u frames back (%u wrong)",
	      pt_region_pages(), bad);
	check("PT-8", probe_read32(MACH2PHYS_VIRT_START, 0, 0),
	      "the table's first entry (0xf5800000) can be read");
	uint32_t v = machine_to_phys_mapping[a.mfn];
	probe_write32(MACH2PHYS_VIRT_START + a.mfn * 4, v, &ex);
	exinfo_format(exs, sizeof(exs), &ex);
	check("PT-8", ex.vector == X86_EXC_PF && (ex.error & (PFEC_PRESENT | PFEC_WRITE)) ==
			(PFEC_PRESENT | PFEC_WRITE),
	      "writing m2p[a] faults (present, write): %s", exs);
	probe_write8(MACH2PHYS_VIRT_START, 0, &ex);
	exinfo_format(exs, sizeof(exs), &ex);
	check("PT-8", ex.vector == X86_EXC_PF && (ex.error & PFEC_WRITE),
	      "writing its first byte faults: %s", exs);
	check_eq_hex("PT-8", "m2p[a] is unchanged", machine_to_phys_mapping[a.mfn], a.pfn);
}

void test_main(void)
{
	if (!pt_alloc_frame(&a) || !pt_alloc_frame(&w))
		return;
	*(volatile uint32_t *)(uintptr_t)a.va = PATTERN_A;
	w_ptr = pt_l1e_maddr(w.va);
	foreign = pt_foreign_mfn();
	max_ram = pt_max_ram_mfn();
	printk("a: mfn %#x; window: va %#x; not the domain's: mfn %#x; last RAM frame %#x\n",
	       a.mfn, w.va, foreign, max_ram);
	if (window(a.mfn, PT_RO)) {
		test_error("cannot map the window");
		return;
	}
	ownership();
	writable_tables();
	reserved_bits();
	hypervisor_slots();
	references();
	m2p();
	pt_update(w_ptr, PT_ENTRY(w.mfn, PT_RW));
	pt_mmuext(MMUEXT_INVLPG_LOCAL, w.va);
	test_success();
}
