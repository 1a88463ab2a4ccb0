/* XENMEM_exchange: trade a domain's extents for new ones of another order
 * (many single frames for one machine-contiguous extent, what a driver
 * needs for DMA, or the other way), as Xen does: a chunk at a time, a
 * chunk being the input extents that make one output extent or the one
 * that makes several. A chunk is traded whole or not at all;
 * nr_exchanged counts the input extents traded and is where a continued
 * call goes on.
 *
 * ringlet takes each chunk's new frames as one run of the chunk's size,
 * even when the output extents are smaller than the input ones: one
 * search, one piece of work under way (d->extent). */
#include "hypercall/hypercall.h"
#include "hypercall/budget.h"
#include "hypercall/extent.h"
#include "hypercall/memop.h"
#include "arch/x86/pv/m2p.h"
#include "arch/x86/uaccess.h"
#include "mm/mm.h"
#include "sched/sched.h"

struct chunk {
	uint32_t in_order, out_order;   /* chunk sizes, as orders of extents */
	uint32_t order;                 /* the chunk's size, an order of frames */
};

/* A frame d may trade: its own, held only by its allocation. */
static bool tradeable(const struct domain *d, uint64_t mfn)
{
	if (mfn >= frame_table.nr)
		return false;
	const struct frame *f = &frame_table.f[mfn];
	return f->owner == d->domid && f->count == 1 && !(f->type_info & FT_COUNT_MASK) &&
	       (f->flags & (FRAME_RAM | FRAME_FREE | FRAME_SHARED | FRAME_ALLOCATED |
			    FRAME_GIVEN_BACK)) == (FRAME_RAM | FRAME_ALLOCATED);
}

/* All frames of chunk c's input extents tradeable: 0, or an error. */
static int check_in(const struct domain *d, const struct xen_memory_exchange *x,
		    const struct chunk *k, uint32_t c)
{
	for (uint32_t e = 0; e < 1u << k->in_order; e++) {
		xen_pfn_t gmfn;
		uint32_t idx = (c << k->in_order) + e;
		if (copy_from_guest(&gmfn, guest_ptr_add(x->in.extent_start, idx, sizeof(gmfn)),
				    sizeof(gmfn)) < 0)
			return -XEN_EFAULT;
		for (uint64_t j = 0; j < 1ull << x->in.extent_order; j++)
			if (!tradeable(d, (uint64_t)gmfn + j))
				return -XEN_EINVAL;
		budget_charge(1u << x->in.extent_order);
	}
	return 0;
}

/* The input frames, checked by check_in, go as decrease_reservation's
 * would. */
static void release_in(struct domain *d, const struct xen_memory_exchange *x,
		       const struct chunk *k, uint32_t c)
{
	for (uint32_t e = 0; e < 1u << k->in_order; e++) {
		xen_pfn_t gmfn;
		if (copy_from_guest(&gmfn, guest_ptr_add(x->in.extent_start, (c << k->in_order) + e,
							 sizeof(gmfn)), sizeof(gmfn)) < 0)
			continue;     /* cannot be: check_in has just read it */
		extent_free(d, gmfn, x->in.extent_order);
		for (uint32_t j = 0; j < 1u << x->in.extent_order; j++)
			m2p_set(gmfn + j, INVALID_M2P_ENTRY);
	}
}

/* The output extents of chunk c, from the run at first: their pfns read
 * from out.extent_start, their frames written back there. */
static int hand_out(const struct xen_memory_exchange *x, const struct chunk *k, uint32_t c,
		    uint32_t first)
{
	for (uint32_t e = 0; e < 1u << k->out_order; e++) {
		guest_ptr_t slot = guest_ptr_add(x->out.extent_start, (c << k->out_order) + e,
						 sizeof(xen_pfn_t));
		xen_pfn_t gpfn, mfn = first + (e << x->out.extent_order);
		if (copy_from_guest(&gpfn, slot, sizeof(gpfn)) < 0)
			return -XEN_EFAULT;
		for (uint32_t j = 0; j < 1u << x->out.extent_order; j++)
			m2p_set(mfn + j, gpfn + j);
		if (copy_to_guest(slot, &mfn, sizeof(mfn)) < 0)
			return -XEN_EFAULT;
	}
	return 0;
}

/* Traded, but the new frames could not all be written back. */
#define TRADED_BUT_EFAULT 2

/* Trade chunk c: 1 done, 0 not yet (continue), or an error. */
static int trade(struct domain *d, const struct xen_memory_exchange *x, const struct chunk *k,
		 uint32_t c)
{
	xen_pfn_t gpfn;
	uint32_t first;

	int rc = check_in(d, x, k, c);
	if (rc < 0)
		return rc;
	/* Every output slot must be readable and writable before anything is
	 * traded: each is read and written back unchanged. */
	for (uint32_t e = 0; e < 1u << k->out_order; e++) {
		guest_ptr_t slot = guest_ptr_add(x->out.extent_start, (c << k->out_order) + e,
						 sizeof(gpfn));
		if (copy_from_guest(&gpfn, slot, sizeof(gpfn)) < 0 ||
		    copy_to_guest(slot, &gpfn, sizeof(gpfn)) < 0)
			return -XEN_EFAULT;
	}
	rc = extent_alloc(d, k->order, UINT32_MAX, false, &first);
	if (rc <= 0)
		return rc < 0 ? 0 : -XEN_ENOMEM;
	/* The input may have changed while the run was zeroed. */
	rc = check_in(d, x, k, c);
	if (rc < 0) {
		extent_free(d, first, k->order);
		return rc;
	}
	release_in(d, x, k, c);
	return hand_out(x, k, c, first) < 0 ? TRADED_BUT_EFAULT : 1;
}

/* Xen's checks, in its order: -XEN_EINVAL for lists that do not match. */
static int check(const struct xen_memory_exchange *x)
{
	if (x->nr_exchanged > x->in.nr_extents || x->in.domid != x->out.domid ||
	    x->in.extent_order >= 32 || x->out.extent_order >= 32)
		return -XEN_EINVAL;
	/* nr_exchanged goes on at a chunk's start: Xen's compat entry
	 * refuses one in the middle of a chunk. */
	if (x->out.extent_order > x->in.extent_order &&
	    x->nr_exchanged & ((1u << (x->out.extent_order - x->in.extent_order)) - 1))
		return -XEN_EINVAL;
	uint64_t in = (uint64_t)x->in.nr_extents << x->in.extent_order;
	uint64_t out = (uint64_t)x->out.nr_extents << x->out.extent_order;
	return in != out || in > UINT32_MAX ? -XEN_EINVAL : 0;
}

static int32_t finish(guest_ptr_t arg, struct xen_memory_exchange *x, int32_t rc)
{
	guest_ptr_t field = guest_ptr_add(arg, offsetof(struct xen_memory_exchange, nr_exchanged), 1);

	if (copy_to_guest(field, &x->nr_exchanged, sizeof(x->nr_exchanged)) < 0)
		return -XEN_EFAULT;
	return rc;
}

int32_t memory_exchange(guest_ptr_t arg)
{
	struct xen_memory_exchange x;
	struct domain *d;

	if (copy_from_guest(&x, arg, sizeof(x)) < 0)
		return -XEN_EFAULT;
	int rc = check(&x);
	if (rc < 0)
		return finish(arg, &x, rc);
	if (x.nr_exchanged == x.in.nr_extents)
		return finish(arg, &x, 0);
	rc = memop_target(x.in.domid, &d);
	if (rc < 0)
		return finish(arg, &x, rc);
	/* Both lists where the guest may write, before any of them is used
	 * (XSA-212). */
	if (!guest_array_ok(x.in.extent_start, x.in.nr_extents, sizeof(xen_pfn_t)) ||
	    !guest_array_ok(x.out.extent_start, x.out.nr_extents, sizeof(xen_pfn_t)))
		return finish(arg, &x, -XEN_EFAULT);
	uint32_t max = extent_max_order(current->d);
	if (x.in.extent_order > max || x.out.extent_order > max)
		return finish(arg, &x, -XEN_EPERM);
	struct chunk k = { 0, 0, x.in.extent_order };
	if (x.out.extent_order > x.in.extent_order) {
		k.in_order = x.out.extent_order - x.in.extent_order;
		k.order = x.out.extent_order;
	} else {
		k.out_order = x.in.extent_order - x.out.extent_order;
	}
	uint32_t first = x.nr_exchanged >> k.in_order, end = x.in.nr_extents >> k.in_order;
	for (uint32_t c = first; c < end; c++) {
		rc = (c == first || !budget_spent()) ? trade(d, &x, &k, c) : 0;
		if (rc == TRADED_BUT_EFAULT) {
			x.nr_exchanged = (c + 1) << k.in_order;
			return finish(arg, &x, -XEN_EFAULT);
		}
		if (rc < 0)
			return finish(arg, &x, rc);
		if (rc == 0) {
			if (finish(arg, &x, 0) < 0)
				return -XEN_EFAULT;
			return hypercall_continue(__HYPERVISOR_memory_op, XENMEM_exchange,
						  guest_ptr_va(arg), 0, 0, 0);
		}
		x.nr_exchanged = (c + 1) << k.in_order;
	}
	return finish(arg, &x, 0);
}
