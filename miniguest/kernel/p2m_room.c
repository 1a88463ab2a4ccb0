/* Room to grow (p2m_room.h). The builder's p2m has an entry per page the
 * domain booted with; a domain that may hold more gets a longer one, made
 * in free frames at consecutive pfns (the linear map shows them as one
 * array), its entries above the boot size invalid: those pfns have no
 * frame until the balloon populates them. How far: as Linux sizes its p2m,
 * the end of the RAM in the domain's memory map (Xen's toolstack sets it
 * to the domain's maxmem), or, for a domain with no map of its own (domain
 * 0), its maximum reservation. */
#include <string.h>

#include "kernel/frames.h"
#include "kernel/p2m_room.h"
#include "kernel/printk.h"
#include "pvabi/memory.h"

#define MAP_ENTRIES 16

/* The pfns the domain may have, at most MG_MAX_PFNS. */
static uint32_t room_wanted(void)
{
	struct pv_e820_entry e[MAP_ENTRIES];
	struct xen_memory_map m = { .nr_entries = MAP_ENTRIES };
	uint64_t end = 0;

	set_xen_guest_handle(m.buffer, e);
	if (hypercall_memory_op(XENMEM_memory_map, &m) == 0) {
		for (uint32_t i = 0; i < m.nr_entries && i < MAP_ENTRIES; i++)
			if (e[i].type == PV_E820_RAM && e[i].addr + e[i].size > end)
				end = e[i].addr + e[i].size;
		end >>= PAGE_SHIFT;
	} else {
		domid_t self = DOMID_SELF;
		long max = hypercall_memory_op(XENMEM_maximum_reservation, &self);
		end = max > 0 ? (uint64_t)max : 0;
	}
	return end < MG_MAX_PFNS ? (uint32_t)end : MG_MAX_PFNS;
}

void p2m_room(void)
{
	uint32_t boot = start_info->nr_pages, want = room_wanted();

	if (want <= boot)
		return;
	uint32_t first = frames_alloc_run((uint32_t)(((uint64_t)want * 4 + PAGE_SIZE - 1) / PAGE_SIZE));
	if (first == FRAME_NONE) {
		printk("miniguest: no room for a p2m of %u pages: the domain stays within the %u "
		       "it booted with\n", want, boot);
		return;
	}
	uint32_t *p2m = pfn_to_virt(first);
	memcpy(p2m, mg_p2m, boot * sizeof(*p2m));
	for (uint32_t pfn = boot; pfn < want; pfn++)
		p2m[pfn] = INVALID_P2M_ENTRY;
	mg_p2m = p2m;
	frames_extend(want);
}
