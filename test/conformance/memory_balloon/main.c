/* memory_balloon: what a balloon driver relies on: frames given back leave
 * the domain, max_pages bounds taking them again, frames in use stay alive.
 * It runs as the control domain (the referee runs it as Xen's dom0), which
 * reads its own tot_pages with getdomaininfo and sets its own max_mem.
 *
 * Rules checked (pvabi/ABI.md):
 *   MEM-17  a frame given back that nothing else holds leaves the domain at
 *           once: current_reservation and getdomaininfo's tot_pages drop by
 *           one; populate_physmap of its pfn brings both back
 *   MEM-18  populate_physmap stops at max_pages: of three extents with room
 *           for two, two are done; with max_pages below what the domain
 *           holds, none
 *   MEM-19  a frame in use given back (an L1 hooked into the domain's L2,
 *           mapped read-only; a frame mapped through a grant) counts as
 *           done but stays the domain's, in current_reservation and
 *           tot_pages alike, and readable through the mapping, until its
 *           last reference goes; then both drop, and it cannot be used
 *           again (hooked, or mapped through the grant: GNTST_bad_page) */
#include "guest.h"

#include "domctl.h"
#include "gnttab.h"
#include "memop.h"
#include "pagetable.h"

const char test_title[] = "memory_balloon: frames given back leave the domain, max_pages "
			  "bounds taking them again, frames in use stay alive";

static struct xen_domctl_getdomaininfo info(void)
{
	struct xen_domctl dc = domctl_request(XEN_DOMCTL_getdomaininfo, 0);

	if (hypercall_domctl(&dc) != 0)
		test_error("getdomaininfo of domain 0 failed");
	return dc.u.getdomaininfo;
}

static long tot_pages(void)
{
	return (long)info().tot_pages;
}

static long set_max(uint64_t kb)
{
	struct xen_domctl dc = domctl_request(XEN_DOMCTL_max_mem, 0);

	dc.u.max_mem.max_memkb = kb;
	return hypercall_domctl(&dc);
}

static bool give_back(const struct pt_frame *f)
{
	xen_pfn_t mfn = f->mfn;

	return pt_unmap(f->va) == 0 &&
	       memop_reservation(XENMEM_decrease_reservation, &mfn, 1, 0, DOMID_SELF) == 1;
}

/* Back at f's pfn: a new frame, mapped where f was. */
static bool take_back(struct pt_frame *f)
{
	xen_pfn_t pfn = f->pfn;

	return memop_reservation(XENMEM_populate_physmap, &pfn, 1, 0, DOMID_SELF) == 1 &&
	       memop_adopt(f, pfn);
}

static void leaves(void)
{
	struct pt_frame f;
	long cur = memop_current_pages(), tot = tot_pages();

	if (!pt_alloc_frame(&f))
		return;
	check("MEM-17", give_back(&f), "a frame unmapped and given back");
	check_eq("MEM-17", "current_reservation dropped by one", memop_current_pages(), cur - 1);
	check_eq("MEM-17", "tot_pages dropped by one", tot_pages(), tot - 1);
	check("MEM-17", take_back(&f), "populate_physmap of its pfn, mapped there");
	check_eq("MEM-17", "current_reservation is back", memop_current_pages(), cur);
	check_eq("MEM-17", "tot_pages is back", tot_pages(), tot);
	*(volatile uint32_t *)(uintptr_t)f.va = 0xba11;
	check_eq_hex("MEM-17", "the new frame is usable", *(volatile uint32_t *)(uintptr_t)f.va,
		     0xba11);
}

static void bounded(void)
{
	struct pt_frame f[2];
	long cur = memop_current_pages();
	uint64_t before = info().max_pages;

	if (!pt_alloc_frame(&f[0]) || !pt_alloc_frame(&f[1]))
		return;
	if (!check_rc("MEM-18", "max_mem: the pages the domain holds", set_max((uint64_t)cur * 4), 0))
		return;
	if (!give_back(&f[0]) || !give_back(&f[1])) {
		test_error("cannot give two frames back");
		return;
	}
	xen_pfn_t list[3] = { f[0].pfn, f[1].pfn, f[1].pfn + 1 };
	check_eq("MEM-18", "populate_physmap of 3 pfns with room for 2",
		 memop_reservation(XENMEM_populate_physmap, list, 3, 0, DOMID_SELF), 2);
	check_eq("MEM-18", "current_reservation is at max_pages", memop_current_pages(), cur);
	if (!memop_adopt(&f[0], list[0]) || !memop_adopt(&f[1], list[1]))
		test_error("cannot map the frames taken back");

	check_rc("MEM-18", "max_mem: 4 pages less than the domain holds",
		 set_max((uint64_t)(cur - 4) * 4), 0);
	if (!give_back(&f[0])) {
		test_error("cannot give a frame back");
		return;
	}
	list[0] = f[0].pfn;
	check_eq("MEM-18", "populate_physmap with max_pages below what the domain holds",
		 memop_reservation(XENMEM_populate_physmap, list, 1, 0, DOMID_SELF), 0);
	check_eq("MEM-18", "current_reservation is one less", memop_current_pages(), cur - 1);
	check_rc("MEM-18", "max_mem: back as it was", set_max(before * 4), 0);
	if (!take_back(&f[0]))
		test_error("cannot take a frame back");
	check_eq("MEM-18", "current_reservation is back", memop_current_pages(), cur);
}

static void in_use(void)
{
	uint32_t scratch = pt_scratch_va();
	struct pt_frame l1;

	if (!scratch || !pt_alloc_frame(&l1)) {
		test_error("no empty L2 slot or frame for an L1");
		return;
	}
	uint64_t l2e = pt_maddr(pt_l2_mfn(scratch), PT_L2_INDEX(scratch));
	if (pt_seal(&l1) || pt_update(l2e, PT_ENTRY(l1.mfn, PT_TABLE))) {
		test_error("cannot hook a new L1");
		return;
	}
	long cur = memop_current_pages(), tot = tot_pages();
	xen_pfn_t mfn = l1.mfn;
	check_eq("MEM-19", "give back an L1 in use (hooked, mapped read-only)",
		 memop_reservation(XENMEM_decrease_reservation, &mfn, 1, 0, DOMID_SELF), 1);
	check_eq("MEM-19", "current_reservation still counts it", memop_current_pages(), cur);
	check_eq("MEM-19", "so does tot_pages", tot_pages(), tot);
	check_rc("MEM-19", "its read-only mapping removed", pt_unmap(l1.va), 0);
	check_eq("MEM-19", "the L2 entry still holds it", memop_current_pages(), cur);
	check_rc("MEM-19", "the L2 entry cleared: its last reference", pt_update(l2e, 0), 0);
	check_eq("MEM-19", "current_reservation dropped by one", memop_current_pages(), cur - 1);
	check_eq("MEM-19", "tot_pages dropped by one", tot_pages(), tot - 1);
	check("MEM-19", pt_update(l2e, PT_ENTRY(l1.mfn, PT_TABLE)) < 0,
	      "the freed frame cannot be hooked again");
	check("MEM-19", take_back(&l1), "a frame taken back at its pfn");
	check_eq("MEM-19", "current_reservation is back", memop_current_pages(), cur);
}

static void granted(void)
{
	volatile struct grant_entry_v1 *gt = gnt_setup(1);
	struct pt_frame data, host;
	uint32_t h = 0;

	if (!gt || !pt_alloc_frame(&data) || !pt_alloc_frame(&host) || pt_unmap(host.va)) {
		test_error("no grant table or frames to grant");
		return;
	}
	*(volatile uint32_t *)(uintptr_t)data.va = 0x6a7e;
	gnt_grant(5, GNT_SELF_ID, data.mfn, GTF_permit_access);
	if (gnt_map(host.va, GNTMAP_host_map, 5, GNT_SELF_ID, &h) != GNTST_okay) {
		test_error("cannot map a grant of its own");
		return;
	}
	long cur = memop_current_pages(), tot = tot_pages();
	check("MEM-19", give_back(&data), "give back a frame mapped through a grant");
	check_eq("MEM-19", "current_reservation still counts it", memop_current_pages(), cur);
	check_eq("MEM-19", "so does tot_pages", tot_pages(), tot);
	check_eq_hex("MEM-19", "the grant mapping still reads it", peek32(host.va), 0x6a7e);
	check_eq("MEM-19", "the grant unmapped: its last reference", gnt_unmap(host.va, 0, h),
		 GNTST_okay);
	check_eq("MEM-19", "current_reservation dropped by one", memop_current_pages(), cur - 1);
	check_eq("MEM-19", "tot_pages dropped by one", tot_pages(), tot - 1);
	check_eq("MEM-19", "the grant cannot be mapped again",
		 gnt_map(host.va, GNTMAP_host_map, 5, GNT_SELF_ID, NULL), GNTST_bad_page);
	gnt_grant(5, 0, 0, 0);
	if (!take_back(&data) || pt_map(host.va, host.mfn, PT_RW))
		test_error("cannot take the frame back");
}

void test_main(void)
{
	leaves();
	bounded();
	in_use();
	granted();
	test_success();
}
