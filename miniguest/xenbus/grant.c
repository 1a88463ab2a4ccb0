/* Granting our frames to other domains (a frontend's rings): entries of
 * our grant table, set up on first use. The first 8 are reserved, as on
 * Xen (the builder's console and store entries among them). */
#include <string.h>

#include "kernel/frames.h"
#include "kernel/hypervisor.h"
#include "kernel/pagetable.h"
#include "pvabi/grant_table.h"
#include "xenbus/xenbus.h"

#define FIRST_FREE 8
#define ENTRIES GRANT_ENTRIES_PER_FRAME

static volatile struct grant_entry_v1 *table;
static bool used[ENTRIES];

static int setup(void)
{
	xen_pfn_t frame = 0;
	struct gnttab_setup_table op = { .dom = DOMID_SELF, .nr_frames = 1 };
	set_xen_guest_handle(op.frame_list, &frame);
	if (hypercall_grant_table_op(GNTTABOP_setup_table, &op, 1) < 0 || op.status != GNTST_okay)
		return -1;
	uint32_t pfn = frame_alloc();
	if (pfn == FRAME_NONE)
		return -1;
	uint32_t va = (uint32_t)(uintptr_t)pfn_to_virt(pfn);
	/* The table's frame takes the place of one of ours, for good. */
	if (unmap_page(va) < 0 || map_mfn(va, (uint32_t)frame, MG_PTE_DATA) < 0)
		return -1;
	table = (volatile struct grant_entry_v1 *)(uintptr_t)va;
	return 0;
}

/* A free entry made to say flags about frame to dom: its ref, or -1. */
static int entry(uint16_t dom, uint32_t frame, uint16_t flags)
{
	if (!table && setup() < 0)
		return -1;
	for (int ref = FIRST_FREE; ref < ENTRIES; ref++)
		if (!used[ref]) {
			used[ref] = true;
			table[ref].domid = dom;
			table[ref].frame = frame;
			__atomic_thread_fence(__ATOMIC_SEQ_CST);
			table[ref].flags = flags;
			return ref;
		}
	return -1;
}

int gnt_grant_access(uint16_t dom, uint32_t mfn, bool readonly)
{
	return entry(dom, mfn, GTF_permit_access | (readonly ? GTF_readonly : 0));
}

int gnt_accept_transfer(uint16_t dom, uint32_t pfn)
{
	return entry(dom, pfn, GTF_accept_transfer);
}

bool gnt_transfer_done(int ref, uint32_t *mfn)
{
	if (!table || ref < FIRST_FREE || ref >= ENTRIES || !used[ref])
		return false;
	uint16_t flags = table[ref].flags;
	if (!(flags & GTF_transfer_completed))
		return false;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	*mfn = table[ref].frame;
	return true;
}

void gnt_accept_again(int ref, uint32_t pfn)
{
	if (!table || ref < FIRST_FREE || ref >= ENTRIES || !used[ref])
		return;
	table[ref].flags = 0;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	table[ref].frame = pfn;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	table[ref].flags = GTF_accept_transfer;
}

bool gnt_end_access(int ref)
{
	if (!table || ref < FIRST_FREE || ref >= ENTRIES || !used[ref])
		return false;
	uint16_t flags = table[ref].flags;
	if (flags & (GTF_reading | GTF_writing))
		return false;
	/* Only if nobody mapped it between the look and the clear. */
	if (!__atomic_compare_exchange_n(&table[ref].flags, &flags, 0, false, __ATOMIC_SEQ_CST,
					 __ATOMIC_SEQ_CST))
		return false;
	used[ref] = false;
	return true;
}
