/* xsa212: XENMEM_exchange reaches no memory outside the caller's lists
 * (XSA-212).
 *
 * XSA-212: an insufficient check of XENMEM_exchange's extent lists let a PV
 * guest make the hypervisor read and write through list pointers aimed at
 * the hypervisor's own memory. A list the guest could not itself read and
 * write must fail the call with -EFAULT before anything is traded.
 *
 * Rules checked:
 *   XSA212-1  an input or output extent list in the hypervisor's hole, at
 *             the top of the address space, unmapped, or NULL is -EFAULT
 *   XSA212-2  after such a call nothing was traded: nr_exchanged is 0, the
 *             frame offered is still the caller's (its m2p entry names its
 *             pfn) and its reservation is unchanged
 */
#include "guest.h"
#include "memop.h"
#include "pagetable.h"

const char test_title[] = "xsa212: XENMEM_exchange with lists aimed outside the guest";

static long exchange(struct xen_memory_exchange *x, xen_pfn_t *in, xen_pfn_t *out)
{
	*x = (struct xen_memory_exchange){
		.in = { .nr_extents = 1, .extent_order = 0, .domid = DOMID_SELF },
		.out = { .nr_extents = 1, .extent_order = 0, .domid = DOMID_SELF },
	};
	set_xen_guest_handle(x->in.extent_start, in);
	set_xen_guest_handle(x->out.extent_start, out);
	return hypercall_memory_op(XENMEM_exchange, x);
}

void test_main(void)
{
	struct pt_frame f;

	if (!pt_alloc_frame(&f) || pt_unmap(f.va) != 0)
		return test_error("cannot get a spare frame to offer");
	long before = memop_current_pages();
	static xen_pfn_t in[1], out[1];
	const struct { const char *what; uint32_t addr; } bad[] = {
		{ "the hole's first byte (the read-only m2p)", 0xf5800000u },
		{ "the top page", 0xfffff000u },
		{ "the last word", 0xfffffffcu },
		{ "past the initial region (unmapped)", initial_region_end() },
		{ "NULL", 0 },
	};
	char what[128];

	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		for (unsigned side = 0; side < 2; side++) {
			struct xen_memory_exchange x;
			xen_pfn_t *p = (xen_pfn_t *)(uintptr_t)bad[i].addr;
			in[0] = f.mfn;
			out[0] = f.pfn;
			long rc = side ? exchange(&x, in, p) : exchange(&x, p, out);
			format(what, sizeof(what), "%s list at %s", side ? "output" : "input",
			       bad[i].what);
			check_rc("XSA212-1", what, rc, -XEN_EFAULT);
			expect("XSA212-2", x.nr_exchanged == 0, "%s: nr_exchanged %u", what,
			       (unsigned)x.nr_exchanged);
			expect("XSA212-2", machine_to_phys_mapping[f.mfn] == f.pfn,
			       "%s: the frame offered is no longer the caller's", what);
		}
	}
	check_eq("XSA212-2", "pages after the refused exchanges", memop_current_pages(), before);
	check_eq_hex("XSA212-2", "the frame's m2p entry", machine_to_phys_mapping[f.mfn], f.pfn);
	check_rc("XSA212-2", "the frame can still be mapped", pt_map(f.va, f.mfn, PT_RW), 0);
	test_success();
}
