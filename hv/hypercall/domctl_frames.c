/* The frames of the domain createdomain is about to build, taken off the
 * free lists and zeroed a budget at a time before the build starts: zeroing
 * a big domain's memory is the bulk of building it, and in one call it
 * would hold the CPU for as long as that takes. Until the build adopts
 * them they are the hypervisor's (DOMID_XEN). Only the privileged domain
 * builds domains, so there is one set, dropped with the staged image. */
#include "hypercall/domctl.h"
#include "arch/arch.h"
#include "domain/domain.h"
#include "hypercall/budget.h"
#include "lib/string.h"
#include "mm/mm.h"

static uint32_t *ready;
static uint32_t nr_ready, nr_want;

void domctl_frames_drop(void)
{
	for (uint32_t i = 0; i < nr_ready; i++)
		frame_free(&frame_table, ready[i]);
	xfree(ready);
	ready = NULL;
	nr_ready = nr_want = 0;
}

/* The first call of a build: -XEN_ENOMEM unless the frames are free now. */
static int start(uint32_t nr)
{
	struct mm_stats st;

	domctl_frames_drop();
	mm_stats(&st);
	if (nr == 0 || nr > st.frames_free)
		return -XEN_ENOMEM;
	ready = xmalloc((size_t)nr * sizeof(uint32_t));
	if (!ready)
		return -XEN_ENOMEM;
	nr_want = nr;
	return 0;
}

int domctl_frames_prepare(uint32_t nr)
{
	if (!ready || nr != nr_want) {
		int rc = start(nr);
		if (rc < 0)
			return rc;
	}
	while (nr_ready < nr_want) {
		uint32_t mfn = frame_alloc(&frame_table, DOMID_XEN);
		if (mfn == FRAME_NONE) {
			domctl_frames_drop();
			return -XEN_ENOMEM;
		}
		memset(map_frame(mfn), 0, PAGE_SIZE);
		ready[nr_ready++] = mfn;
		budget_charge(PAGE_SIZE / 64);
		/* The last one too: the build that follows needs a budget of
		 * its own (its grant table grows within one). */
		if (budget_spent())
			return -XEN_ERESTART;
	}
	return 0;
}

uint32_t *domctl_frames_give(struct domain *d)
{
	uint32_t *f = ready;

	for (uint32_t i = 0; i < nr_ready; i++) {
		frame_table.f[f[i]].owner = d->domid;
		domain_note_frame(d, f[i]);
		domain_take_frame(d, f[i]);
	}
	ready = NULL;
	nr_ready = nr_want = 0;
	return f;
}
