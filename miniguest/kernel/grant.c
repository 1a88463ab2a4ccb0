#include "kernel/grant.h"
#include "kernel/frames.h"
#include "kernel/hypervisor.h"
#include "kernel/pagetable.h"
#include "pvabi/errno.h"
#include "pvabi/grant_table.h"

long grant_map(uint16_t dom, uint32_t ref, struct grant_mapping *m)
{
	return grant_map_as(dom, ref, false, m);
}

long grant_map_as(uint16_t dom, uint32_t ref, bool readonly, struct grant_mapping *m)
{
	uint32_t pfn = frame_alloc();
	if (pfn == FRAME_NONE)
		return -XEN_ENOMEM;
	uint32_t va = (uint32_t)(uintptr_t)pfn_to_virt(pfn);
	unmap_page(va);
	struct gnttab_map_grant_ref op = { .host_addr = va, .flags = GNTMAP_host_map |
					   (readonly ? GNTMAP_readonly : 0),
					   .ref = ref, .dom = dom };
	long rc = hypercall_grant_table_op(GNTTABOP_map_grant_ref, &op, 1);
	if (rc == 0 && op.status != GNTST_okay)
		rc = op.status;
	if (rc < 0) {
		map_frame(va, pfn, MG_PTE_DATA);
		frame_free(pfn);
		return rc;
	}
	m->va = (void *)(uintptr_t)va;
	m->pfn = pfn;
	m->handle = op.handle;
	return 0;
}

void grant_unmap(struct grant_mapping *m)
{
	uint32_t va = (uint32_t)(uintptr_t)m->va;
	struct gnttab_unmap_grant_ref op = { .host_addr = va, .handle = m->handle };

	hypercall_grant_table_op(GNTTABOP_unmap_grant_ref, &op, 1);
	map_frame(va, m->pfn, MG_PTE_DATA);
	frame_free(m->pfn);
	m->va = 0;
}
