/* Mapping a whole request's grants at once: one hypercall maps them all at
 * consecutive pages of a window, one unmaps them, and the pages they land
 * on are contiguous, so a device can take them as one buffer. The window's
 * pages hold none of our frames: a grant mapping replaces nothing and its
 * unmapping leaves nothing to put back. */
#include <malloc.h>

#include "kernel/grant.h"
#include "kernel/hypervisor.h"
#include "kernel/layout.h"
#include "kernel/pagetable.h"
#include "pvabi/errno.h"
#include "pvabi/grant_table.h"

#define NOT_DONE 1      /* no GNTST_ status: what the hypervisor did not touch */

void *grant_window(uint32_t n)
{
	if (n == 0 || n > GRANT_MANY_MAX)
		return NULL;
	uint8_t *w = memalign(PAGE_SIZE, (size_t)n * PAGE_SIZE);
	/* Never freed: malloc must not hand out what grants map. */
	for (uint32_t i = 0; w && i < n; i++)
		unmap_and_free((uint32_t)(uintptr_t)(w + i * PAGE_SIZE));
	return w;
}

static void unmap_many(uint8_t *va, const uint32_t *handles, uint32_t n)
{
	struct gnttab_unmap_grant_ref op[GRANT_MANY_MAX];
	uint32_t k = 0;
	for (uint32_t i = 0; i < n; i++)
		if (handles[i] != GRANT_NO_HANDLE)
			op[k++] = (struct gnttab_unmap_grant_ref){
				.host_addr = (uint32_t)(uintptr_t)(va + i * PAGE_SIZE),
				.handle = (grant_handle_t)handles[i] };
	if (k)
		hypercall_grant_table_op(GNTTABOP_unmap_grant_ref, op, k);
}

long grant_map_many(uint16_t dom, const uint32_t *refs, uint32_t n, bool readonly, void *va,
		    uint32_t *handles)
{
	struct gnttab_map_grant_ref op[GRANT_MANY_MAX];
	uint8_t *at = va;
	if (n == 0 || n > GRANT_MANY_MAX)
		return -XEN_EINVAL;
	for (uint32_t i = 0; i < n; i++)
		op[i] = (struct gnttab_map_grant_ref){
			.host_addr = (uint32_t)(uintptr_t)(at + i * PAGE_SIZE),
			.flags = GNTMAP_host_map | (readonly ? GNTMAP_readonly : 0),
			.ref = refs[i], .dom = dom, .status = NOT_DONE };
	/* A call that fails part way may have mapped some: their status says. */
	long rc = hypercall_grant_table_op(GNTTABOP_map_grant_ref, op, n);
	for (uint32_t i = 0; i < n; i++) {
		bool ok = op[i].status == GNTST_okay;
		handles[i] = ok ? op[i].handle : GRANT_NO_HANDLE;
		if (rc == 0 && !ok)
			rc = op[i].status == NOT_DONE ? -XEN_EINVAL : op[i].status;
	}
	if (rc < 0)
		unmap_many(at, handles, n);
	return rc;
}

void grant_unmap_many(void *va, const uint32_t *handles, uint32_t n)
{
	if (n <= GRANT_MANY_MAX)
		unmap_many(va, handles, n);
}
