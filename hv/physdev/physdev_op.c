/* __HYPERVISOR_physdev_op (33), and physdev_op_compat (19), whose one
 * argument holds the command and then the command's own argument. Of the
 * commands, the vCPU's I/O privilege is served (set_iopl, set_iobitmap),
 * and a held PCI device's interrupt line as a pirq (map_pirq.c, eoi,
 * irq_status_query). The commands that manage PCI devices, MSI or the
 * APICs are -XEN_EPERM once their argument is read; unknown ones
 * -XEN_ENOSYS. */
#include "hypercall/hypercall.h"
#include "arch/arch.h"
#include "arch/x86/uaccess.h"
#include "domain/domain.h"
#include "physdev/pirq.h"
#include "pvabi/physdev.h"
#include "sched/sched.h"

#define IOBMP_BYTES    (65536 / 8)

static int32_t set_iopl(struct vcpu *v, guest_ptr_t arg)
{
	struct physdev_set_iopl s;

	if (copy_from_guest(&s, arg, sizeof(s)) < 0)
		return -XEN_EFAULT;
	if (s.iopl > 3)
		return -XEN_EINVAL;
	v->arch.iopl = s.iopl;
	return 0;
}

/* The bitmap is only remembered: every access reads it again through the
 * checked copies (arch/x86/pv/io_perm.c). Like Xen, the whole of a full
 * bitmap must lie below the hole, whatever nr_ports says. */
static int32_t set_iobitmap(struct vcpu *v, guest_ptr_t arg)
{
	struct physdev_set_iobitmap s;

	if (copy_from_guest(&s, arg, sizeof(s)) < 0)
		return -XEN_EFAULT;
	if ((uint64_t)guest_ptr_va(s.bitmap) + IOBMP_BYTES > HOLE_START || s.nr_ports > 65536)
		return -XEN_EINVAL;
	v->arch.iobmp_va = guest_ptr_va(s.bitmap);
	v->arch.iobmp_ports = s.nr_ports;
	return 0;
}

static int32_t irq_status_query(struct domain *d, guest_ptr_t arg)
{
	struct physdev_irq_status_query q;

	if (copy_from_guest(&q, arg, sizeof(q)) < 0)
		return -XEN_EFAULT;
	if (q.irq >= PIRQS_NR)
		return -XEN_EINVAL;
	/* A guest that keeps no EOI map must always EOI, as on Xen. */
	q.flags = XENIRQSTAT_needs_eoi;
	if (pirq_shared(d, q.irq))
		q.flags |= XENIRQSTAT_shared;
	return copy_to_guest(arg, &q, sizeof(q)) < 0 ? -XEN_EFAULT : 0;
}

/* Xen's "vector" is the irq itself for the privileged domain. */
static int32_t alloc_irq_vector(struct domain *d, guest_ptr_t arg)
{
	struct physdev_irq op;

	if (copy_from_guest(&op, arg, sizeof(op)) < 0)
		return -XEN_EFAULT;
	if (!d->privileged)
		return -XEN_EPERM;
	op.vector = op.irq;
	return copy_to_guest(arg, &op, sizeof(op)) < 0 ? -XEN_EFAULT : 0;
}

/* The size of the argument of a command that is refused, 0 for one that
 * does not exist. */
static uint32_t refused_arg_size(uint32_t cmd)
{
	switch (cmd) {
	case PHYSDEVOP_apic_read:
	case PHYSDEVOP_apic_write:         return sizeof(struct physdev_apic);
	case PHYSDEVOP_manage_pci_add:
	case PHYSDEVOP_manage_pci_remove:
	case PHYSDEVOP_restore_msi:        return 2;
	case PHYSDEVOP_manage_pci_add_ext: return 6;
	case PHYSDEVOP_setup_gsi:          return 8;
	case PHYSDEVOP_get_free_pirq:      return 8;
	case PHYSDEVOP_pci_mmcfg_reserved: return 16;
	case PHYSDEVOP_pci_device_add:     return 12;
	case PHYSDEVOP_pci_device_remove:
	case PHYSDEVOP_restore_msi_ext:
	case PHYSDEVOP_prepare_msix:
	case PHYSDEVOP_release_msix:       return 4;
	case PHYSDEVOP_pci_device_reset:   return 8;
	case PHYSDEVOP_dbgp_op:            return 6;
	case PHYSDEVOP_pirq_eoi_gmfn_v1:
	case PHYSDEVOP_pirq_eoi_gmfn_v2:   return 4;
	default:                           return 0;
	}
}

static int32_t physdev_op(uint32_t cmd, guest_ptr_t arg)
{
	struct physdev_eoi eoi;
	uint8_t buf[36];

	switch (cmd) {
	case PHYSDEVOP_set_iopl:
		return set_iopl(current, arg);
	case PHYSDEVOP_set_iobitmap:
		return set_iobitmap(current, arg);
	case PHYSDEVOP_irq_status_query:
		return irq_status_query(current->d, arg);
	case PHYSDEVOP_eoi:
		if (copy_from_guest(&eoi, arg, sizeof(eoi)) < 0)
			return -XEN_EFAULT;
		return pirq_eoi(current->d, eoi.irq);
	case PHYSDEVOP_map_pirq:
		return physdev_map_pirq(arg);
	case PHYSDEVOP_unmap_pirq:
		return physdev_unmap_pirq(arg);
	case PHYSDEVOP_alloc_irq_vector:
		return alloc_irq_vector(current->d, arg);
	}
	uint32_t size = refused_arg_size(cmd);
	if (!size)
		return -XEN_ENOSYS;
	if (copy_from_guest(buf, arg, size) < 0)
		return -XEN_EFAULT;
	return -XEN_EPERM;
}

HYPERCALL(physdev_op)
{
	(void)a3;
	(void)a4;
	(void)a5;
	return physdev_op(a1, guest_ptr(a2));
}

HYPERCALL(physdev_op_compat)
{
	struct physdev_op op;

	(void)a2;
	(void)a3;
	(void)a4;
	(void)a5;
	if (copy_from_guest(&op, guest_ptr(a1), sizeof(op)) < 0)
		return -XEN_EFAULT;
	return physdev_op(op.cmd, guest_ptr(a1 + 4));
}
