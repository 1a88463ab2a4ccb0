/* memory_op from a conformance guest (pvabi/memory.h): reservations of
 * the guest's own memory, its size, and frames it takes back in. */
#ifndef CONFORMANCE_MEMOP_H
#define CONFORMANCE_MEMOP_H

#include <stdbool.h>
#include <stdint.h>

#include "pagetable.h"
#include "pvabi/memory.h"

/* One reservation command over n extents of the given order. */
long memop_reservation(uint32_t cmd, xen_pfn_t *list, uint32_t n, uint32_t order, domid_t dom);
/* current_reservation of DOMID_SELF. */
long memop_current_pages(void);
/* Makes mfn the region page f was: m2p, p2m and mapping. */
bool memop_adopt(struct pt_frame *f, uint32_t mfn);

#endif
