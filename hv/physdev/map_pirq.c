/* PHYSDEVOP_map_pirq and unmap_pirq: a PCI device's IOAPIC line as one of
 * the domain's pirqs. Only MAP_PIRQ_TYPE_GSI exists here (no MSI), and only
 * for the line of a device the domain holds: an ISA line or another
 * domain's device is -XEN_EPERM. The privileged domain may name another
 * domain, which must hold the device itself. */
#include "hypercall/hypercall.h"
#include "arch/arch.h"
#include "arch/x86/uaccess.h"
#include "domain/domain.h"
#include "physdev/pci.h"
#include "physdev/pirq.h"
#include "pvabi/physdev.h"
#include "sched/sched.h"

static int target(domid_t id, struct domain **out)
{
	struct domain *me = current->d;

	if (id == DOMID_SELF || id == me->domid) {
		*out = me;
		return 0;
	}
	if (!me->privileged)
		return -XEN_EPERM;
	*out = domain_by_id(id);
	return *out ? 0 : -XEN_ESRCH;
}

int32_t physdev_map_pirq(guest_ptr_t arg)
{
	struct physdev_map_pirq m;
	struct domain *d;

	if (copy_from_guest(&m, arg, sizeof(m)) < 0)
		return -XEN_EFAULT;
	int rc = target(m.domid, &d);
	if (rc < 0)
		return rc;
	if (m.type != MAP_PIRQ_TYPE_GSI || m.index < 0 ||
	    (uint32_t)m.index >= arch_gsi_count() || m.pirq < -1 || m.pirq >= PIRQS_NR)
		return -XEN_EINVAL;
	if (!pci_gsi_held(d, (uint32_t)m.index))
		return -XEN_EPERM;
	rc = pirq_table_map(&d->pirqs, m.pirq, (uint32_t)m.index);
	if (rc < 0)
		return rc;
	m.pirq = rc;
	return copy_to_guest(arg, &m, sizeof(m)) < 0 ? -XEN_EFAULT : 0;
}

int32_t physdev_unmap_pirq(guest_ptr_t arg)
{
	struct physdev_unmap_pirq u;
	struct domain *d;

	if (copy_from_guest(&u, arg, sizeof(u)) < 0)
		return -XEN_EFAULT;
	int rc = target(u.domid, &d);
	if (rc < 0)
		return rc;
	if (u.pirq < 0)
		return -XEN_EINVAL;
	return pirq_unmap(d, (uint32_t)u.pirq);
}
