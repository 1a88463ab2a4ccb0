/* The maptrack table: a slot per mapping a domain holds of others' grants;
 * a slot's index is its handle. Made at the first map, at its full size
 * (maptrack_max slots); free slots are kept on a list. */
#include "grant/grant.h"
#include "mm/mm.h"

int maptrack_get(struct grant_table *gt, uint32_t *handle)
{
	if (!gt->maptrack) {
		gt->maptrack = xzalloc((size_t)gt->maptrack_max * sizeof(struct maptrack));
		if (!gt->maptrack)
			return -1;
	}
	uint32_t h;
	if (gt->maptrack_free != UINT32_MAX) {
		h = gt->maptrack_free;
		gt->maptrack_free = gt->maptrack[h].next_free;
	} else if (gt->maptrack_top < gt->maptrack_max) {
		h = gt->maptrack_top++;
	} else {
		return -1;
	}
	gt->maptrack_used++;
	*handle = h;
	return 0;
}

void maptrack_put(struct grant_table *gt, uint32_t handle)
{
	struct maptrack *m = &gt->maptrack[handle];

	*m = (struct maptrack){ .next_free = gt->maptrack_free };
	gt->maptrack_free = handle;
	gt->maptrack_used--;
}

struct maptrack *maptrack_lookup(const struct grant_table *gt, uint32_t handle)
{
	if (!gt || !gt->maptrack || handle >= gt->maptrack_top || !gt->maptrack[handle].flags)
		return NULL;
	return &gt->maptrack[handle];
}
