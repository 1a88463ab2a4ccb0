/* __HYPERVISOR_update_descriptor (10): write one checked descriptor at a
 * machine address (low word, high word), in a descriptor table or in any
 * frame the domain could write. */
#include "hypercall/hypercall.h"
#include "arch/x86/traps.h"
#include "arch/arch.h"
#include "arch/x86/pv/descriptor.h"
#include "arch/x86/pv/pagetype.h"
#include "domain/domain.h"
#include "sched/sched.h"

HYPERCALL(update_descriptor)
{
	uint64_t ma = ((uint64_t)a2 << 32) | a1;
	uint32_t lo = a3, hi = a4, mfn = (uint32_t)(ma >> PAGE_SHIFT);
	const struct domain *d = current->d;

	(void)a5;
	if ((ma & 7) || (ma >> PAGE_SHIFT) >= frame_table.nr)
		return -XEN_EINVAL;
	if (!check_descriptor(lo, &hi))
		return -XEN_EINVAL;
	if (!get_page(mfn, d))
		return -XEN_EINVAL;
	struct frame *f = &frame_table.f[mfn];
	bool table = frame_type(f) == FT_SEG_DESC && (f->type_info & FT_COUNT_MASK);
	int rc = table ? 0 : get_page_type(mfn, FT_WRITABLE, d);
	if (rc == 0) {
		uint32_t *p = map_frame(mfn);
		unsigned i = (ma & (PAGE_SIZE - 1)) / 4;
		p[i] = lo;
		p[i + 1] = hi;
		unmap_frame(p);
		if (table)
			segments_stale = 1;
		else
			put_page_type(mfn);
	}
	put_page(mfn);
	return rc;
}
