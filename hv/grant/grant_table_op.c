/* __HYPERVISOR_grant_table_op (20): cmd, an array of count structs, count.
 * The batched commands (map, unmap, unmap_and_replace, copy, transfer) run
 * element by element, each getting its own status; the call fails as a
 * whole only when the array cannot be read or written. They give the CPU
 * back once the hypercall budget is spent and go on with the rest of the
 * array (the elements done stay done). */
#include "hypercall/hypercall.h"
#include "arch/arch.h"
#include "arch/x86/uaccess.h"
#include "grant/grant.h"
#include "hypercall/budget.h"

#define ELEM_MAX 32

static void map_elem(void *p)
{
	struct gnttab_map_grant_ref *op = p;
	op->status = (int16_t)grant_map_one(op);
}

static void unmap_elem(void *p)
{
	struct gnttab_unmap_grant_ref *op = p;
	op->status = (int16_t)grant_unmap_one(op->host_addr, op->dev_bus_addr, 0, op->handle);
}

static void replace_elem(void *p)
{
	struct gnttab_unmap_and_replace *op = p;
	op->status = (int16_t)grant_unmap_one(op->host_addr, 0, op->new_addr, op->handle);
}

static void copy_elem(void *p)
{
	struct gnttab_copy *op = p;
	op->status = (int16_t)grant_copy_one(op);
}

static void transfer_elem(void *p)
{
	struct gnttab_transfer *op = p;
	op->status = (int16_t)grant_transfer_one(op);
}

struct call {
	uint32_t cmd, uop, count;
	uint32_t a4, a5;            /* not arguments, but the guest's: kept as they are */
};

static int32_t batch(struct call c, uint32_t size, void (*one)(void *elem))
{
	uint32_t cmd = c.cmd, uop = c.uop, count = c.count;
	uint8_t elem[ELEM_MAX];

	/* As Xen: an array that cannot lie in guest space is -EFAULT outright. */
	if ((uint64_t)uop + (uint64_t)count * size > HOLE_START)
		return -XEN_EFAULT;
	for (uint32_t i = 0; i < count; i++) {
		if (i > 0 && budget_spent())
			return hypercall_continue(__HYPERVISOR_grant_table_op, cmd, uop + i * size,
						  count - i, c.a4, c.a5);
		budget_charge(1);
		guest_ptr_t p = guest_ptr(uop + i * size);
		if (copy_from_guest(elem, p, size) < 0)
			return -XEN_EFAULT;
		one(elem);
		if (copy_to_guest(p, elem, size) < 0)
			return -XEN_EFAULT;
	}
	return 0;
}

HYPERCALL(grant_table_op)
{
	uint32_t cmd = a1, uop = a2, count = a3;
	struct call c = { cmd, uop, count, a4, a5 };

	if ((int32_t)count < 0 || (cmd & ~GNTTABOP_CMD_MASK))
		return -XEN_EINVAL;
	switch (cmd) {
	case GNTTABOP_map_grant_ref:
		return batch(c, sizeof(struct gnttab_map_grant_ref), map_elem);
	case GNTTABOP_unmap_grant_ref:
		return batch(c, sizeof(struct gnttab_unmap_grant_ref), unmap_elem);
	case GNTTABOP_unmap_and_replace:
		return batch(c, sizeof(struct gnttab_unmap_and_replace), replace_elem);
	case GNTTABOP_copy:
		return batch(c, sizeof(struct gnttab_copy), copy_elem);
	case GNTTABOP_transfer:
		return batch(c, sizeof(struct gnttab_transfer), transfer_elem);
	case GNTTABOP_setup_table:
		return count != 1 ? -XEN_EINVAL : gnttab_setup_table(uop);
	case GNTTABOP_query_size:
		return count != 1 ? -XEN_EINVAL : gnttab_query_size(uop);
	case GNTTABOP_set_version:
		return gnttab_set_version(uop);
	case GNTTABOP_get_version:
		return gnttab_get_version(uop);
	default:
		return -XEN_ENOSYS;
	}
}
