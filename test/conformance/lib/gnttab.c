#include "gnttab.h"
#include "guest.h"
#include "pagetable.h"

static volatile struct grant_entry_v1 *table;

long gnt_op(uint32_t cmd, void *uop, uint32_t count)
{
	return hypercall_grant_table_op(cmd, uop, count);
}

volatile struct grant_entry_v1 *gnt_setup(uint32_t n)
{
	xen_pfn_t frames[8];
	struct gnttab_setup_table op = { .dom = DOMID_SELF, .nr_frames = n };
	struct pt_frame f;

	if (n > 8) {
		test_error("gnt_setup: at most 8 frames");
		return NULL;
	}
	set_xen_guest_handle(op.frame_list, frames);
	long rc = gnt_op(GNTTABOP_setup_table, &op, 1);
	if (rc != 0 || op.status != GNTST_okay) {
		test_error("setup_table(%u): rc %ld, status %d", n, rc, op.status);
		return NULL;
	}
	if (!pt_alloc_frames(&f, n))
		return NULL;
	for (uint32_t i = 0; i < n; i++) {
		if (pt_map(f.va + i * PAGE_SIZE, frames[i], PT_RW) != 0) {
			test_error("mapping grant frame %u (mfn 0x%x) failed", i, frames[i]);
			return NULL;
		}
	}
	table = (volatile struct grant_entry_v1 *)f.va;
	return table;
}

void gnt_grant(uint32_t ref, uint16_t domid, uint32_t frame, uint16_t flags)
{
	if (!table)
		table = gnt_setup(1);
	if (!table)
		return;
	table[ref].domid = domid;
	table[ref].frame = frame;
	__asm__ volatile("" ::: "memory");
	table[ref].flags = flags;
}

int16_t gnt_map(uint64_t host_addr, uint32_t flags, uint32_t ref, uint16_t dom,
		uint32_t *handle)
{
	struct gnttab_map_grant_ref op = {
		.host_addr = host_addr, .flags = flags, .ref = ref, .dom = dom,
	};
	long rc = gnt_op(GNTTABOP_map_grant_ref, &op, 1);
	if (rc != 0)
		return (int16_t)-100;
	if (handle && op.status == GNTST_okay)
		*handle = op.handle;
	return op.status;
}

int16_t gnt_unmap(uint64_t host_addr, uint64_t dev_bus_addr, uint32_t handle)
{
	struct gnttab_unmap_grant_ref op = {
		.host_addr = host_addr, .dev_bus_addr = dev_bus_addr, .handle = handle,
	};
	long rc = gnt_op(GNTTABOP_unmap_grant_ref, &op, 1);
	return rc != 0 ? (int16_t)-100 : op.status;
}

static const char *const names[] = {
	"okay", "general_error", "bad_domain", "bad_gntref", "bad_handle", "bad_virt_addr",
	"bad_dev_addr", "no_device_space", "permission_denied", "bad_page", "bad_copy_arg",
	"address_too_big", "eagain",
};

const char *gnt_status_name(int status)
{
	if (status <= 0 && -status < (int)(sizeof(names) / sizeof(names[0])))
		return names[-status];
	return "?";
}
