/* Bytes through one direction of a console ring page (pvabi/console.h):
 * size is the ring's, a power of 2; indices run freely and either side's
 * may be a lie. prod - cons beyond the ring's size means the ring is broken,
 * never a copy that runs off it. Plain C with no dependencies, so the
 * hypervisor, dom0's console backend and the host tests share it. */
#ifndef CONSOLE_RING_COPY_H
#define CONSOLE_RING_COPY_H

#include <stdint.h>

/* Copy up to max bytes waiting between cons and prod into out: the count,
 * or -1 when the indices are inconsistent. The caller then advances cons
 * (after a barrier). */
int ring_take(const volatile char *ring, uint32_t size, uint32_t cons, uint32_t prod, char *out,
	      uint32_t max);

/* Copy up to n bytes of in to the ring at prod, as far as there is room:
 * the count, or -1 when the indices are inconsistent. The caller then
 * advances prod (after a write barrier). */
int ring_put(volatile char *ring, uint32_t size, uint32_t cons, uint32_t prod, const char *in,
	     uint32_t n);

#endif
