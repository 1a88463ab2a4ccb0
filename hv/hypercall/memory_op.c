/* __HYPERVISOR_memory_op (12): a domain's memory. Reservations change which
 * frames it owns, an extent of 2^order machine-contiguous frames at a time
 * (hypercall/extent.c); exchange trades them (memory_exchange.c); the rest
 * answers questions about its memory and the machine's.
 * Long reservation requests continue, with the extent reached kept in the
 * command's upper bits as Xen does. */
#include "hypercall/hypercall.h"
#include "hypercall/budget.h"
#include "hypercall/extent.h"
#include "hypercall/memop.h"
#include "arch/arch.h"
#include "arch/x86/pv/m2p.h"
#include "arch/x86/pv/pagetype.h"
#include "arch/x86/uaccess.h"
#include "domain/domain.h"
#include "mm/mm.h"
#include "pvabi/memory.h"
#include "pvabi/shared_info.h"
#include "sched/sched.h"

extern const struct bootinfo *boot_info;

/* The domain a request names: itself, or (privileged callers only) another;
 * as on Xen, a domain that is not there is -ESRCH for everyone. */
int memop_target(domid_t id, struct domain **out)
{
	struct domain *me = current->d;

	if (id == DOMID_SELF || id == me->domid) {
		*out = me;
		return 0;
	}
	*out = domain_by_id(id);
	if (!*out)
		return -XEN_ESRCH;
	return me->privileged ? 0 : -XEN_EPERM;
}

int memop_remote(domid_t id, struct domain **out)
{
	*out = id < DOMID_FIRST_RESERVED ? domain_by_id(id) : NULL;
	if (!*out)
		return -XEN_ESRCH;
	return *out == current->d ? -XEN_EPERM : 0;
}

/* Give back a frame the domain was given: mappings of it keep it alive
 * until they go. A frame given back already but still alive is the
 * domain's all the same: Xen counts it done again, and so does this. */
static bool give_back(struct domain *d, uint32_t mfn)
{
	if (mfn >= frame_table.nr)
		return false;
	struct frame *f = &frame_table.f[mfn];
	if (f->owner != d->domid || !f->count ||
	    (f->flags & (FRAME_RAM | FRAME_FREE | FRAME_SHARED)) != FRAME_RAM)
		return false;
	if (!(f->flags & FRAME_ALLOCATED))
		return true;
	if (f->type_info & FT_PINNED) {
		f->type_info &= ~FT_PINNED;
		put_page_and_type(mfn);
	}
	f->flags &= ~FRAME_ALLOCATED;
	m2p_set(mfn, INVALID_M2P_ENTRY);
	d->tot_pages--;
	/* Still mapped: it counts in the domain's size until it is freed
	 * (frame_release), as on Xen. */
	if (f->count > 1) {
		f->flags |= FRAME_GIVEN_BACK;
		d->given_back_live++;
	}
	put_page(mfn);
	return true;
}

/* The frame an extent must end below for mem_flags' address bits, as Xen
 * reads them: 0 (none) or at least the machine's width is no limit. */
static uint64_t frames_below(uint32_t mem_flags)
{
	uint32_t bits = XENMEMF_get_address_bits(mem_flags);
	if (bits == 0 || bits >= 44)
		return UINT64_MAX;
	return bits <= PAGE_SHIFT ? 0 : 1ull << (bits - PAGE_SHIFT);
}

/* Give back the 2^order frames from in: all of them, or the extent is not
 * done (those before the one that failed are gone, as on Xen). */
static bool give_back_extent(struct domain *d, xen_pfn_t in, uint32_t order)
{
	for (uint64_t j = 0; j < 1ull << order; j++)
		if ((uint64_t)in + j >= frame_table.nr || !give_back(d, in + (uint32_t)j))
			return false;
	budget_charge((1u << order) - 1);
	return true;
}

/* A new extent for op: 1 (*mfn), 0 when there is none, -1 to go on later. */
static int new_extent(struct domain *d, const struct xen_memory_reservation *r, uint32_t *mfn)
{
	uint64_t below = frames_below(r->mem_flags);

	if (r->extent_order)
		return extent_alloc(d, r->extent_order, below > UINT32_MAX ? UINT32_MAX : (uint32_t)below,
				    true, mfn);
	if (domain_pages(d) >= d->max_pages || domain_alloc_frames(d, 1, mfn) != 1)
		return 0;
	if (*mfn >= below) {
		give_back(d, *mfn);
		return 0;
	}
	return 1;
}

/* One extent of op: 1 done, 0 stops the request there, -1 goes on later. */
static int one_extent(uint32_t op, struct domain *d, const struct xen_memory_reservation *r,
		      uint32_t i)
{
	guest_ptr_t slot = guest_ptr_add(r->extent_start, i, sizeof(xen_pfn_t));
	xen_pfn_t in = 0, mfn;
	uint32_t n = 1u << r->extent_order;

	if (op != XENMEM_increase_reservation && copy_from_guest(&in, slot, sizeof(in)) < 0)
		return 0;
	if (op == XENMEM_decrease_reservation)
		return give_back_extent(d, in, r->extent_order);
	int rc = new_extent(d, r, &mfn);
	if (rc <= 0)
		return rc;
	if (!guest_ptr_is_null(r->extent_start) && copy_to_guest(slot, &mfn, sizeof(mfn)) < 0) {
		extent_free(d, mfn, r->extent_order);
		return 0;
	}
	if (op == XENMEM_populate_physmap)
		for (uint32_t j = 0; j < n; j++)
			m2p_set(mfn + j, in + j);
	return 1;
}

/* As Xen's 32-bit entry, the reservation commands never fail as a whole:
 * whatever stops them (a reservation that cannot be read, a count too big
 * to continue, a domain that is not there, an order above what the caller
 * may have) comes back as the number of extents done. a3-a5 are kept for
 * the continuation: they are not arguments. */
static int32_t reservation(uint32_t op, uint32_t start, guest_ptr_t arg, uint32_t a3,
			   uint32_t a4, uint32_t a5)
{
	struct xen_memory_reservation r;
	struct domain *d;

	if (copy_from_guest(&r, arg, sizeof(r)) < 0 ||
	    r.nr_extents > (UINT32_MAX >> MEMOP_EXTENT_SHIFT) || start >= r.nr_extents ||
	    memop_target(r.domid, &d) < 0 || r.extent_order > extent_max_order(current->d))
		return (int32_t)start;
	uint32_t i;
	for (i = start; i < r.nr_extents; i++) {
		int rc = 0;
		if (i == start || !budget_spent()) {
			budget_charge(PAGE_SIZE / 64);   /* a frame scrubbed or given back */
			rc = one_extent(op, d, &r, i);
			if (rc > 0)
				continue;
			if (rc == 0)
				break;
		}
		return hypercall_continue(__HYPERVISOR_memory_op, op | (i << MEMOP_EXTENT_SHIFT),
					  guest_ptr_va(arg), a3, a4, a5);
	}
	return (int32_t)i;
}

/* The commands that take a domid_t. */
static int32_t domain_size(uint32_t op, guest_ptr_t arg)
{
	domid_t id;
	struct domain *d;

	if (copy_from_guest(&id, arg, sizeof(id)) < 0)
		return -XEN_EFAULT;
	int rc = memop_target(id, &d);
	if (rc < 0)
		return rc;
	if (op == XENMEM_current_reservation)
		return (int32_t)domain_pages(d);
	if (op == XENMEM_maximum_reservation)
		return (int32_t)d->max_pages;
	/* maximum_gpfn: what the guest put in arch.max_pfn (the size of its
	 * p2m), less one. */
	uint32_t max_pfn = d->shared_info->arch.max_pfn;
	return (int32_t)((max_pfn ? max_pfn : 1) - 1);
}

/* A PV guest's pseudo-physical map: the one set_memory_map gave it, else
 * RAM from 0 up to its maximum. Xen keeps none for its initial domain until
 * one is set: it reads the machine's map instead. */
static int32_t memory_map(guest_ptr_t arg)
{
	struct domain *d = current->d;
	struct xen_memory_map map;
	struct pv_e820_entry ram = { .addr = 0, .type = PV_E820_RAM };
	const struct pv_e820_entry *e = d->e820;
	uint32_t n = d->nr_e820;

	if (copy_from_guest(&map, arg, sizeof(map)) < 0)
		return -XEN_EFAULT;
	if (!n) {
		if (d->privileged)
			return -XEN_ENOSYS;
		ram.size = (uint64_t)d->max_pages << PAGE_SHIFT;
		e = &ram;
		n = 1;
	}
	if (map.nr_entries > n)
		map.nr_entries = n;
	if ((map.nr_entries &&
	     copy_to_guest(map.buffer, e, (size_t)map.nr_entries * sizeof(*e)) < 0) ||
	    copy_to_guest(arg, &map, sizeof(map)) < 0)
		return -XEN_EFAULT;
	return 0;
}

/* As Xen: a NULL buffer asks for the number of entries only; a buffer needs
 * room for one entry more than there are. */
static int32_t machine_memory_map(guest_ptr_t arg)
{
	struct xen_memory_map map;

	if (!current->d->privileged)
		return -XEN_EPERM;
	if (copy_from_guest(&map, arg, sizeof(map)) < 0)
		return -XEN_EFAULT;
	uint32_t n = boot_info->nr_ranges;
	if (!guest_ptr_is_null(map.buffer)) {
		if (map.nr_entries < n + 1)
			return -XEN_EINVAL;
		for (uint32_t i = 0; i < n; i++) {
			const struct mem_range *m = &boot_info->ranges[i];
			struct pv_e820_entry e = { .addr = m->start, .size = m->end - m->start,
						   .type = m->type };
			if (copy_to_guest(guest_ptr_add(map.buffer, i, sizeof(e)), &e, sizeof(e)) < 0)
				return -XEN_EFAULT;
		}
	}
	map.nr_entries = n;
	return copy_to_guest(arg, &map, sizeof(map)) < 0 ? -XEN_EFAULT : 0;
}

HYPERCALL(memory_op)
{
	uint32_t op = a1 & MEMOP_CMD_MASK, start = a1 >> MEMOP_EXTENT_SHIFT;
	guest_ptr_t arg = guest_ptr(a2);

	switch (op) {
	case XENMEM_exchange:
		return start ? -XEN_EINVAL : memory_exchange(arg);
	case XENMEM_increase_reservation:
	case XENMEM_decrease_reservation:
	case XENMEM_populate_physmap:
		return reservation(op, start, arg, a3, a4, a5);
	case XENMEM_current_reservation:
	case XENMEM_maximum_reservation:
	case XENMEM_maximum_gpfn:
		return start ? -XEN_EINVAL : domain_size(op, arg);
	case XENMEM_maximum_ram_page:
		/* Xen's max_page: one more than the highest frame. */
		return start ? -XEN_EINVAL : (int32_t)frame_table.nr;
	case XENMEM_add_to_physmap:
		return add_to_physmap(start, arg);
	case XENMEM_add_to_physmap_batch:
		return add_to_physmap_batch(start, arg);
	case XENMEM_remove_from_physmap:
		return remove_from_physmap(start, arg);
	case XENMEM_access_op:
		return access_op(arg);
	case XENMEM_get_vnumainfo:
		return get_vnumainfo(start, arg);
	case XENMEM_reserved_device_memory_map:
		return reserved_device_memory_map(start, arg);
	case XENMEM_acquire_resource:
		return acquire_resource(arg);
	}
	/* The rest are looked up by the whole cmd, as Xen does. */
	switch (a1) {
	case XENMEM_get_sharing_freed_pages:
	case XENMEM_get_sharing_shared_pages:
		return 0;          /* ringlet shares no frames between domains' memory */
	case XENMEM_memory_map:
		return memory_map(arg);
	case XENMEM_machine_memory_map:
		return machine_memory_map(arg);
	case XENMEM_set_memory_map:
		return set_memory_map(arg);
	case XENMEM_machphys_mfn_list:
	case XENMEM_machphys_compat_mfn_list:
		return machphys_mfn_list(arg);
	case XENMEM_set_pod_target:
	case XENMEM_get_pod_target:
		return pod_target(arg);
	case XENMEM_machphys_mapping: {
		struct xen_machphys_mapping m = {
			.v_start = RO_M2P_START, .v_end = RO_M2P_END,
			.max_mfn = (RO_M2P_END - RO_M2P_START) / 4 - 1,
		};
		return copy_to_guest(arg, &m, sizeof(m)) < 0 ? -XEN_EFAULT : 0;
	}
	default:
		return -XEN_ENOSYS;
	}
}
