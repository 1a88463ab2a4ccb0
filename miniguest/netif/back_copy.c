/* netback's grant copies (GNTTABOP_copy): the hypervisor copies between
 * the frontend's granted page and a page of ours, so netback never maps a
 * guest's page. The frame goes through one page-aligned bounce page, so
 * that each copy is one op within one page on both sides. */
#include <string.h>

#include "kernel/frames.h"
#include "kernel/hypervisor.h"
#include "netif/vif.h"

static uint8_t *bounce;         /* one service thread: one page serves all */

static int copy(struct vif *v, uint32_t gref, uint16_t offset, uint16_t len, bool to_guest)
{
	struct gnttab_copy op;
	struct gnttab_copy_ptr guest = { .ref_or_gmfn = gref, .domid = v->fe, .offset = offset };
	struct gnttab_copy_ptr mine = { .ref_or_gmfn = pfn_to_mfn(virt_to_pfn(bounce)),
					.domid = DOMID_SELF };

	memset(&op, 0, sizeof(op));
	op.source = to_guest ? mine : guest;
	op.dest = to_guest ? guest : mine;
	op.flags = to_guest ? GNTCOPY_dest_gref : GNTCOPY_source_gref;
	op.len = len;
	if (hypercall_grant_table_op(GNTTABOP_copy, &op, 1) < 0 || op.status != GNTST_okay)
		return -1;
	return 0;
}

static int from_guest(void *ctx, uint32_t gref, uint16_t offset, void *buf, uint16_t len)
{
	if (copy(ctx, gref, offset, len, false) < 0)
		return -1;
	memcpy(buf, bounce, len);
	return 0;
}

static int to_guest(void *ctx, uint32_t gref, uint16_t offset, const void *buf, uint16_t len)
{
	memcpy(bounce, buf, len);
	return copy(ctx, gref, offset, len, true);
}

bool netback_copy_init(struct vif *v)
{
	if (!bounce) {
		uint32_t pfn = frame_alloc();
		if (pfn != FRAME_NONE)
			bounce = pfn_to_virt(pfn);
	}
	v->nv.copy.from_guest = from_guest;
	v->nv.copy.to_guest = to_guest;
	v->nv.copy.ctx = v;
	return bounce != NULL;
}
