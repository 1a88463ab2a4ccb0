/* memory_extents: memory_op extents of more than one frame, and exchange.
 *
 * Rules checked (ids as in pvabi/ABI.md):
 *   MEM-6  increase_reservation and populate_physmap hand out extents of
 *          2^extent_order machine-contiguous frames, the first a multiple of
 *          2^order, holding nothing of another domain; populate_physmap's pfns run on from the one
 *          given; decrease_reservation gives back 2^order frames from the
 *          one named, and an extent with a frame not the domain's is not
 *          done; an order above the caller's limit (18 for the control
 *          domain, Xen's) is 0 extents done
 *   MEM-7  exchange trades extents for extents of another order (two
 *          frames for a contiguous pair and back), writes the new frames
 *          into out.extent_start and their m2p entries from the pfns there,
 *          and counts the input extents traded in nr_exchanged; the old
 *          frames are gone and the domain's size is unchanged. Lists that
 *          do not match (domains, sizes, nr_exchanged past the end) are
 *          -EINVAL, a frame the domain cannot trade (mapped, foreign,
 *          beyond RAM) -EINVAL with nothing traded, an order above the
 *          limit -EPERM, a domain that is not there -ESRCH, start bits in
 *          cmd -EINVAL, an unreadable struct or list -EFAULT
 */
#include "guest.h"
#include "memop.h"
#include "pagetable.h"
#include "platform.h"

const char test_title[] = "memory_extents: memory_op extents of more than one frame, and exchange";


/* Unmaps the pair and gives both frames back, one extent each. */
static bool give_back_pair(struct pt_frame f[2])
{
	xen_pfn_t list[2] = { f[0].mfn, f[1].mfn };

	return pt_unmap(f[0].va) == 0 && pt_unmap(f[1].va) == 0 &&
	       memop_reservation(XENMEM_decrease_reservation, list, 2, 0, DOMID_SELF) == 2;
}

/* The pair's pages map the run at mfn and can be used. Its frames carry
 * nothing of another domain: zeroes, or (Xen hands a domain back the
 * frames it gave back a moment ago, unscrubbed) what this one wrote. */
static void take_run(const char *rule, struct pt_frame f[2], uint32_t mfn)
{
	check(rule, memop_adopt(&f[0], mfn) && memop_adopt(&f[1], mfn + 1), "the run at %#x can be mapped", mfn);
	volatile uint32_t *a = (volatile uint32_t *)(uintptr_t)f[0].va;
	volatile uint32_t *b = (volatile uint32_t *)(uintptr_t)f[1].va;
	check(rule, (a[0] == 0 || a[0] == 0xa11) && a[1023] == 0,
	      "its first frame holds nothing of another domain (%#x)", a[0]);
	check(rule, (b[0] == 0 || b[0] == 0xb22) && b[1023] == 0,
	      "its second frame holds nothing of another domain (%#x)", b[0]);
	a[0] = 0xa11;
	b[0] = 0xb22;
	check_eq_hex(rule, "and both can be written", a[0] + b[0], 0xa11 + 0xb22);
}

static void orders(struct pt_frame f[2])
{
	long cur = memop_current_pages();
	xen_pfn_t list[1];

	if (!give_back_pair(f))
		return test_error("cannot give two frames back");
	list[0] = 0;
	check_eq("MEM-6", "increase_reservation of one order-1 extent",
		 memop_reservation(XENMEM_increase_reservation, list, 1, 1, DOMID_SELF), 1);
	check_eq("MEM-6", "current_reservation is back", memop_current_pages(), cur);
	check("MEM-6", list[0] && !(list[0] & 1), "its first frame (%#x) is even", list[0]);
	take_run("MEM-6", f, list[0]);

	/* give it back as one extent, populate a pair of pfns */
	list[0] = f[0].mfn;
	check_eq("MEM-6", "decrease_reservation of the order-1 extent",
		 pt_unmap(f[0].va) || pt_unmap(f[1].va) ? -1 :
		 memop_reservation(XENMEM_decrease_reservation, list, 1, 1, DOMID_SELF), 1);
	check_eq("MEM-6", "current_reservation dropped by two", memop_current_pages(), cur - 2);
	list[0] = f[0].pfn;
	check_eq("MEM-6", "populate_physmap of one order-1 extent",
		 memop_reservation(XENMEM_populate_physmap, list, 1, 1, DOMID_SELF), 1);
	check("MEM-6", !(list[0] & 1), "its first frame (%#x) is even", list[0]);
	check_eq_hex("MEM-6", "m2p of its first frame", machine_to_phys_mapping[list[0]], f[0].pfn);
	check_eq_hex("MEM-6", "m2p of its second frame", machine_to_phys_mapping[list[0] + 1],
		     f[0].pfn + 1);
	take_run("MEM-6", f, list[0]);
	check_eq("MEM-6", "current_reservation is back", memop_current_pages(), cur);

	/* refusals */
	list[0] = 0;
	check_eq("MEM-6", "increase_reservation of order 19 (above the control domain's 18)",
		 memop_reservation(XENMEM_increase_reservation, list, 1, 19, DOMID_SELF), 0);
	check_eq("MEM-6", "populate_physmap of order 19",
		 memop_reservation(XENMEM_populate_physmap, list, 1, 19, DOMID_SELF), 0);
	list[0] = f[0].mfn;
	check_eq("MEM-6", "decrease_reservation of order 19",
		 memop_reservation(XENMEM_decrease_reservation, list, 1, 19, DOMID_SELF), 0);
	list[0] = pt_max_ram_mfn() & ~1u;
	check_eq("MEM-6", "decrease_reservation of an order-1 extent at the top of RAM",
		 memop_reservation(XENMEM_decrease_reservation, list, 1, 1, DOMID_SELF), 0);
	check_eq("MEM-6", "current_reservation is unchanged", memop_current_pages(), cur);
}

static long exchange(struct xen_memory_exchange *x, xen_pfn_t *in, uint32_t nin, uint32_t oin,
		     xen_pfn_t *out, uint32_t nout, uint32_t oout)
{
	*x = (struct xen_memory_exchange){
		.in = { .nr_extents = nin, .extent_order = oin, .domid = DOMID_SELF },
		.out = { .nr_extents = nout, .extent_order = oout, .domid = DOMID_SELF },
	};
	set_xen_guest_handle(x->in.extent_start, in);
	set_xen_guest_handle(x->out.extent_start, out);
	return hypercall_memory_op(XENMEM_exchange, x);
}

static void trades(struct pt_frame f[2])
{
	struct xen_memory_exchange x;
	long cur = memop_current_pages();
	xen_pfn_t in[2] = { f[0].mfn, f[1].mfn }, out[2] = { f[0].pfn, 0 };

	if (pt_unmap(f[0].va) || pt_unmap(f[1].va))
		return test_error("cannot unmap two frames");
	check_rc("MEM-7", "exchange two frames for an order-1 extent",
		 exchange(&x, in, 2, 0, out, 1, 1), 0);
	check_eq("MEM-7", "nr_exchanged", x.nr_exchanged, 2);
	check("MEM-7", out[0] && !(out[0] & 1) && out[0] != in[0] && out[0] != in[1],
	      "a new, even first frame (%#x)", out[0]);
	check_eq_hex("MEM-7", "m2p of its first frame", machine_to_phys_mapping[out[0]], f[0].pfn);
	check_eq_hex("MEM-7", "m2p of its second frame", machine_to_phys_mapping[out[0] + 1],
		     f[0].pfn + 1);
	check_eq("MEM-7", "current_reservation is unchanged", memop_current_pages(), cur);
	check_eq("MEM-7", "the old frames are gone",
		 memop_reservation(XENMEM_decrease_reservation, in, 2, 0, DOMID_SELF), 0);
	take_run("MEM-7", f, out[0]);

	/* and back: the pair for two single frames */
	in[0] = f[0].mfn;
	out[0] = f[0].pfn;
	out[1] = f[1].pfn;
	check_rc("MEM-7", "exchange a mapped frame", exchange(&x, in, 1, 1, out, 2, 0), -XEN_EINVAL);
	check_eq("MEM-7", "nothing exchanged", x.nr_exchanged, 0);
	check_eq_hex("MEM-7", "and the frame is still there", *(volatile uint32_t *)(uintptr_t)f[0].va,
		     0xa11);
	if (pt_unmap(f[0].va) || pt_unmap(f[1].va))
		return test_error("cannot unmap two frames");
	check_rc("MEM-7", "exchange the order-1 extent for two frames",
		 exchange(&x, in, 1, 1, out, 2, 0), 0);
	check_eq("MEM-7", "nr_exchanged", x.nr_exchanged, 1);
	check_eq_hex("MEM-7", "m2p of the first", machine_to_phys_mapping[out[0]], f[0].pfn);
	check_eq_hex("MEM-7", "m2p of the second", machine_to_phys_mapping[out[1]], f[1].pfn);
	check("MEM-7", memop_adopt(&f[0], out[0]) && memop_adopt(&f[1], out[1]), "both can be mapped");
	check_eq("MEM-7", "current_reservation is unchanged", memop_current_pages(), cur);
}

static void bad_trades(struct pt_frame f[2])
{
	struct xen_memory_exchange x;
	xen_pfn_t in[2] = { f[0].mfn, f[1].mfn }, out[2] = { f[0].pfn, 0 };
	long cur = memop_current_pages();

	*(volatile uint32_t *)(uintptr_t)f[0].va = 0x5eed;
	exchange(&x, in, 2, 0, out, 1, 1);
	x.out.domid = 0;
	check_rc("MEM-7", "in.domid DOMID_SELF, out.domid 0", hypercall_memory_op(XENMEM_exchange, &x),
		 -XEN_EINVAL);
	check_rc("MEM-7", "2 frames for 2 order-1 extents", exchange(&x, in, 2, 0, out, 2, 1),
		 -XEN_EINVAL);
	exchange(&x, in, 2, 0, out, 1, 1);
	x.nr_exchanged = 3;
	check_rc("MEM-7", "nr_exchanged past the end", hypercall_memory_op(XENMEM_exchange, &x),
		 -XEN_EINVAL);
	exchange(&x, in, 2, 0, out, 1, 1);
	x.nr_exchanged = 2;
	check_rc("MEM-7", "nr_exchanged at the end: nothing to do",
		 hypercall_memory_op(XENMEM_exchange, &x), 0);
	check_rc("MEM-7", "frames still mapped", exchange(&x, in, 2, 0, out, 1, 1), -XEN_EINVAL);
	uint32_t foreign = pt_foreign_mfn();
	if (foreign != PT_NONE) {
		xen_pfn_t other[1] = { foreign };
		check_rc("MEM-7", "a frame not the domain's", exchange(&x, other, 1, 0, out, 1, 0),
			 -XEN_EINVAL);
	}
	xen_pfn_t top[1] = { pt_max_ram_mfn() + 1 };
	check_rc("MEM-7", "a frame beyond RAM", exchange(&x, top, 1, 0, out, 1, 0), -XEN_EINVAL);
	check_rc("MEM-7", "order 19 in", exchange(&x, in, 1, 19, out, 1, 19), -XEN_EPERM);
	check_rc("MEM-7", "order 19 out (from two of order 18)", exchange(&x, in, 2, 18, out, 1, 19),
		 -XEN_EPERM);
	exchange(&x, in, 1, 0, out, 1, 0);
	x.in.domid = x.out.domid = 1;
	check_rc("MEM-7", "domain 1 (there is none)", hypercall_memory_op(XENMEM_exchange, &x),
		 -XEN_ESRCH);
	exchange(&x, in, 1, 0, out, 1, 0);
	check_rc("MEM-7", "start bits in cmd", hypercall_memory_op(XENMEM_exchange | (1u << 6), &x),
		 -XEN_EINVAL);
	check_rc("MEM-7", "the struct at NULL", hypercall_memory_op(XENMEM_exchange, 0), -XEN_EFAULT);
	check_rc("MEM-7", "the struct in the hole",
		 hypercall_memory_op(XENMEM_exchange, (void *)0xff000000u), -XEN_EFAULT);
	check_rc("MEM-7", "the input list at NULL", exchange(&x, 0, 1, 0, out, 1, 0), -XEN_EFAULT);
	check_eq("MEM-7", "current_reservation is unchanged", memop_current_pages(), cur);
	check_eq_hex("MEM-7", "the frames are still there",
		     *(volatile uint32_t *)(uintptr_t)f[0].va, 0x5eed);
}

void test_main(void)
{
	struct pt_frame f[2];

	if (!pt_alloc_frames(f, 2))
		return;
	f[1] = (struct pt_frame){ f[0].va + 4096, f[0].pfn + 1, pt_pfn_to_mfn(f[0].pfn + 1) };
	orders(f);
	trades(f);
	bad_trades(f);
	test_success();
}
