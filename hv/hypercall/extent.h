/* Extents of more than one frame for memory_op: machine-contiguous runs,
 * aligned to their size, found and zeroed a budget at a time. */
#ifndef HYPERCALL_EXTENT_H
#define HYPERCALL_EXTENT_H

#include <stdbool.h>
#include <stdint.h>
#include "domain/domain.h"

/* Xen's limits on extent_order (its x86 defaults): 9 (2 MiB) for a domU,
 * 18 for the control domain, which ringlet's privileged domain is. */
#define EXTENT_ORDER_DOMU  9
#define EXTENT_ORDER_CTL   18

static inline uint32_t extent_max_order(const struct domain *d)
{
	return d->privileged ? EXTENT_ORDER_CTL : EXTENT_ORDER_DOMU;
}

/* Give d a run of 2^order frames below frame `below`, zeroed, each held
 * as domain_take_frame leaves it: 1 (*mfn its first frame); 0 when there
 * is none, or when `counted` and d may not grow by that much; -1 when the
 * budget ran out first: ask again with the same order to go on. */
int extent_alloc(struct domain *d, uint32_t order, uint32_t below, bool counted, uint32_t *mfn);
/* Give up the run under way, if any: its frames go back free. */
void extent_abandon(struct domain *d);
/* Undo extent_alloc: the run's 2^order frames, not yet mapped or typed,
 * go back free and out of d's size. */
void extent_free(struct domain *d, uint32_t first, uint32_t order);

#endif
