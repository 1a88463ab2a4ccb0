/* physdev: physdev_op (33) and physdev_op_compat (19): I/O privilege and
 * the physical-interrupt commands, good and bad input.
 *
 * Rules checked (pvabi/ABI.md, pvabi/physdev.h):
 *   PHYS-1  set_iopl takes 0-3; more is -XEN_EINVAL; an unreadable
 *           argument -XEN_EFAULT
 *   PHYS-2  set_iobitmap takes any bitmap whose 8 KiB lie below the hole
 *           (unmapped memory too: it is read only when used) and at most
 *           65536 ports; a bitmap reaching into the hole or more ports is
 *           -XEN_EINVAL
 *   PHYS-3  with no pirq mapped: irq_status_query says an EOI is needed,
 *           eoi is -XEN_EINVAL; an irq beyond the pirq space -XEN_EINVAL
 *   PHYS-4  alloc_irq_vector gives the privileged domain the irq itself as
 *           its vector
 *   PHYS-5  every command reads its argument first (-XEN_EFAULT); an
 *           unknown command is -XEN_ENOSYS
 *   PHYS-6  physdev_op_compat takes the command and its argument in one
 *           struct and answers as physdev_op does
 *   PHYS-7  ringlet refuses the commands that manage PCI devices, MSI or
 *           the APICs with -XEN_EPERM (Xen 4.17 serves its dom0); map_pirq
 *           and the rest of the pirq life are the pirq guest's (IRQ-*) */
#include "guest.h"
#include "platform.h"
#include "pvabi/physdev.h"

const char test_title[] = "physdev: physdev_op: I/O privilege and physical-interrupt commands";

#define HOLE 0xF5800000u

static long physdev_op(uint32_t cmd, void *arg)
{
	return hypercall2(__HYPERVISOR_physdev_op, cmd, ptr_arg(arg));
}

static long physdev_op_compat(struct physdev_op *op)
{
	return hypercall1(__HYPERVISOR_physdev_op_compat, ptr_arg(op));
}

static void iopl(void)
{
	struct physdev_set_iopl s;

	for (uint32_t l = 0; l <= 3; l++) {
		s.iopl = l;
		check_rc("PHYS-1", "set_iopl(0..3)", physdev_op(PHYSDEVOP_set_iopl, &s), 0);
	}
	s.iopl = 4;
	check_rc("PHYS-1", "set_iopl(4)", physdev_op(PHYSDEVOP_set_iopl, &s), -XEN_EINVAL);
	s.iopl = 0xffffffffu;
	check_rc("PHYS-1", "set_iopl(~0)", physdev_op(PHYSDEVOP_set_iopl, &s), -XEN_EINVAL);
	check_rc("PHYS-1", "set_iopl(NULL)", physdev_op(PHYSDEVOP_set_iopl, NULL), -XEN_EFAULT);
	s.iopl = 0;
	physdev_op(PHYSDEVOP_set_iopl, &s);
}

static long iobitmap(uint32_t va, uint32_t nr_ports)
{
	struct physdev_set_iobitmap s = { .bitmap = guest_ptr(va), .nr_ports = nr_ports };
	return physdev_op(PHYSDEVOP_set_iobitmap, &s);
}

static void iobitmap_checks(void)
{
	static uint8_t bitmap[8192];

	check_rc("PHYS-2", "set_iobitmap(own array, 65536 ports)",
		 iobitmap(ptr_arg(bitmap), 65536), 0);
	check_rc("PHYS-2", "set_iobitmap(unmapped address, 1024 ports)",
		 iobitmap(initial_region_end(), 1024), 0);
	check_rc("PHYS-2", "set_iobitmap(NULL, 0 ports)", iobitmap(0, 0), 0);
	check_rc("PHYS-2", "set_iobitmap(65537 ports)", iobitmap(ptr_arg(bitmap), 65537),
		 -XEN_EINVAL);
	check_rc("PHYS-2", "set_iobitmap(in the hole)", iobitmap(HOLE, 8), -XEN_EINVAL);
	check_rc("PHYS-2", "set_iobitmap(8 KiB before the hole, less one byte)",
		 iobitmap(HOLE - 8191, 0), -XEN_EINVAL);
	check_rc("PHYS-2", "set_iobitmap(exactly 8 KiB before the hole)",
		 iobitmap(HOLE - 8192, 0), 0);
	check_rc("PHYS-2", "set_iobitmap(0xfffff000)", iobitmap(0xfffff000u, 1), -XEN_EINVAL);
	check_rc("PHYS-2", "set_iobitmap(NULL argument)",
		 physdev_op(PHYSDEVOP_set_iobitmap, NULL), -XEN_EFAULT);
	iobitmap(0, 0);
}

static void pirqs(void)
{
	struct physdev_irq_status_query q = { .irq = 0, .flags = 0xdead };
	check_rc("PHYS-3", "irq_status_query(0)", physdev_op(PHYSDEVOP_irq_status_query, &q), 0);
	check("PHYS-3", q.flags & XENIRQSTAT_needs_eoi, "its flags (%#x) say needs_eoi", q.flags);
	q.irq = 0x80000000u;
	check_rc("PHYS-3", "irq_status_query(0x80000000)",
		 physdev_op(PHYSDEVOP_irq_status_query, &q), -XEN_EINVAL);
	q.irq = 0xffffffffu;
	check_rc("PHYS-3", "irq_status_query(~0)",
		 physdev_op(PHYSDEVOP_irq_status_query, &q), -XEN_EINVAL);
	struct physdev_eoi e = { .irq = 0x7fffffff };
	check_rc("PHYS-3", "eoi(0x7fffffff)", physdev_op(PHYSDEVOP_eoi, &e), -XEN_EINVAL);
	e.irq = 0xffffffffu;
	check_rc("PHYS-3", "eoi(~0)", physdev_op(PHYSDEVOP_eoi, &e), -XEN_EINVAL);

	struct physdev_irq v = { .irq = 9, .vector = 0 };
	check_rc("PHYS-4", "alloc_irq_vector(9)", physdev_op(PHYSDEVOP_alloc_irq_vector, &v), 0);
	check_eq("PHYS-4", "its vector", v.vector, 9);
}

/* Commands whose argument is read before anything else. */
static const uint32_t reads_first[] = {
	PHYSDEVOP_irq_status_query, PHYSDEVOP_set_iopl, PHYSDEVOP_set_iobitmap,
	PHYSDEVOP_apic_read, PHYSDEVOP_apic_write, PHYSDEVOP_alloc_irq_vector,
	PHYSDEVOP_eoi, PHYSDEVOP_map_pirq, PHYSDEVOP_unmap_pirq,
	PHYSDEVOP_manage_pci_add, PHYSDEVOP_manage_pci_remove, PHYSDEVOP_setup_gsi,
	PHYSDEVOP_get_free_pirq, PHYSDEVOP_pci_device_add, PHYSDEVOP_pci_device_remove,
	PHYSDEVOP_pirq_eoi_gmfn_v2,
};

static void unreadable_and_unknown(void)
{
	for (unsigned i = 0; i < sizeof(reads_first) / sizeof(reads_first[0]); i++) {
		char what[48];
		format(what, sizeof(what), "command %u, unmapped argument", reads_first[i]);
		check_rc("PHYS-5", what, physdev_op(reads_first[i], (void *)initial_region_end()),
			 -XEN_EFAULT);
	}
	static const uint32_t unknown[] = { 33, 100, 0x80000000u, 0xffffffffu };
	for (unsigned i = 0; i < sizeof(unknown) / sizeof(unknown[0]); i++) {
		uint32_t dummy[16] = { 0 };
		char what[40];
		format(what, sizeof(what), "command %#x", unknown[i]);
		check_rc("PHYS-5", what, physdev_op(unknown[i], dummy), -XEN_ENOSYS);
	}
}

static void compat(void)
{
	struct physdev_op op = { .cmd = PHYSDEVOP_set_iopl, .u.set_iopl.iopl = 2 };
	check_rc("PHYS-6", "compat set_iopl(2)", physdev_op_compat(&op), 0);
	op.u.set_iopl.iopl = 9;
	check_rc("PHYS-6", "compat set_iopl(9)", physdev_op_compat(&op), -XEN_EINVAL);
	op = (struct physdev_op){ .cmd = PHYSDEVOP_irq_status_query, .u.irq_status_query.irq = 0 };
	check_rc("PHYS-6", "compat irq_status_query(0)", physdev_op_compat(&op), 0);
	check("PHYS-6", op.u.irq_status_query.flags & XENIRQSTAT_needs_eoi,
	      "its flags come back in the struct (%#x)", op.u.irq_status_query.flags);
	op.cmd = 100;
	check_rc("PHYS-6", "compat command 100", physdev_op_compat(&op), -XEN_ENOSYS);
	check_rc("PHYS-6", "compat, NULL", physdev_op_compat(NULL), -XEN_EFAULT);
	op = (struct physdev_op){ .cmd = PHYSDEVOP_set_iopl, .u.set_iopl.iopl = 0 };
	physdev_op_compat(&op);
}

static void refused(void)
{
	static const uint32_t cmds[] = {
		PHYSDEVOP_get_free_pirq, PHYSDEVOP_apic_read, PHYSDEVOP_setup_gsi,
		PHYSDEVOP_pci_device_add,
	};
	if (!on_ringlet())
		return;         /* Xen's dom0 has them: nothing to compare */
	for (unsigned i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
		uint32_t arg[16] = { 0 };
		char what[40];
		format(what, sizeof(what), "command %u", cmds[i]);
		check_rc("PHYS-7", what, physdev_op(cmds[i], arg), -XEN_EPERM);
	}
}

void test_main(void)
{
	iopl();
	iobitmap_checks();
	pirqs();
	unreadable_and_unknown();
	compat();
	refused();
	test_success();
}
