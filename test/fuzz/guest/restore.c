/* After each round: put back what its calls may have changed of the
 * guest's own state, so that the next round starts from the same place.
 * Cheap repairs always, the others when a call that could need them ran
 * (used_nrs). */
#include "fuzz.h"
#include "callbacks.h"
#include "pagetable.h"

#define MAX_DIRTY 64
#define HV_FIRST_L2_SLOT 428

static uint64_t dirty[MAX_DIRTY];
static unsigned nr_dirty;
static bool dirty_overflow;
uint32_t window_lost;                  /* window pages the guest could not map again */
static bool lost[WINDOW_PAGES + 2];

void note_dirty_entry(uint64_t maddr)
{
	if (nr_dirty < MAX_DIRTY)
		dirty[nr_dirty++] = maddr;
	else
		dirty_overflow = true;
}

/* Clears the entries with a batch that skips over any it cannot clear. */
static void clear_entries(const uint64_t *maddr, unsigned n)
{
	static struct mmu_update req[MAX_DIRTY];
	unsigned at = 0;

	while (at < n) {
		unsigned k = n - at < MAX_DIRTY ? n - at : MAX_DIRTY;
		uint32_t done = 0;
		for (unsigned i = 0; i < k; i++) {
			req[i].ptr = maddr[at + i];
			req[i].val = 0;
		}
		if (hypercall_mmu_update(req, k, &done, DOMID_SELF) == 0)
			done = k;
		at += done < k ? done + 1 : k;
	}
}

static void clear_all_slots(void)
{
	static uint64_t all[512];
	unsigned n = 0;

	for (uint32_t i = L.first_free_l2_slot; i < 512; i++)
		all[n++] = ((uint64_t)L.l2_mfn << 12) + i * 8;
	clear_entries(all, n);
	n = 0;
	for (uint32_t i = 0; i < HV_FIRST_L2_SLOT; i++)
		all[n++] = ((uint64_t)L.top_l2_mfn << 12) + i * 8;
	all[n++] = ((uint64_t)L.l3_mfn << 12) + 8;
	all[n++] = ((uint64_t)L.l3_mfn << 12) + 16;
	clear_entries(all, n);
}

/* Each window page mapped writable to its own frame again, the guards
 * (and pages whose frame is gone) not at all: one multicall; a page whose
 * frame was typed meanwhile is unpinned and tried once more. */
static void remap_window(void)
{
	static struct multicall_entry e[WINDOW_PAGES + 2];

	for (unsigned i = 0; i < WINDOW_PAGES + 2; i++) {
		bool guard = i == 0 || i == WINDOW_PAGES + 1 || lost[i];
		uint64_t pte = guard ? 0 : PT_ENTRY(L.window_mfn[i], PT_RW);
		e[i].op = __HYPERVISOR_update_va_mapping;
		e[i].args[0] = L.window + i * PAGE_SIZE;
		e[i].args[1] = (uint32_t)pte;
		e[i].args[2] = (uint32_t)(pte >> 32);
		e[i].args[3] = UVMF_INVLPG;
	}
	hypercall_multicall(e, WINDOW_PAGES + 2);
	for (unsigned i = 1; i <= WINDOW_PAGES; i++) {
		if (e[i].result == 0 || lost[i])
			continue;
		pt_unpin(L.window_mfn[i]);
		if (pt_map(L.window + i * PAGE_SIZE, L.window_mfn[i], PT_RW)) {
			/* Given back (decrease_reservation): unmapped from now on. */
			lost[i] = true;
			window_lost++;
		}
	}
}

static void restore_gdt(void)
{
	xen_pfn_t frames[1] = { L.gdt_mfn };

	hypercall_set_gdt(frames, 512);
}

void restore_after(void)
{
	const uint64_t mm = 1ull << __HYPERVISOR_mmu_update | 1ull << __HYPERVISOR_mmuext_op |
			    1ull << __HYPERVISOR_update_va_mapping | 1ull << __HYPERVISOR_set_gdt |
			    1ull << __HYPERVISOR_memory_op | 1ull << __HYPERVISOR_update_descriptor;

	shared_info->vcpu_info[0].evtchn_upcall_mask = 1;
	if (used_nrs & 1ull << __HYPERVISOR_set_trap_table) {
		hypercall_set_trap_table(NULL);          /* vectors past 31 too */
		traps_init();
	}
	/* callback_op registers the same callbacks one at a time. */
	if (used_nrs & (1ull << __HYPERVISOR_set_callbacks | 1ull << __HYPERVISOR_callback_op))
		callbacks_init();
	if (used_nrs & 1ull << __HYPERVISOR_fpu_taskswitch)
		hypercall_fpu_taskswitch(0);
	if (used_nrs & 1ull << __HYPERVISOR_set_debugreg)
		hypercall_set_debugreg(7, 0);
	if (used_nrs & mm) {
		if (dirty_overflow)
			clear_all_slots();
		else
			clear_entries(dirty, nr_dirty);
		nr_dirty = 0;
		dirty_overflow = false;
		if (used_nrs & 1ull << __HYPERVISOR_set_gdt)
			restore_gdt();
		remap_window();
	}
}
