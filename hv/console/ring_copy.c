#include "ring_copy.h"

int ring_take(const volatile char *ring, uint32_t size, uint32_t cons, uint32_t prod, char *out,
	      uint32_t max)
{
	uint32_t avail = prod - cons;

	if (avail > size)
		return -1;
	uint32_t n = avail < max ? avail : max;
	for (uint32_t i = 0; i < n; i++)
		out[i] = ring[(cons + i) & (size - 1)];
	return (int)n;
}

int ring_put(volatile char *ring, uint32_t size, uint32_t cons, uint32_t prod, const char *in,
	     uint32_t n)
{
	uint32_t used = prod - cons;

	if (used > size)
		return -1;
	if (n > size - used)
		n = size - used;
	for (uint32_t i = 0; i < n; i++)
		ring[(prod + i) & (size - 1)] = in[i];
	return (int)n;
}
