/* A run is looked for in the frame table from where the last search of
 * the domain stopped, taken off the free lists the moment it is found (so
 * nothing else takes it between traps), and zeroed a frame at a time.
 * Work under way is the domain's, in d->extent; a request for another
 * order gives it up. */
#include "hypercall/extent.h"
#include "hypercall/budget.h"
#include "arch/arch.h"
#include "lib/string.h"
#include "mm/mm.h"

/* Frame descriptors looked at per budget unit. */
#define LOOK_PER_UNIT 8
#define LOOK_STEP     64

void extent_abandon(struct domain *d)
{
	struct extent_work *w = &d->extent;

	if (w->order != EXTENT_NONE && w->first != FRAME_NONE)
		for (uint32_t i = 0; i < 1u << w->order; i++)
			frame_free(&frame_table, w->first + i);
	w->order = EXTENT_NONE;
}

void extent_free(struct domain *d, uint32_t first, uint32_t order)
{
	for (uint32_t i = 0; i < 1u << order; i++) {
		struct frame *f = &frame_table.f[first + i];
		f->count = 0;
		f->flags &= ~FRAME_ALLOCATED;
		d->tot_pages--;
		frame_free(&frame_table, first + i);
	}
}

static void start(struct domain *d, uint32_t order)
{
	struct extent_work *w = &d->extent;
	uint32_t at = w->at;

	extent_abandon(d);
	*w = (struct extent_work){ .order = order, .first = FRAME_NONE,
				   .at = at < frame_table.nr ? at : 0, .left = frame_table.nr };
}

/* One step of the search: true once a run is the domain's. */
static bool look(struct domain *d, uint32_t below)
{
	struct extent_work *w = &d->extent;
	uint32_t step = w->left < LOOK_STEP ? w->left : LOOK_STEP, rest = step;
	uint32_t run = frames_find_run(&frame_table, w->order, below, &w->at, &rest);

	/* Nothing looked at: no run of that size fits below at all. */
	w->left = rest == step ? 0 : w->left - (step - rest);
	budget_charge((step - rest) / LOOK_PER_UNIT + 1);
	if (run == FRAME_NONE || frames_take_run(&frame_table, run, w->order, d->domid) < 0)
		return false;
	w->first = run;
	w->zeroed = 0;
	domain_note_frame(d, run);
	domain_note_frame(d, run + (1u << w->order) - 1);
	return true;
}

int extent_alloc(struct domain *d, uint32_t order, uint32_t below, bool counted, uint32_t *mfn)
{
	struct extent_work *w = &d->extent;
	uint64_t n = 1ull << order;

	if (w->order != order)
		start(d, order);
	if (counted && domain_pages(d) + n > d->max_pages) {
		extent_abandon(d);
		return 0;
	}
	while (w->first == FRAME_NONE) {
		if (!w->left) {
			extent_abandon(d);
			return 0;
		}
		if (!look(d, below) && budget_spent())
			return -1;
	}
	while (w->zeroed < n) {
		memset(map_frame(w->first + w->zeroed), 0, PAGE_SIZE);
		budget_charge(PAGE_SIZE / 64);
		if (++w->zeroed < n && budget_spent())
			return -1;
	}
	for (uint32_t i = 0; i < n; i++)
		domain_take_frame(d, w->first + i);
	*mfn = w->first;
	w->order = EXTENT_NONE;
	return 1;
}
