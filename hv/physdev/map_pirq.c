/* PHYSDEVOP_map_pirq and unmap_pirq: a PCI device's IOAPIC line as one of
 * the domain's pirqs. Only MAP_PIRQ_TYPE_GSI exists here (no MSI), and only
 * for the line of a device the domain holds: an ISA line or another
 * domain's device is -XEN_EPERM. The privileged domain may name another
 * domain, which must hold the device itself. */
#include "hypercall/hypercall.h"
#include "arch/arch.h"
#include "arch/x86/uaccess.h"
#include "domain/domain.h"
#include "lib/string.h"
#include "physdev/pci.h"
#include "physdev/pirq.h"
#include "pvabi/physdev.h"
#include "sched/sched.h"

/* Read the command's argument, whose first field names the domain. */
static int read_arg(guest_ptr_t arg, void *buf, uint32_t size, struct domain **d)
{
	domid_t id;

	if (copy_from_guest(buf, arg, size) < 0)
		return -XEN_EFAULT;
	memcpy(&id, buf, sizeof(id));
	return evtchn_named_domain(id, d);
}

int32_t physdev_map_pirq(guest_ptr_t arg)
{
	struct physdev_map_pirq m;
	struct domain *d;

	int rc = read_arg(arg, &m, sizeof(m), &d);
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
	int rc = read_arg(arg, &u, sizeof(u), &d);

	return rc < 0 ? rc : u.pirq < 0 ? -XEN_EINVAL : pirq_unmap(d, (uint32_t)u.pirq);
}
