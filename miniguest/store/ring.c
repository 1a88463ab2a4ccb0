#include <stdbool.h>
#include <string.h>
#include "ring.h"

/* n bytes between buf and the ring from index idx on, across the wrap. */
static void across(char *ring, XENSTORE_RING_IDX idx, char *buf, uint32_t n, bool into_ring)
{
	uint32_t at = MASK_XENSTORE_IDX(idx), first = XENSTORE_RING_SIZE - at;

	if (first > n)
		first = n;
	if (into_ring) {
		memcpy(ring + at, buf, first);
		memcpy(ring, buf + first, n - first);
	} else {
		memcpy(buf, ring + at, first);
		memcpy(buf + first, ring, n - first);
	}
}

int xs_ring_take(const char *ring, XENSTORE_RING_IDX cons, XENSTORE_RING_IDX prod, char *out,
		 uint32_t max)
{
	uint32_t avail = prod - cons;

	if (avail > XENSTORE_RING_SIZE)
		return -1;
	uint32_t n = avail < max ? avail : max;
	across((char *)ring, cons, out, n, false);
	return (int)n;
}

int xs_ring_put(char *ring, XENSTORE_RING_IDX cons, XENSTORE_RING_IDX prod, const char *in,
		uint32_t n)
{
	uint32_t used = prod - cons;

	if (used > XENSTORE_RING_SIZE)
		return -1;
	uint32_t room = XENSTORE_RING_SIZE - used;
	if (n > room)
		n = room;
	across(ring, prod, (char *)in, n, true);
	return (int)n;
}
