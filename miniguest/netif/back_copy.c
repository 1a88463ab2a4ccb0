/* netback's grant copies (GNTTABOP_copy): the hypervisor copies between
 * the frontend's granted page and a buffer of ours, so netback never maps
 * a guest's page. A batch of copies is one hypercall; each op has its
 * own status. Our buffers never cross a page (NETBACK_BUF), so each copy
 * is one op within one page on both sides. */
#include <string.h>

#include "kernel/frames.h"
#include "kernel/hypervisor.h"
#include "netif/vif.h"

static struct gnttab_copy ops[NETBACK_BATCH];   /* one service thread */

static void batch(void *ctx, struct netback_copy_op *op, unsigned n)
{
	(void)ctx;
	for (unsigned done = 0; done < n;) {
		unsigned k = n - done < NETBACK_BATCH ? n - done : NETBACK_BATCH;

		for (unsigned i = 0; i < k; i++) {
			struct netback_copy_op *o = &op[done + i];
			struct gnttab_copy_ptr guest = { .ref_or_gmfn = o->gref, .domid = o->domid,
							 .offset = o->offset };
			struct gnttab_copy_ptr mine = {
				.ref_or_gmfn = pfn_to_mfn(virt_to_pfn(o->buf)), .domid = DOMID_SELF,
				.offset = (uint16_t)((uintptr_t)o->buf & (PAGE_SIZE - 1)) };

			memset(&ops[i], 0, sizeof(ops[i]));
			ops[i].source = o->to_guest ? mine : guest;
			ops[i].dest = o->to_guest ? guest : mine;
			ops[i].flags = o->to_guest ? GNTCOPY_dest_gref : GNTCOPY_source_gref;
			ops[i].len = o->len;
		}
		bool failed = hypercall_grant_table_op(GNTTABOP_copy, ops, k) < 0;
		for (unsigned i = 0; i < k; i++)
			op[done + i].status = failed || ops[i].status != GNTST_okay ? -1 : 0;
		done += k;
	}
}

bool netback_copy_init(struct vif *v)
{
	/* One ctx for all: a turn's copies into every vif go in one call. */
	v->nv.copy = (struct netback_copy){ batch, batch, NULL };
	v->nv.domid = v->fe;
	return true;
}
