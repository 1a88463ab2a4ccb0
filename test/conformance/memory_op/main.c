/* memory_op: HYPERVISOR_memory_op(cmd, arg) (pvabi/memory.h): the domain's
 * reservation, its size, and where the machine-to-phys table is.
 *
 * Rules checked (ids as in pvabi/ABI.md):
 *   MEM-1  increase_reservation, populate_physmap and decrease_reservation
 *          return the number of extents done, stopping at the first that
 *          fails; populate_physmap sets the m2p entry to the pfn given; a
 *          NULL extent list is fine for increase_reservation. Xen's 32-bit
 *          entry never returns an error for them: a reservation it cannot
 *          read, an extent list in the hole or unreadable, a count too big
 *          to continue, an extent order too large or a domain that does not
 *          exist all come back as 0 extents done; a start (cmd bits 6 and up)
 *          at or past the end comes back as it is
 *   MEM-2  decrease_reservation gives back frames the domain holds; a frame
 *          it does not hold (given back and freed already, foreign, beyond
 *          RAM) stops the request. A frame still mapped stays usable through
 *          its mapping until that goes (PT-6); as on Xen, it counts in
 *          current_reservation until it is freed, and giving it back again
 *          meanwhile counts as done
 *   MEM-3  current_reservation and maximum_reservation give page counts for
 *          DOMID_SELF and for the caller's own id; a domain that does not
 *          exist is -ESRCH, an unreadable id -EFAULT; start bits in cmd are
 *          -EINVAL
 *   MEM-4  machphys_mapping starts at 0xF5800000 and gives the highest mfn
 *          up to its end (ringlet: 0xF6800000, where a 32-bit Xen's table
 *          ends; Xen 4.17, 64-bit: 0xFFE00000); maximum_ram_page (Xen's
 *          max_page) is above every frame the domain owns; memory_map is
 *          -ENOSYS for the initial domain (Xen keeps no map for it), one RAM
 *          range for others; machine_memory_map (privileged) lists the
 *          machine's RAM, counts its entries for a NULL buffer and wants
 *          room for one more than there are
 *   MEM-5  get_sharing_freed_pages and get_sharing_shared_pages are 0 (no
 *          pages shared); other commands are -ENOSYS
 *   PT-8   the m2p table, where machphys_mapping says, is readable and not
 *          writable
 *   HCALL-5 arguments the hypervisor cannot read, or output it cannot write
 *          (NULL, the hole, read-only memory) are -EFAULT, and nothing is
 *          written through a read-only mapping
 */
#include "guest.h"
#include "memop.h"
#include "pagetable.h"
#include "platform.h"

const char test_title[] = "memory_op: reservations, sizes, the machine-to-phys table, memory maps";

static long memop(uint32_t cmd, const void *arg)
{
	return hypercall_memory_op(cmd, (void *)(uintptr_t)arg);
}

/* Unmaps a region frame and gives it back; true when it went. */
static bool give_back(const struct pt_frame *f)
{
	xen_pfn_t mfn = f->mfn;

	return pt_unmap(f->va) == 0 &&
	       memop_reservation(XENMEM_decrease_reservation, &mfn, 1, 0, DOMID_SELF) == 1;
}


static void reservations(void)
{
	struct pt_frame g, h, k;
	xen_pfn_t list[2];
	long cur = memop_current_pages();

	if (!pt_alloc_frame(&g) || !pt_alloc_frame(&h) || !pt_alloc_frame(&k))
		return;

	/* decrease, then increase into the room it made */
	list[0] = g.mfn;
	check_rc("MEM-1", "unmap a frame", pt_unmap(g.va), 0);
	check_eq("MEM-1", "give it back",
		 memop_reservation(XENMEM_decrease_reservation, list, 1, 0, DOMID_SELF), 1);
	check_eq("MEM-1", "current_reservation dropped by one", memop_current_pages(), cur - 1);
	check_eq("MEM-2", "giving it back again does nothing",
		 memop_reservation(XENMEM_decrease_reservation, list, 1, 0, DOMID_SELF), 0);
	list[0] = 0;
	check_eq("MEM-1", "increase_reservation by one frame",
		 memop_reservation(XENMEM_increase_reservation, list, 1, 0, DOMID_SELF), 1);
	check_eq("MEM-1", "current_reservation is back", memop_current_pages(), cur);
	check("MEM-1", list[0] != 0 && !pt_owns_mfn(list[0]),
	      "the extent list names a new frame (%#x)", list[0]);
	check("MEM-1", memop_adopt(&g, list[0]), "it can be given a pfn and mapped");
	*(volatile uint32_t *)(uintptr_t)g.va = 0x600d;
	check_eq_hex("MEM-1", "and used", *(volatile uint32_t *)(uintptr_t)g.va, 0x600d);

	/* populate_physmap */
	list[0] = h.pfn;
	if (!give_back(&h)) {
		test_error("cannot give a frame back");
		return;
	}
	check_eq("MEM-1", "populate_physmap of one pfn",
		 memop_reservation(XENMEM_populate_physmap, list, 1, 0, DOMID_SELF), 1);
	check("MEM-1", list[0] != h.pfn && list[0] != 0, "the extent list names the frame (%#x)",
	      list[0]);
	check_eq_hex("MEM-1", "its m2p entry is the pfn given", machine_to_phys_mapping[list[0]],
		     h.pfn);
	check("MEM-1", memop_adopt(&h, list[0]), "it can be mapped at that pfn");
	check_eq("MEM-1", "current_reservation is back", memop_current_pages(), cur);

	/* increase with no list: the frame is the domain's, unnamed */
	if (!give_back(&k)) {
		test_error("cannot give a frame back");
		return;
	}
	check_eq("MEM-1", "increase_reservation with a NULL extent list",
		 memop_reservation(XENMEM_increase_reservation, 0, 1, 0, DOMID_SELF), 1);
	check_eq("MEM-1", "current_reservation is back", memop_current_pages(), cur);

	/* Orders and counts Xen will not do: 0 extents. */
	list[0] = 0;
	check_eq("MEM-1", "increase_reservation of order 20",
		 memop_reservation(XENMEM_increase_reservation, list, 1, 20, DOMID_SELF), 0);
	check_eq("MEM-1", "increase_reservation of order 0xffffffff",
		 memop_reservation(XENMEM_increase_reservation, list, 1, 0xffffffffu, DOMID_SELF), 0);
	check_eq("MEM-1", "decrease_reservation of 2^26 extents (too many to continue)",
		 memop_reservation(XENMEM_decrease_reservation, list, 1u << 26, 0, DOMID_SELF), 0);
	check_eq("MEM-1", "a start (cmd bits 6-31) past the end comes back",
		 hypercall_memory_op(XENMEM_increase_reservation | (3u << 6),
				     &(struct xen_memory_reservation){ .nr_extents = 1,
								       .domid = DOMID_SELF }), 3);
	check_eq("MEM-1", "current_reservation is unchanged", memop_current_pages(), cur);

	/* Places Xen cannot read: also 0 extents. */
	uint32_t end = initial_region_end();
	static const struct { const char *what; uint32_t va; } bad[] = {
		{ "NULL", 0 }, { "the hole (0xff000000)", 0xff000000u }, { "an unmapped page", 1 },
	};
	char what[96];
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		uint32_t va = bad[i].va == 1 ? end : bad[i].va;

		format(what, sizeof(what), "increase_reservation, the reservation at %s", bad[i].what);
		check_eq("MEM-1", what, hypercall_memory_op(XENMEM_increase_reservation,
							    (void *)(uintptr_t)va), 0);
		format(what, sizeof(what), "decrease_reservation, the extent list at %s", bad[i].what);
		check_eq("MEM-1", what, memop_reservation(XENMEM_decrease_reservation,
						    (xen_pfn_t *)(uintptr_t)va, 1, 0, DOMID_SELF), 0);
		if (i == 0)
			continue;      /* NULL is fine for increase_reservation */
		format(what, sizeof(what), "populate_physmap, the extent list at %s", bad[i].what);
		check_eq("MEM-1", what, memop_reservation(XENMEM_populate_physmap,
						    (xen_pfn_t *)(uintptr_t)va, 1, 0, DOMID_SELF), 0);
	}
	check_eq("MEM-1", "current_reservation is unchanged", memop_current_pages(), cur);

	/* An extent list running off mapped memory: one frame, then a fault. */
	xen_pfn_t *edge = (xen_pfn_t *)(uintptr_t)(end - sizeof(xen_pfn_t));
	if (!pt_alloc_frame(&k))
		return;
	*edge = k.mfn;
	check_eq("MEM-1", "decrease_reservation of 2, the second beyond mapped memory",
		 pt_unmap(k.va) ? -1 : memop_reservation(XENMEM_decrease_reservation, edge, 2, 0,
						   DOMID_SELF), 1);
	check_eq("MEM-1", "current_reservation dropped by one", memop_current_pages(), cur - 1);
	list[0] = 0;
	if (memop_reservation(XENMEM_increase_reservation, list, 1, 0, DOMID_SELF) != 1 ||
	    !memop_adopt(&k, list[0]))
		test_error("cannot take a frame back");

	/* Domains. */
	if (start_info->flags & SIF_INITDOMAIN) {
		list[0] = 0;
		check_eq("MEM-1", "increase_reservation for domain 1 (there is none)",
			 memop_reservation(XENMEM_increase_reservation, list, 1, 0, 1), 0);
		check_eq("MEM-1", "increase_reservation for DOMID_XEN",
			 memop_reservation(XENMEM_increase_reservation, list, 1, 0, DOMID_XEN), 0);
		if (!give_back(&k))
			return;
		list[0] = 0;
		check_eq("MEM-1", "increase_reservation naming the caller's own id (0)",
			 memop_reservation(XENMEM_increase_reservation, list, 1, 0, 0), 1);
		if (!memop_adopt(&k, list[0]))
			test_error("cannot map the new frame");
	}
	check_eq("MEM-1", "current_reservation is back", memop_current_pages(), cur);

	/* An extent list the hypervisor can read but not write: the frame
	 * cannot be reported, so it is not counted as done. (Xen keeps it
	 * for the domain all the same; ringlet takes it back.) */
	struct pt_frame ro;
	if (!pt_alloc_frame(&ro) || !give_back(&ro))
		return;
	xen_pfn_t *l3 = (xen_pfn_t *)(uintptr_t)start_info->pt_base;
	uint32_t l3_word = *l3;
	check_eq("HCALL-5", "increase_reservation into a read-only extent list (the L3)",
		 memop_reservation(XENMEM_increase_reservation, l3, 1, 0, DOMID_SELF), 0);
	check_eq_hex("HCALL-5", "the L3 is unchanged", *l3, l3_word);
}

static void giving_back(void)
{
	uint32_t foreign = pt_foreign_mfn(), max_ram = pt_max_ram_mfn();
	struct pt_frame m;
	xen_pfn_t list[3];
	long cur = memop_current_pages();

	if (foreign != PT_NONE) {
		list[0] = foreign;
		check_eq("MEM-2", "give back a frame not the domain's",
			 memop_reservation(XENMEM_decrease_reservation, list, 1, 0, DOMID_SELF), 0);
	}
	list[0] = max_ram + 1;
	check_eq("MEM-2", "give back a frame beyond RAM",
		 memop_reservation(XENMEM_decrease_reservation, list, 1, 0, DOMID_SELF), 0);

	/* A frame still mapped, writable: the mapping keeps it alive. */
	if (!pt_alloc_frame(&m))
		return;
	volatile uint32_t *p = (volatile uint32_t *)(uintptr_t)m.va;
	*p = 0x5a5a5a5a;
	list[0] = m.mfn;
	check_eq("MEM-2", "give back a frame that is still mapped",
		 memop_reservation(XENMEM_decrease_reservation, list, 1, 0, DOMID_SELF), 1);
	check_eq_hex("MEM-2", "the domain keeps working: the page reads as before", *p, 0x5a5a5a5a);
	*p = 0x12345678;
	check_eq_hex("MEM-2", "and can be written", *p, 0x12345678);
	check_eq("MEM-2", "current_reservation still counts it while it is mapped",
		 memop_current_pages(), cur);
	/* Xen finds the frame still the domain's and counts it done again. */
	check_eq("MEM-2", "giving it back again, still mapped, counts as done",
		 memop_reservation(XENMEM_decrease_reservation, list, 1, 0, DOMID_SELF), 1);
	check_eq("MEM-2", "and changes nothing", memop_current_pages(), cur);
	check_rc("MEM-2", "unmap it: its last reference goes", pt_unmap(m.va), 0);
	check_eq("MEM-2", "current_reservation dropped by one now", memop_current_pages(), cur - 1);
	check_eq("MEM-2", "giving it back now does nothing",
		 memop_reservation(XENMEM_decrease_reservation, list, 1, 0, DOMID_SELF), 0);
	check_rc("MEM-2", "the freed frame cannot be mapped again", pt_map(m.va, m.mfn, PT_RO),
		 -XEN_EBUSY);
	list[0] = 0;
	if (memop_reservation(XENMEM_increase_reservation, list, 1, 0, DOMID_SELF) != 1 ||
	    !memop_adopt(&m, list[0]))
		test_error("cannot take a frame back");
	check_eq("MEM-2", "current_reservation is back", memop_current_pages(), cur);
}

static void sizes(void)
{
	domid_t id;
	long cur, max;

	id = DOMID_SELF;
	cur = memop(XENMEM_current_reservation, &id);
	max = memop(XENMEM_maximum_reservation, &id);
	printk("current_reservation %ld, maximum_reservation %ld, nr_pages %u\n", cur, max,
	       start_info->nr_pages);
	check("MEM-3", cur > 0 && (uint32_t)cur >= pt_region_pages(),
	      "current_reservation (%ld) covers the initial region (%u pages)", cur,
	      pt_region_pages());
	check("MEM-3", max >= cur, "maximum_reservation (%ld) >= current_reservation", max);
	if (start_info->flags & SIF_INITDOMAIN) {
		id = 0;
		check_eq("MEM-3", "current_reservation of domain 0, the caller",
			 memop(XENMEM_current_reservation, &id), cur);
		check_eq("MEM-3", "maximum_reservation of domain 0, the caller",
			 memop(XENMEM_maximum_reservation, &id), max);
		id = 1;
		check_rc("MEM-3", "current_reservation of domain 1 (there is none)",
			 memop(XENMEM_current_reservation, &id), -XEN_ESRCH);
		id = 0x7fef;
		check_rc("MEM-3", "maximum_reservation of domain 0x7fef (there is none)",
			 memop(XENMEM_maximum_reservation, &id), -XEN_ESRCH);
	}
	id = DOMID_XEN;
	check_rc("MEM-3", "current_reservation of DOMID_XEN", memop(XENMEM_current_reservation, &id),
		 -XEN_ESRCH);
	id = DOMID_IO;
	check_rc("MEM-3", "maximum_reservation of DOMID_IO", memop(XENMEM_maximum_reservation, &id),
		 -XEN_ESRCH);
	check_rc("HCALL-5", "current_reservation, the id at NULL",
		 memop(XENMEM_current_reservation, 0), -XEN_EFAULT);
	check_rc("HCALL-5", "maximum_reservation, the id in the hole",
		 memop(XENMEM_maximum_reservation, (void *)0xff000000u), -XEN_EFAULT);
	id = DOMID_SELF;
	check_rc("MEM-3", "current_reservation with start bits in cmd",
		 memop(XENMEM_current_reservation | (1u << 6), &id), -XEN_EINVAL);
	check_rc("MEM-3", "maximum_reservation with start bits in cmd",
		 memop(XENMEM_maximum_reservation | (5u << 6), &id), -XEN_EINVAL);

	/* maximum_gpfn: what the guest says in shared_info.arch.max_pfn
	 * (the size of its p2m), less one; 0 while it says nothing. */
	if (!shared_info) {
		test_error("MEM-3: shared_info is not mapped");
		return;
	}
	uint32_t was = shared_info->arch.max_pfn;
	shared_info->arch.max_pfn = 0;
	check_eq("MEM-3", "maximum_gpfn while arch.max_pfn is 0", memop(XENMEM_maximum_gpfn, &id), 0);
	shared_info->arch.max_pfn = start_info->nr_pages;
	check_eq("MEM-3", "maximum_gpfn once arch.max_pfn is nr_pages",
		 memop(XENMEM_maximum_gpfn, &id), start_info->nr_pages - 1);
	id = 1;
	check_rc("MEM-3", "maximum_gpfn of domain 1 (there is none)", memop(XENMEM_maximum_gpfn, &id),
		 -XEN_ESRCH);
	check_rc("HCALL-5", "maximum_gpfn, the id at NULL", memop(XENMEM_maximum_gpfn, 0), -XEN_EFAULT);
	shared_info->arch.max_pfn = was;
}

static void machine(void)
{
	struct xen_machphys_mapping m;
	struct exinfo ex;
	char exs[80];

	memset(&m, 0, sizeof(m));
	check_rc("MEM-4", "machphys_mapping", memop(XENMEM_machphys_mapping, &m), 0);
	check_eq_hex("MEM-4", "v_start", m.v_start, MACH2PHYS_VIRT_START);
	/* Xen 4.17, a 64-bit hypervisor, gives a 32-bit guest's table the
	 * hole up to its last 2 MiB; ringlet's table ends where a 32-bit
	 * Xen's did (pvabi/ABI.md, MEM-4). */
	check_eq_hex("MEM-4", on_ringlet() ? "v_end (ringlet: MACH2PHYS_VIRT_END)"
					   : "v_end (Xen 4.17: 0xffe00000)",
		     m.v_end, on_ringlet() ? MACH2PHYS_VIRT_END : 0xffe00000u);
	check_eq_hex("MEM-4", "max_mfn: the last entry between them", m.max_mfn,
		     (m.v_end - m.v_start) / 4 - 1);
	check_rc("HCALL-5", "machphys_mapping into NULL", memop(XENMEM_machphys_mapping, 0),
		 -XEN_EFAULT);
	check_rc("HCALL-5", "machphys_mapping into the hole",
		 memop(XENMEM_machphys_mapping, (void *)0xff000000u), -XEN_EFAULT);
	uint32_t l3_word = *(volatile uint32_t *)(uintptr_t)start_info->pt_base;
	check_rc("HCALL-5", "machphys_mapping into the read-only L3",
		 memop(XENMEM_machphys_mapping, (void *)(uintptr_t)start_info->pt_base), -XEN_EFAULT);
	check_eq_hex("HCALL-5", "the L3 is unchanged",
		     *(volatile uint32_t *)(uintptr_t)start_info->pt_base, l3_word);
	check_rc("HCALL-5", "machphys_mapping into the read-only m2p table",
		 memop(XENMEM_machphys_mapping, (void *)MACH2PHYS_VIRT_START), -XEN_EFAULT);

	/* PT-8 */
	uint32_t mfn = pt_pfn_to_mfn(0);
	check_eq_hex("PT-8", "m2p[mfn of pfn 0] read at v_start",
		     ((const volatile uint32_t *)(uintptr_t)m.v_start)[mfn], 0);
	probe_write32(m.v_start + mfn * 4, 0, &ex);
	exinfo_format(exs, sizeof(exs), &ex);
	check("PT-8", ex.vector == X86_EXC_PF && (ex.error & PFEC_WRITE),
	      "writing that entry faults: %s", exs);

	long max_ram = memop(XENMEM_maximum_ram_page, 0);
	uint32_t highest = 0;
	for (uint32_t pfn = 0; pfn < start_info->nr_pages; pfn++)
		if (pt_pfn_to_mfn(pfn) > highest)
			highest = pt_pfn_to_mfn(pfn);
	check("MEM-4", max_ram > 0 && (uint32_t)max_ram > highest,
	      "maximum_ram_page (%#lx, Xen's max_page) is above the domain's highest frame (%#x)",
	      max_ram, highest);
	check_rc("MEM-4", "maximum_ram_page with start bits in cmd",
		 memop(XENMEM_maximum_ram_page | (1u << 6), 0), -XEN_EINVAL);

	/* memory_map: Xen keeps no pseudo-physical map for its initial
	 * domain, which reads the machine's instead; a domain a toolstack
	 * built gets one RAM range. */
	static struct pv_e820_entry e820[64];
	struct xen_memory_map map = { .nr_entries = 64 };
	set_xen_guest_handle(map.buffer, e820);
	if (start_info->flags & SIF_INITDOMAIN) {
		check_rc("MEM-4", "memory_map of the initial domain",
			 memop(XENMEM_memory_map, &map), -XEN_ENOSYS);
	} else {
		check_rc("MEM-4", "memory_map", memop(XENMEM_memory_map, &map), 0);
		check("MEM-4", map.nr_entries == 1 && e820[0].addr == 0 &&
				e820[0].type == PV_E820_RAM,
		      "one RAM range from 0 (%u entries)", map.nr_entries);
	}
	check_rc("HCALL-5", "memory_map, its struct at NULL", memop(XENMEM_memory_map, 0),
		 -XEN_EFAULT);

	if (!(start_info->flags & SIF_PRIVILEGED))
		return;
	map.nr_entries = 64;
	set_xen_guest_handle(map.buffer, e820);
	check_rc("MEM-4", "machine_memory_map (privileged)",
		 memop(XENMEM_machine_memory_map, &map), 0);
	uint64_t ram = 0;
	for (uint32_t i = 0; i < map.nr_entries && i < 64; i++)
		if (e820[i].type == PV_E820_RAM)
			ram += e820[i].size;
	check("MEM-4", map.nr_entries >= 1 && map.nr_entries <= 64 && ram > 0,
	      "it lists %u entries, %llu MiB of RAM", map.nr_entries,
	      (unsigned long long)(ram >> 20));
	uint32_t n = map.nr_entries;
	map.nr_entries = 0;
	set_xen_guest_handle(map.buffer, 0);
	check_rc("MEM-4", "machine_memory_map with no buffer", memop(XENMEM_machine_memory_map, &map),
		 0);
	check_eq("MEM-4", "counts the entries", map.nr_entries, n);
	map.nr_entries = n;
	set_xen_guest_handle(map.buffer, e820);
	check_rc("MEM-4", "machine_memory_map with room for just the entries (Xen wants one more)",
		 memop(XENMEM_machine_memory_map, &map), -XEN_EINVAL);
	map.nr_entries = 64;
	set_xen_guest_handle(map.buffer, (void *)0xff000000u);
	check_rc("HCALL-5", "machine_memory_map into the hole",
		 memop(XENMEM_machine_memory_map, &map), -XEN_EFAULT);
	check_rc("HCALL-5", "machine_memory_map, its struct at NULL",
		 memop(XENMEM_machine_memory_map, 0), -XEN_EFAULT);
}

static void unknown(void)
{
	static const uint32_t cmds[] = { 8, 29, 30, 40, 63 };
	char what[64];

	for (unsigned i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
		format(what, sizeof(what), "command %u", cmds[i]);
		check_rc("MEM-5", what, memop(cmds[i], 0), -XEN_ENOSYS);
	}
	check_rc("MEM-5", "get_sharing_freed_pages: none",
		 memop(XENMEM_get_sharing_freed_pages, 0), 0);
	check_rc("MEM-5", "get_sharing_shared_pages: none",
		 memop(XENMEM_get_sharing_shared_pages, 0), 0);
	check_rc("MEM-5", "get_sharing_freed_pages with start bits in cmd",
		 memop(XENMEM_get_sharing_freed_pages | (1u << 6), 0), -XEN_ENOSYS);
	check_rc("MEM-5", "machphys_mapping with start bits in cmd",
		 memop(XENMEM_machphys_mapping | (1u << 6), 0), -XEN_ENOSYS);
}

void test_main(void)
{
	sizes();
	reservations();
	giving_back();
	machine();
	unknown();
	test_success();
}
