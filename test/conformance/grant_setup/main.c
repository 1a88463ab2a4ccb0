/* grant_setup: HYPERVISOR_grant_table_op's table commands (pvabi/grant_table.h).
 *
 * Rules checked (ids as in pvabi/ABI.md):
 *   GNT-1  a domain's table starts with one frame and may grow to 64 (Xen's
 *          default); query_size says both; setup_table grows it to nr_frames
 *          and writes that many frame numbers, frames the guest may map
 *          writable and nothing else; more than the maximum is
 *          GNTST_general_error, a domain that does not exist
 *          GNTST_bad_domain, a frame list outside guest space -EFAULT, one
 *          that cannot be written GNTST_bad_virt_addr on ringlet (Xen's
 *          32-bit entry says GNTST_okay); count other than 1
 *          is -EINVAL
 *   GNT-2  set_version 1 is 0, 2 is -ENOSYS on ringlet (no version 2; Xen
 *          with version 2 on switches), anything else -EINVAL, and the
 *          version in force is written back;
 *          get_version says 1, and -ESRCH for a domain that does not exist
 *   GNT-3  commands ringlet does not offer are -ENOSYS; bits 12 and up of
 *          cmd, or a count of 2^31 or more, are -EINVAL
 */
#include "guest.h"
#include "gnttab.h"
#include "pagetable.h"
#include "platform.h"

const char test_title[] = "grant_setup: setup_table, query_size, set_version, get_version";

#define NO_SUCH_DOMAIN 1234

static void query(domid_t dom, struct gnttab_query_size *q)
{
	*q = (struct gnttab_query_size){ .dom = dom };
	check_rc("GNT-1", "query_size", gnt_op(GNTTABOP_query_size, q, 1), 0);
}

static void sizes(void)
{
	struct gnttab_query_size q;

	query(DOMID_SELF, &q);
	check_eq("GNT-1", "query_size status", q.status, GNTST_okay);
	check_eq("GNT-1", "frames at start", q.nr_frames, 1);
	check_eq("GNT-1", "most frames", q.max_nr_frames, 64);
	query(GNT_SELF_ID, &q);
	check_eq("GNT-1", "query_size by own id", q.status, GNTST_okay);
	query(NO_SUCH_DOMAIN, &q);
	check_eq("GNT-1", "query_size of no domain", q.status, GNTST_bad_domain);
	check_rc("GNT-1", "query_size with count 2", gnt_op(GNTTABOP_query_size, &q, 2), -XEN_EINVAL);
}

static int16_t setup(domid_t dom, uint32_t n, xen_pfn_t *list, long *rc)
{
	struct gnttab_setup_table op = { .dom = dom, .nr_frames = n, .status = 77 };

	set_xen_guest_handle(op.frame_list, list);
	*rc = gnt_op(GNTTABOP_setup_table, &op, 1);
	return op.status;
}

static void growing(void)
{
	xen_pfn_t frames[4] = { 0 };
	struct gnttab_query_size q;
	long rc;

	check_eq("GNT-1", "setup_table 0 frames", setup(DOMID_SELF, 0, frames, &rc), GNTST_okay);
	check_eq("GNT-1", "setup_table 4 frames", setup(DOMID_SELF, 4, frames, &rc), GNTST_okay);
	check_rc("GNT-1", "setup_table 4 frames (rc)", rc, 0);
	query(DOMID_SELF, &q);
	check_eq("GNT-1", "frames after growing to 4", q.nr_frames, 4);
	bool distinct = true;
	for (int i = 0; i < 4; i++)
		for (int j = 0; j < i; j++)
			distinct = distinct && frames[i] != frames[j] && frames[i];
	check("GNT-1", distinct, "4 distinct frame numbers");
	check_eq("GNT-1", "setup_table 65 frames", setup(DOMID_SELF, 65, frames, &rc),
		 GNTST_general_error);
	check_eq("GNT-1", "setup_table of no domain", setup(NO_SUCH_DOMAIN, 1, frames, &rc),
		 GNTST_bad_domain);
	setup(DOMID_SELF, 1, (xen_pfn_t *)0xfffff000u, &rc);
	check_rc("GNT-1", "setup_table, list in the hole", rc, -XEN_EFAULT);
	/* Xen's 32-bit entry does not report it. */
	check_eq("GNT-1", "setup_table, list at NULL", setup(DOMID_SELF, 1, NULL, &rc),
		 on_ringlet() ? GNTST_bad_virt_addr : GNTST_okay);
	struct gnttab_setup_table two[2] = { { .dom = DOMID_SELF } };
	check_rc("GNT-1", "setup_table with count 2", gnt_op(GNTTABOP_setup_table, two, 2),
		 -XEN_EINVAL);

	/* The frames are the guest's to write, and only to write. */
	struct pt_frame f;
	if (!pt_alloc_frame(&f))
		return;
	check_rc("GNT-1", "map a grant frame writable", pt_map(f.va, frames[3], PT_RW), 0);
	*(volatile uint32_t *)(f.va + 8) = 0x12345678;
	check_eq_hex("GNT-1", "grant frame written and read", peek32(f.va + 8), 0x12345678);
	check_rc("GNT-1", "unmap it", pt_unmap(f.va), 0);
	check("GNT-1", pt_pin(MMUEXT_PIN_L1_TABLE, frames[3]) < 0,
	      "a grant frame cannot become a page table");
}

static void version(void)
{
	struct gnttab_set_version sv = { .version = 3 };
	check_rc("GNT-2", "set_version 3", gnt_op(GNTTABOP_set_version, &sv, 1), -XEN_EINVAL);
	check_eq("GNT-2", "version after 3", sv.version, 1);
	/* ringlet has no version 2; the referee Xen has it on. */
	sv.version = 2;
	long rc = gnt_op(GNTTABOP_set_version, &sv, 1);
	check_rc("GNT-2", "set_version 2", rc, on_ringlet() ? -XEN_ENOSYS : 0);
	check_eq("GNT-2", "version after 2", sv.version, on_ringlet() ? 1 : 2);
	sv.version = 1;
	check_rc("GNT-2", "set_version 1", gnt_op(GNTTABOP_set_version, &sv, 1), 0);
	check_eq("GNT-2", "version after 1", sv.version, 1);
	check_rc("GNT-2", "set_version from NULL", gnt_op(GNTTABOP_set_version, NULL, 1),
		 -XEN_EFAULT);

	struct gnttab_get_version gv = { .dom = DOMID_SELF };
	check_rc("GNT-2", "get_version", gnt_op(GNTTABOP_get_version, &gv, 1), 0);
	check_eq("GNT-2", "get_version says", gv.version, 1);
	gv.dom = NO_SUCH_DOMAIN;
	check_rc("GNT-2", "get_version of no domain", gnt_op(GNTTABOP_get_version, &gv, 1),
		 -XEN_ESRCH);
}

static void commands(void)
{
	struct gnttab_query_size q = { .dom = DOMID_SELF };

	check_rc("GNT-3", "command 13", gnt_op(13, &q, 1), -XEN_ENOSYS);
	check_rc("GNT-3", "query_size | 1 << 12", gnt_op(GNTTABOP_query_size | (1u << 12), &q, 1),
		 -XEN_EINVAL);
	check_rc("GNT-3", "map with count 2^31", gnt_op(GNTTABOP_map_grant_ref, &q, 0x80000000u),
		 -XEN_EINVAL);
	check_rc("GNT-3", "map with count 0", gnt_op(GNTTABOP_map_grant_ref, NULL, 0), 0);
}

void test_main(void)
{
	sizes();
	growing();
	version();
	commands();
	test_success();
}
