/* Bytes through one direction of a xenstore ring page. The indices are
 * free-running; the consumer owns cons, the producer prod, and either may
 * belong to a domain that lies: prod - cons beyond the ring's size means
 * the ring is broken, never a huge copy. */
#ifndef STORE_RING_H
#define STORE_RING_H

#include <stdint.h>
#include "xs_wire.h"

/* Copy up to max bytes from ring between cons and prod into out: the count,
 * or -1 when the indices are inconsistent. The caller then advances cons. */
int xs_ring_take(const char *ring, XENSTORE_RING_IDX cons, XENSTORE_RING_IDX prod, char *out,
		 uint32_t max);
/* Copy up to n bytes of in to ring at prod, as far as there is room: the
 * count, or -1 when the indices are inconsistent. The caller then
 * advances prod (after a write barrier). */
int xs_ring_put(char *ring, XENSTORE_RING_IDX cons, XENSTORE_RING_IDX prod, const char *in,
		uint32_t n);

#endif
