/* XENMEM_set_memory_map: the pseudo-physical memory map XENMEM_memory_map
 * gives a domain (a toolstack sets it for the domains it builds). As on
 * Xen, a domain may set its own and the privileged domain anyone's; at
 * most XEN_E820_MAX entries, kept on the heap until the next one or the
 * domain's end. An empty map drops it: memory_map answers as before one was
 * set. */
#include "hypercall/memop.h"
#include "arch/x86/uaccess.h"
#include "mm/mm.h"
#include "pvabi/errno.h"

int32_t set_memory_map(guest_ptr_t arg)
{
	struct xen_foreign_memory_map m;
	struct domain *d;

	if (copy_from_guest(&m, arg, sizeof(m)) < 0)
		return -XEN_EFAULT;
	if (m.map.nr_entries > XEN_E820_MAX)
		return -XEN_EINVAL;
	int rc = memop_target(m.domid, &d);
	if (rc < 0)
		return rc;
	struct pv_e820_entry *e = NULL;
	size_t bytes = (size_t)m.map.nr_entries * sizeof(*e);
	if (bytes) {
		e = xmalloc(bytes);
		if (!e)
			return -XEN_ENOMEM;
		if (copy_from_guest(e, m.map.buffer, bytes) < 0) {
			xfree(e);
			return -XEN_EFAULT;
		}
	}
	xfree(d->e820);
	d->e820 = e;
	d->nr_e820 = m.map.nr_entries;
	return 0;
}
