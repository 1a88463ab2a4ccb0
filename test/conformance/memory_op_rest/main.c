/* memory_op_rest: the memory_op commands a pv32 guest meets beyond
 * reservations and maps: the m2p's frames, the physmap commands, a memory
 * map set, the HVM-only commands, vNUMA, reserved device memory, resources.
 *
 * Rules checked:
 *   MEM-8  machphys_mfn_list and machphys_compat_mfn_list give the same
 *          frames, one per 2 MiB of the m2p up to max_page entries, no more
 *          than max_extents; an unwritable list or struct is -EFAULT; start
 *          bits in cmd are -ENOSYS
 *   MEM-9  add_to_physmap, add_to_physmap_batch and remove_from_physmap are
 *          -EACCES for a PV domain (after -EFAULT, -EDOM for start bits
 *          past 16 bits, -ENOSYS for a foreign space, -EOPNOTSUPP for a
 *          range in a batch, -ESRCH for no such domain; remove: -EINVAL
 *          for start bits)
 *   MEM-10 set_memory_map sets the map memory_map gives (cut to the room
 *          given); more than 1024 entries is -EINVAL, no such domain
 *          -ESRCH, an unreadable map -EFAULT; an empty one drops it
 *   MEM-11 set_pod_target and get_pod_target are -EINVAL for a PV domain,
 *          -ESRCH for none; start bits are -ENOSYS
 *   MEM-12 access_op: the caller by its id is -EPERM, DOMID_SELF or no
 *          such domain -ESRCH, another PV domain -EINVAL
 *   MEM-13 get_vnumainfo: -EOPNOTSUPP (no vNUMA); a nonzero pad or start
 *          bits -EINVAL, no such domain -ESRCH
 *   MEM-14 reserved_device_memory_map: no entries (no IOMMU); unknown
 *          flags or start bits -EINVAL, a buffer reaching the hole -EFAULT
 *   MEM-15 acquire_resource: a nonzero pad -EINVAL, the caller by its id
 *          -EPERM, DOMID_SELF or no such domain -ESRCH; another domain:
 *          -EPERM unprivileged, -EOPNOTSUPP privileged (ringlet maps no
 *          resources)
 *   MEM-16 paging_op, sharing_op and claim_pages are -ENOSYS, whatever the
 *          argument (Xen 4.17 as built for the referee has them compiled
 *          out, and answers so)
 *
 * With "peer=N port=P" on its command line the domain also checks the
 * commands against domain N (ringlet only: the referee runs one domain);
 * the two meet on port P of the privileged one first.
 */
#include "guest.h"
#include "cmdline.h"
#include "evtchn.h"
#include "platform.h"
#include "pvabi/memory.h"

const char test_title[] = "memory_op_rest: the m2p's frames, physmap commands, memory maps set, "
			  "HVM-only commands, vNUMA, reserved device memory, resources";

#define NO_DOMAIN 0x7000
#define START1 (1u << 6)                  /* start bits: extent 1 */

static domid_t self_id;
static bool privileged;

static long memop(uint32_t cmd, const void *arg)
{
	return hypercall_memory_op(cmd, (void *)(uintptr_t)arg);
}

/* Our own domain id: the far end alloc_unbound records for DOMID_SELF. */
static domid_t own_id(void)
{
	struct evtchn_alloc_unbound a = { .dom = DOMID_SELF, .remote_dom = DOMID_SELF };
	struct evtchn_status s = { .dom = DOMID_SELF };
	if (evtchn_op(EVTCHNOP_alloc_unbound, &a) < 0)
		return DOMID_SELF;
	s.port = a.port;
	evtchn_op(EVTCHNOP_status, &s);
	struct evtchn_close c = { .port = a.port };
	evtchn_op(EVTCHNOP_close, &c);
	return s.u.unbound.dom;
}

static void m2p_frames(void)
{
	static xen_pfn_t a[16], b[16];
	long max_page = memop(XENMEM_maximum_ram_page, NULL);
	uint32_t want = (uint32_t)(((uint64_t)max_page * 4 + (2u << 20) - 1) >> 21);
	struct xen_machphys_mfn_list l = { .max_extents = 16 };

	set_xen_guest_handle(l.extent_start, a);
	check_rc("MEM-8", "machphys_mfn_list", memop(XENMEM_machphys_mfn_list, &l), 0);
	check_eq("MEM-8", "entries (one per 2 MiB of max_page entries)", l.nr_extents,
		 want < 16 ? want : 16);
	uint32_t n = l.nr_extents;
	bool nonzero = n > 0;
	for (uint32_t i = 0; i < n; i++)
		nonzero = nonzero && a[i] != 0;
	check("MEM-8", nonzero, "every entry names a frame (first %#x)", (unsigned)a[0]);
	set_xen_guest_handle(l.extent_start, b);
	check_rc("MEM-8", "machphys_compat_mfn_list", memop(XENMEM_machphys_compat_mfn_list, &l), 0);
	bool same = l.nr_extents == n;
	for (uint32_t i = 0; same && i < n; i++)
		same = a[i] == b[i];
	check("MEM-8", same, "the same %u frames", l.nr_extents);
	l.max_extents = 1;
	check_rc("MEM-8", "with room for one", memop(XENMEM_machphys_mfn_list, &l), 0);
	check_eq("MEM-8", "entries", l.nr_extents, 1);
	l.max_extents = 0;
	check_rc("MEM-8", "with room for none", memop(XENMEM_machphys_mfn_list, &l), 0);
	check_eq("MEM-8", "entries", l.nr_extents, 0);
	l.max_extents = 4;
	set_xen_guest_handle(l.extent_start, (xen_pfn_t *)0xff000000);
	check_rc("MEM-8", "a list in the hole", memop(XENMEM_machphys_mfn_list, &l), -XEN_EFAULT);
	check_rc("MEM-8", "its struct at NULL", memop(XENMEM_machphys_mfn_list, NULL), -XEN_EFAULT);
	set_xen_guest_handle(l.extent_start, a);
	check_rc("MEM-8", "start bits in cmd", memop(XENMEM_machphys_mfn_list | START1, &l),
		 -XEN_ENOSYS);
}

static void physmap(void)
{
	struct xen_add_to_physmap x = { .domid = DOMID_SELF, .space = XENMAPSPACE_shared_info,
					 .gpfn = 0x1000 };
	check_rc("MEM-9", "add_to_physmap(shared_info)", memop(XENMEM_add_to_physmap, &x), -XEN_EACCES);
	x.domid = self_id;
	x.space = XENMAPSPACE_grant_table;
	check_rc("MEM-9", "add_to_physmap(grant_table) naming our id", memop(XENMEM_add_to_physmap, &x),
		 -XEN_EACCES);
	x.space = XENMAPSPACE_gmfn_foreign;
	check_rc("MEM-9", "add_to_physmap(gmfn_foreign)", memop(XENMEM_add_to_physmap, &x), -XEN_ENOSYS);
	x.space = XENMAPSPACE_gmfn;
	x.domid = NO_DOMAIN;
	check_rc("MEM-9", "add_to_physmap for no domain", memop(XENMEM_add_to_physmap, &x), -XEN_ESRCH);
	x.domid = DOMID_SELF;
	check_rc("MEM-9", "add_to_physmap, start 2^16", memop(XENMEM_add_to_physmap | (0x10000u << 6), &x),
		 -XEN_EDOM);
	check_rc("MEM-9", "add_to_physmap at NULL", memop(XENMEM_add_to_physmap, NULL), -XEN_EFAULT);

	static uint32_t idxs[2], gpfns[2] = { 0x1000, 0x1001 };
	static int errs[2];
	struct xen_add_to_physmap_batch b = { .domid = DOMID_SELF, .space = XENMAPSPACE_gmfn, .size = 2 };
	set_xen_guest_handle(b.idxs, idxs);
	set_xen_guest_handle(b.gpfns, gpfns);
	set_xen_guest_handle(b.errs, errs);
	check_rc("MEM-9", "add_to_physmap_batch(gmfn)", memop(XENMEM_add_to_physmap_batch, &b), -XEN_EACCES);
	b.space = XENMAPSPACE_gmfn_range;
	check_rc("MEM-9", "add_to_physmap_batch(gmfn_range)", memop(XENMEM_add_to_physmap_batch, &b),
		 -XEN_EOPNOTSUPP);
	b.space = XENMAPSPACE_gmfn;
	b.domid = NO_DOMAIN;
	check_rc("MEM-9", "add_to_physmap_batch for no domain", memop(XENMEM_add_to_physmap_batch, &b),
		 -XEN_ESRCH);
	b.domid = DOMID_SELF;
	set_xen_guest_handle(b.idxs, NULL);
	check_rc("MEM-9", "add_to_physmap_batch with idxs at NULL", memop(XENMEM_add_to_physmap_batch, &b),
		 -XEN_EFAULT);
	check_rc("MEM-9", "add_to_physmap_batch at NULL", memop(XENMEM_add_to_physmap_batch, NULL),
		 -XEN_EFAULT);

	struct xen_remove_from_physmap r = { .domid = DOMID_SELF, .gpfn = 0 };
	check_rc("MEM-9", "remove_from_physmap", memop(XENMEM_remove_from_physmap, &r), -XEN_EACCES);
	check_rc("MEM-9", "remove_from_physmap, start bits", memop(XENMEM_remove_from_physmap | START1, &r),
		 -XEN_EINVAL);
	r.domid = NO_DOMAIN;
	check_rc("MEM-9", "remove_from_physmap for no domain", memop(XENMEM_remove_from_physmap, &r),
		 -XEN_ESRCH);
	check_rc("MEM-9", "remove_from_physmap at NULL", memop(XENMEM_remove_from_physmap, NULL),
		 -XEN_EFAULT);
}

static long set_map(domid_t dom, struct pv_e820_entry *e, uint32_t n)
{
	struct xen_foreign_memory_map f = { .domid = dom, .map = { .nr_entries = n } };
	set_xen_guest_handle(f.map.buffer, e);
	return memop(XENMEM_set_memory_map, &f);
}

static void memory_maps(void)
{
	static struct pv_e820_entry in[2] = {
		{ .addr = 0, .size = 0x9f000, .type = PV_E820_RAM },
		{ .addr = 0x100000, .size = 0xf00000, .type = PV_E820_RESERVED },
	}, out[4];
	struct xen_memory_map m = { .nr_entries = 4 };

	set_xen_guest_handle(m.buffer, out);
	check_rc("MEM-10", "set_memory_map of 2 entries", set_map(DOMID_SELF, in, 2), 0);
	check_rc("MEM-10", "memory_map", memop(XENMEM_memory_map, &m), 0);
	check_eq("MEM-10", "its entries", m.nr_entries, 2);
	check("MEM-10", out[0].size == in[0].size && out[1].addr == in[1].addr &&
	      out[1].type == PV_E820_RESERVED, "they are the ones set");
	m.nr_entries = 1;
	check_rc("MEM-10", "memory_map with room for one", memop(XENMEM_memory_map, &m), 0);
	check_eq("MEM-10", "its entries", m.nr_entries, 1);
	check_rc("MEM-10", "set_memory_map of 1025 entries", set_map(DOMID_SELF, in, 1025), -XEN_EINVAL);
	check_rc("MEM-10", "set_memory_map for no domain", set_map(NO_DOMAIN, in, 2), -XEN_ESRCH);
	check_rc("MEM-10", "set_memory_map from the hole", set_map(DOMID_SELF, (void *)0xff000000, 2),
		 -XEN_EFAULT);
	check_rc("MEM-10", "set_memory_map at NULL", memop(XENMEM_set_memory_map, NULL), -XEN_EFAULT);
	check_rc("MEM-10", "set_memory_map, start bits", memop(XENMEM_set_memory_map | START1, NULL),
		 -XEN_ENOSYS);
	check_rc("MEM-10", "an empty map", set_map(DOMID_SELF, in, 0), 0);
	m.nr_entries = 4;
	long rc = memop(XENMEM_memory_map, &m);
	if (privileged)
		check_rc("MEM-10", "memory_map after it (the initial domain's: none)", rc, -XEN_ENOSYS);
	else
		check("MEM-10", rc == 0 && m.nr_entries == 1 && out[0].type == PV_E820_RAM,
		      "memory_map after it: one RAM range again (%ld, %u)", rc, m.nr_entries);
}

static void hvm_only(void)
{
	struct xen_pod_target t = { .domid = DOMID_SELF };
	check_rc("MEM-11", "get_pod_target", memop(XENMEM_get_pod_target, &t), -XEN_EINVAL);
	check_rc("MEM-11", "set_pod_target", memop(XENMEM_set_pod_target, &t), -XEN_EINVAL);
	t.domid = NO_DOMAIN;
	check_rc("MEM-11", "get_pod_target for no domain", memop(XENMEM_get_pod_target, &t), -XEN_ESRCH);
	check_rc("MEM-11", "set_pod_target at NULL", memop(XENMEM_set_pod_target, NULL), -XEN_EFAULT);
	check_rc("MEM-11", "get_pod_target, start bits", memop(XENMEM_get_pod_target | START1, &t),
		 -XEN_ENOSYS);

	struct xen_mem_access_op a = { .domid = DOMID_SELF };
	check_rc("MEM-12", "access_op for DOMID_SELF", memop(XENMEM_access_op, &a), -XEN_ESRCH);
	a.domid = self_id;
	check_rc("MEM-12", "access_op naming our id", memop(XENMEM_access_op, &a), -XEN_EPERM);
	a.domid = NO_DOMAIN;
	check_rc("MEM-12", "access_op for no domain", memop(XENMEM_access_op, &a), -XEN_ESRCH);
	check_rc("MEM-12", "access_op at NULL", memop(XENMEM_access_op, NULL), -XEN_EFAULT);
}

static void compiled_out(void)
{
	static const struct { uint32_t cmd; const char *name; } ops[] = {
		{ XENMEM_paging_op, "paging_op" },
		{ XENMEM_sharing_op, "sharing_op" },
		{ XENMEM_claim_pages, "claim_pages" },
	};
	struct xen_memory_reservation r = { .nr_extents = 1, .domid = DOMID_SELF };
	char what[64];

	for (unsigned i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		format(what, sizeof(what), "%s at NULL", ops[i].name);
		check_rc("MEM-16", what, memop(ops[i].cmd, NULL), -XEN_ENOSYS);
		format(what, sizeof(what), "%s with a reservation", ops[i].name);
		check_rc("MEM-16", what, memop(ops[i].cmd, &r), -XEN_ENOSYS);
	}
}

static void vnuma_and_rdm(void)
{
	struct xen_vnuma_topology_info v = { .domid = DOMID_SELF, .nr_vnodes = 1, .nr_vcpus = 1,
					     .nr_vmemranges = 1 };
	check_rc("MEM-13", "get_vnumainfo", memop(XENMEM_get_vnumainfo, &v), -XEN_EOPNOTSUPP);
	v.pad = 1;
	check_rc("MEM-13", "get_vnumainfo with pad 1", memop(XENMEM_get_vnumainfo, &v), -XEN_EINVAL);
	v.pad = 0;
	check_rc("MEM-13", "get_vnumainfo, start bits", memop(XENMEM_get_vnumainfo | START1, &v),
		 -XEN_EINVAL);
	v.domid = NO_DOMAIN;
	check_rc("MEM-13", "get_vnumainfo for no domain", memop(XENMEM_get_vnumainfo, &v), -XEN_ESRCH);
	check_rc("MEM-13", "get_vnumainfo at NULL", memop(XENMEM_get_vnumainfo, NULL), -XEN_EFAULT);

	static uint32_t buf[8];
	struct xen_reserved_device_memory_map r = { .flags = XENMEM_RDM_ALL, .nr_entries = 4 };
	set_xen_guest_handle(r.buffer, buf);
	check_rc("MEM-14", "reserved_device_memory_map", memop(XENMEM_reserved_device_memory_map, &r), 0);
	check_eq("MEM-14", "its entries", r.nr_entries, 0);
	r.flags = 2;
	check_rc("MEM-14", "flags 2", memop(XENMEM_reserved_device_memory_map, &r), -XEN_EINVAL);
	r.flags = XENMEM_RDM_ALL;
	r.nr_entries = 1;
	set_xen_guest_handle(r.buffer, (void *)0xff000000);
	check_rc("MEM-14", "a buffer in the hole", memop(XENMEM_reserved_device_memory_map, &r),
		 -XEN_EFAULT);
	set_xen_guest_handle(r.buffer, buf);
	check_rc("MEM-14", "start bits", memop(XENMEM_reserved_device_memory_map | START1, &r),
		 -XEN_EINVAL);
	check_rc("MEM-14", "at NULL", memop(XENMEM_reserved_device_memory_map, NULL), -XEN_EFAULT);
}

static void resources(void)
{
	struct xen_mem_acquire_resource r = { .domid = self_id, .type = XENMEM_resource_grant_table };
	check_rc("MEM-15", "acquire_resource naming our id", memop(XENMEM_acquire_resource, &r),
		 -XEN_EPERM);
	r.domid = DOMID_SELF;
	check_rc("MEM-15", "acquire_resource for DOMID_SELF", memop(XENMEM_acquire_resource, &r),
		 -XEN_ESRCH);
	r.domid = NO_DOMAIN;
	check_rc("MEM-15", "acquire_resource for no domain", memop(XENMEM_acquire_resource, &r),
		 -XEN_ESRCH);
	r.pad = 1;
	check_rc("MEM-15", "acquire_resource with pad 1", memop(XENMEM_acquire_resource, &r),
		 -XEN_EINVAL);
	check_rc("MEM-15", "acquire_resource at NULL", memop(XENMEM_acquire_resource, NULL), -XEN_EFAULT);
}

static bool port_pending(uint32_t port)
{
	return shared_info->evtchn_pending[port / 32] & (1u << (port % 32));
}

/* Meeting the other domain: the privileged one offers a port (the first
 * free one, port=N on both command lines says which), the other binds it;
 * each then knows the other is up. The privileged one sends on it when it
 * has done its checks, and stays up until the other has ended. */
static bool meet(domid_t other, uint32_t port, uint32_t *local)
{
	if (privileged) {
		struct evtchn_alloc_unbound a = { .dom = DOMID_SELF, .remote_dom = other };
		if (evtchn_op(EVTCHNOP_alloc_unbound, &a) < 0 || a.port != port)
			return false;
		struct evtchn_status s = { .dom = DOMID_SELF, .port = port };
		for (unsigned i = 0; i < 100000; i++) {
			if (evtchn_op(EVTCHNOP_status, &s) == 0 && s.status == EVTCHNSTAT_interdomain) {
				*local = port;
				return true;
			}
			hypercall_sched_op(SCHEDOP_yield, NULL);
		}
		return false;
	}
	if (bind_offered_port(other, port, local) != 0)
		return false;
	shared_info->evtchn_pending[*local / 32] &= ~(1u << (*local % 32));
	return true;
}

/* The commands against the other domain, up while they run. */
static void peer(domid_t other, uint32_t port)
{
	uint32_t local;

	if (!meet(other, port, &local)) {
		test_error("could not meet domain %u on port %u", other, port);
		return;
	}
	struct xen_add_to_physmap x = { .domid = other, .space = XENMAPSPACE_gmfn };
	check_rc("MEM-9", "add_to_physmap for the other domain", memop(XENMEM_add_to_physmap, &x),
		 -XEN_EACCES);
	struct pv_e820_entry e = { .size = 0x1000, .type = PV_E820_RAM };
	check_rc("MEM-10", "set_memory_map for the other domain", set_map(other, &e, 1),
		 privileged ? 0 : -XEN_EPERM);
	struct xen_pod_target t = { .domid = other };
	check_rc("MEM-11", "get_pod_target for the other domain", memop(XENMEM_get_pod_target, &t),
		 -XEN_EINVAL);
	struct xen_mem_access_op a = { .domid = other };
	check_rc("MEM-12", "access_op for the other domain", memop(XENMEM_access_op, &a), -XEN_EINVAL);
	struct xen_vnuma_topology_info v = { .domid = other };
	check_rc("MEM-13", "get_vnumainfo for the other domain", memop(XENMEM_get_vnumainfo, &v),
		 privileged ? -XEN_EOPNOTSUPP : -XEN_EPERM);
	struct xen_mem_acquire_resource r = { .domid = other, .type = XENMEM_resource_grant_table };
	check_rc("MEM-15", "acquire_resource for the other domain", memop(XENMEM_acquire_resource, &r),
		 privileged ? -XEN_EOPNOTSUPP : -XEN_EPERM);
	if (privileged) {
		struct evtchn_send snd = { .port = local };
		evtchn_op(EVTCHNOP_send, &snd);
		domid_t id = other;
		for (unsigned i = 0; i < 100000 && memop(XENMEM_current_reservation, &id) != -XEN_ESRCH; i++)
			hypercall_sched_op(SCHEDOP_yield, NULL);
		return;
	}
	unsigned i;
	for (i = 0; i < 100000 && !port_pending(local); i++)
		hypercall_sched_op(SCHEDOP_yield, NULL);
	if (!port_pending(local))
		test_error("domain %u never said it was done", other);
}

void test_main(void)
{
	self_id = own_id();
	privileged = start_info->flags & SIF_PRIVILEGED;
	m2p_frames();
	physmap();
	memory_maps();
	hvm_only();
	compiled_out();
	vnuma_and_rdm();
	resources();
	uint64_t other = cmdline_number("peer", ~0ull);
	if (other != ~0ull)
		peer((domid_t)other, (uint32_t)cmdline_number("port", 1));
	test_success();
}
