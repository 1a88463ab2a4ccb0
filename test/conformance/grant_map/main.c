/* grant_map: GNTTABOP_map_grant_ref, unmap_grant_ref, unmap_and_replace on
 * the guest's own grants (it grants to its own domain id).
 *
 * Rules checked (ids as in pvabi/ABI.md):
 *   GNT-4  a host mapping puts a PTE for the granted frame at host_addr (a
 *          virtual address in the caller's tables, or with
 *          GNTMAP_contains_pte the PTE's machine address); a device mapping
 *          gives the frame's bus address (its machine address), as does
 *          every map; while mapped the entry has GTF_reading, and
 *          GTF_writing while mapped writable; both go at the last unmap
 *   GNT-5  refused maps: no host or device flag is GNTST_bad_gntref;
 *          DOMID_SELF or a domain that does not exist GNTST_bad_domain (a
 *          domain maps its own grants by its own id); a ref past the table
 *          GNTST_bad_gntref; an entry that does not permit access to the
 *          caller, or a read-only one mapped writable, GNTST_general_error;
 *          a frame the granter does not hold GNTST_bad_page; a PTE that is
 *          not in an L1 of the caller's (the hole, a data frame, another
 *          domain's frame), or a writable mapping of a page table,
 *          GNTST_general_error; a full maptrack GNTST_no_device_space
 *   GNT-6  unmap: a handle not in use is GNTST_bad_handle; a dev_bus_addr
 *          that is not the frame's GNTST_bad_dev_addr; a host mapping whose
 *          PTE the guest has changed since GNTST_general_error (the handle
 *          stays);
 *          a zero host_addr and dev_bus_addr leave their halves mapped;
 *          unmap_and_replace moves the entry at new_addr to host_addr and
 *          clears new_addr
 *   GNT-7  a batch gives every element its own status: a bad element in
 *          the middle leaves the others done
 */
#include "guest.h"
#include "gnttab.h"
#include "pagetable.h"
#include "platform.h"

const char test_title[] = "grant_map: map_grant_ref, unmap_grant_ref, unmap_and_replace";

#define NO_SUCH_DOMAIN 1234
#define RW_GRANT (GTF_permit_access)
#define RO_GRANT (GTF_permit_access | GTF_readonly)

static volatile struct grant_entry_v1 *gt;
static struct pt_frame data, host, spare;

static bool unmapped(uint32_t va)
{
	return !probe_read32(va, NULL, NULL);
}

static void check_flags(const char *rule, const char *what, uint32_t ref, uint16_t want)
{
	check_eq_hex(rule, what, gt[ref].flags, want);
}

static void host_rw(void)
{
	uint32_t h = 0;

	*(volatile uint32_t *)data.va = 0xfeed0001;
	gnt_grant(10, GNT_SELF_ID, data.mfn, RW_GRANT);
	struct gnttab_map_grant_ref op = {
		.host_addr = host.va, .flags = GNTMAP_host_map, .ref = 10, .dom = GNT_SELF_ID,
	};
	check_rc("GNT-4", "map writable", gnt_op(GNTTABOP_map_grant_ref, &op, 1), 0);
	check_eq("GNT-4", "map writable: status", op.status, GNTST_okay);
	h = op.handle;
	check_eq_hex("GNT-4", "dev_bus_addr", op.dev_bus_addr, (uint64_t)data.mfn << 12);
	check_eq_hex("GNT-4", "the mapping reads the frame", peek32(host.va), 0xfeed0001);
	*(volatile uint32_t *)host.va = 0xfeed0002;
	check_eq_hex("GNT-4", "and writes it", *(volatile uint32_t *)data.va, 0xfeed0002);
	check_flags("GNT-4", "entry while mapped writable", 10, RW_GRANT | GTF_reading | GTF_writing);
	check_eq("GNT-4", "unmap", gnt_unmap(host.va, 0, h), GNTST_okay);
	check_flags("GNT-4", "entry after unmap", 10, RW_GRANT);
	check("GNT-4", unmapped(host.va), "host_addr unmapped");
	check_eq("GNT-6", "unmap the handle again", gnt_unmap(host.va, 0, h), GNTST_bad_handle);

	/* The PTE by its machine address. */
	uint64_t pte = pt_l1e_maddr(host.va);
	check_eq("GNT-4", "map by PTE address",
		 gnt_map(pte, GNTMAP_host_map | GNTMAP_contains_pte, 10, GNT_SELF_ID, &h), GNTST_okay);
	check_eq_hex("GNT-4", "the mapping reads the frame", peek32(host.va), 0xfeed0002);
	check_eq("GNT-4", "unmap by PTE address", gnt_unmap(pte, 0, h), GNTST_okay);
	check("GNT-4", unmapped(host.va), "unmapped");
}

static void read_only(void)
{
	uint32_t h = 0;

	gnt_grant(11, GNT_SELF_ID, data.mfn, RO_GRANT);
	check_eq("GNT-5", "read-only grant mapped writable",
		 gnt_map(host.va, GNTMAP_host_map, 11, GNT_SELF_ID, NULL), GNTST_general_error);
	check_flags("GNT-5", "entry after the refusal", 11, RO_GRANT);
	check_eq("GNT-4", "read-only grant mapped read-only",
		 gnt_map(host.va, GNTMAP_host_map | GNTMAP_readonly, 11, GNT_SELF_ID, &h), GNTST_okay);
	check_flags("GNT-4", "entry while mapped read-only", 11, RO_GRANT | GTF_reading);
	check_eq_hex("GNT-4", "the read-only mapping reads", peek32(host.va), 0xfeed0002);
	check_eq("GNT-4", "unmap", gnt_unmap(host.va, 0, h), GNTST_okay);
	check_flags("GNT-4", "entry after unmap", 11, RO_GRANT);
}

static void device(void)
{
	struct gnttab_map_grant_ref op = {
		.flags = GNTMAP_device_map, .ref = 10, .dom = GNT_SELF_ID,
	};
	uint64_t bus = (uint64_t)data.mfn << 12;

	gnt_op(GNTTABOP_map_grant_ref, &op, 1);
	check_eq("GNT-4", "device map", op.status, GNTST_okay);
	check_eq_hex("GNT-4", "device map: bus address", op.dev_bus_addr, bus);
	check_flags("GNT-4", "entry while mapped for a device", 10,
		    RW_GRANT | GTF_reading | GTF_writing);
	check_eq("GNT-6", "unmap, wrong bus address", gnt_unmap(0, bus + 4096, op.handle),
		 GNTST_bad_dev_addr);
	check_eq("GNT-6", "unmap of nothing", gnt_unmap(0, 0, op.handle), GNTST_okay);
	check_flags("GNT-6", "entry still mapped", 10, RW_GRANT | GTF_reading | GTF_writing);
	check_eq("GNT-6", "unmap with the bus address", gnt_unmap(0, bus, op.handle), GNTST_okay);
	check_flags("GNT-6", "entry after unmap", 10, RW_GRANT);
	check_eq("GNT-6", "unmap handle 0xffff", gnt_unmap(0, bus, 0xffff), GNTST_bad_handle);
}

static void refusals(void)
{
	uint32_t foreign = pt_foreign_mfn(), l1 = pt_l1_mfn(data.va);

	check_eq("GNT-5", "no host or device flag",
		 gnt_map(host.va, GNTMAP_readonly, 10, GNT_SELF_ID, NULL), GNTST_bad_gntref);
	check_eq("GNT-5", "DOMID_SELF", gnt_map(host.va, GNTMAP_host_map, 10, DOMID_SELF, NULL),
		 GNTST_bad_domain);
	check_eq("GNT-5", "no such domain",
		 gnt_map(host.va, GNTMAP_host_map, 10, NO_SUCH_DOMAIN, NULL), GNTST_bad_domain);
	check_eq("GNT-5", "ref past the table",
		 gnt_map(host.va, GNTMAP_host_map, 512, GNT_SELF_ID, NULL), GNTST_bad_gntref);
	check_eq("GNT-5", "ref 0xffffffff",
		 gnt_map(host.va, GNTMAP_host_map, 0xffffffffu, GNT_SELF_ID, NULL), GNTST_bad_gntref);
	check_eq("GNT-5", "invalid entry", gnt_map(host.va, GNTMAP_host_map, 20, GNT_SELF_ID, NULL),
		 GNTST_general_error);
	gnt_grant(21, 5, data.mfn, RW_GRANT);
	check_eq("GNT-5", "entry for another domain",
		 gnt_map(host.va, GNTMAP_host_map, 21, GNT_SELF_ID, NULL), GNTST_general_error);
	gnt_grant(22, GNT_SELF_ID, data.mfn, GTF_accept_transfer);
	check_eq("GNT-5", "accept_transfer entry",
		 gnt_map(host.va, GNTMAP_host_map, 22, GNT_SELF_ID, NULL), GNTST_general_error);
	check_flags("GNT-5", "refused entry untouched", 21, RW_GRANT);
	gnt_grant(23, GNT_SELF_ID, foreign, RW_GRANT);
	check_eq("GNT-5", "frame the granter does not hold",
		 gnt_map(host.va, GNTMAP_host_map, 23, GNT_SELF_ID, NULL), GNTST_bad_page);
	check_flags("GNT-5", "its entry after the refusal", 23, RW_GRANT);
	check_eq("GNT-5", "host_addr in the hole",
		 gnt_map(0xf6000000u, GNTMAP_host_map, 10, GNT_SELF_ID, NULL), GNTST_general_error);
	check_eq("GNT-5", "PTE address in a data frame",
		 gnt_map((uint64_t)spare.mfn << 12, GNTMAP_host_map | GNTMAP_contains_pte, 10,
			 GNT_SELF_ID, NULL), GNTST_general_error);
	check_eq("GNT-5", "PTE address in a foreign frame",
		 gnt_map((uint64_t)foreign << 12, GNTMAP_host_map | GNTMAP_contains_pte, 10,
			 GNT_SELF_ID, NULL), GNTST_general_error);
	check_flags("GNT-5", "entry after PTE refusals", 10, RW_GRANT);
	gnt_grant(24, GNT_SELF_ID, l1, RW_GRANT);
	check_eq("GNT-5", "page table mapped writable",
		 gnt_map(host.va, GNTMAP_host_map, 24, GNT_SELF_ID, NULL), GNTST_general_error);
	uint32_t h = 0;
	check_eq("GNT-5", "page table mapped read-only",
		 gnt_map(host.va, GNTMAP_host_map | GNTMAP_readonly, 24, GNT_SELF_ID, &h), GNTST_okay);
	check_eq("GNT-6", "and unmapped", gnt_unmap(host.va, 0, h), GNTST_okay);
}

static void changed_pte(void)
{
	uint32_t h = 0;

	gnt_grant(30, GNT_SELF_ID, data.mfn, RW_GRANT);
	check_eq("GNT-6", "map", gnt_map(host.va, GNTMAP_host_map, 30, GNT_SELF_ID, &h), GNTST_okay);
	check_rc("GNT-6", "the guest clears the PTE itself", pt_unmap(host.va), 0);
	check_eq("GNT-6", "unmap after that", gnt_unmap(host.va, 0, h), GNTST_general_error);
	check_flags("GNT-6", "entry still mapped", 30, RW_GRANT | GTF_reading | GTF_writing);
}

static void replace(void)
{
	struct pt_frame n;
	uint32_t h = 0;

	if (!pt_alloc_frame(&n))
		return;
	*(volatile uint32_t *)n.va = 0xbeef0003;
	check_eq("GNT-6", "map", gnt_map(host.va, GNTMAP_host_map, 10, GNT_SELF_ID, &h), GNTST_okay);
	struct gnttab_unmap_and_replace op = { .host_addr = host.va, .new_addr = n.va, .handle = h };
	check_rc("GNT-6", "unmap_and_replace", gnt_op(GNTTABOP_unmap_and_replace, &op, 1), 0);
	check_eq("GNT-6", "unmap_and_replace: status", op.status, GNTST_okay);
	check_eq_hex("GNT-6", "host_addr maps new_addr's frame", peek32(host.va), 0xbeef0003);
	check("GNT-6", unmapped(n.va), "new_addr unmapped");
	check_flags("GNT-6", "entry after unmap_and_replace", 10, RW_GRANT);
	check_rc("GNT-6", "host_addr back to nothing", pt_unmap(host.va), 0);
}

static void batch(void)
{
	struct pt_frame a, b;

	if (!pt_alloc_frame(&a) || !pt_alloc_frame(&b))
		return;
	struct gnttab_map_grant_ref ops[3] = {
		{ .host_addr = a.va, .flags = GNTMAP_host_map, .ref = 10, .dom = GNT_SELF_ID },
		{ .host_addr = host.va, .flags = GNTMAP_host_map, .ref = 600, .dom = GNT_SELF_ID },
		{ .host_addr = b.va, .flags = GNTMAP_host_map | GNTMAP_readonly, .ref = 10,
		  .dom = GNT_SELF_ID },
	};
	check_rc("GNT-7", "batch of 3 maps", gnt_op(GNTTABOP_map_grant_ref, ops, 3), 0);
	check_eq("GNT-7", "first", ops[0].status, GNTST_okay);
	check_eq("GNT-7", "second (bad ref)", ops[1].status, GNTST_bad_gntref);
	check_eq("GNT-7", "third", ops[2].status, GNTST_okay);
	check_eq_hex("GNT-7", "third maps", peek32(b.va), 0xfeed0002);
	struct gnttab_unmap_grant_ref un[3] = {
		{ .host_addr = a.va, .handle = ops[0].handle },
		{ .host_addr = a.va, .handle = 0xfffff },
		{ .host_addr = b.va, .handle = ops[2].handle },
	};
	check_rc("GNT-7", "batch of 3 unmaps", gnt_op(GNTTABOP_unmap_grant_ref, un, 3), 0);
	check_eq("GNT-7", "first unmap", un[0].status, GNTST_okay);
	check_eq("GNT-7", "second unmap (bad handle)", un[1].status, GNTST_bad_handle);
	check_eq("GNT-7", "third unmap", un[2].status, GNTST_okay);
	check_flags("GNT-7", "entry after the batch", 10, RW_GRANT);
}

/* The module line gives this guest 8 maptrack slots on ringlet (Xen's
 * maptrack is far too large to fill here); changed_pte() keeps one. */
static void maptrack_full(void)
{
	struct gnttab_map_grant_ref ops[8];

	if (!on_ringlet())
		return;
	for (int i = 0; i < 8; i++)
		ops[i] = (struct gnttab_map_grant_ref){
			.flags = GNTMAP_device_map | GNTMAP_readonly, .ref = 10, .dom = GNT_SELF_ID,
		};
	check_rc("GNT-5", "8 maps", gnt_op(GNTTABOP_map_grant_ref, ops, 8), 0);
	check_eq("GNT-5", "7th map", ops[6].status, GNTST_okay);
	check_eq("GNT-5", "8th map: maptrack full", ops[7].status, GNTST_no_device_space);
	for (int i = 0; i < 7; i++)
		expect("GNT-5", gnt_unmap(0, (uint64_t)data.mfn << 12, ops[i].handle) == GNTST_okay,
		       "unmap %d", i);
	check_flags("GNT-5", "entry after all unmapped", 10, RW_GRANT);
}

void test_main(void)
{
	gt = gnt_setup(1);
	if (!gt || !pt_alloc_frame(&data) || !pt_alloc_frame(&host) || !pt_alloc_frame(&spare))
		return;
	host_rw();
	read_only();
	device();
	refusals();
	changed_pte();
	replace();
	batch();
	maptrack_full();
	test_success();
}
