/* 64-bit division for a 32-bit freestanding image: the compiler emits calls
 * to these for every 64-bit '/' and '%', and the hypervisor links no runtime
 * library. Shift-and-subtract: short, exact, and fast enough for the few
 * divisions off the hot paths. */
#include <stdint.h>

uint64_t __udivmoddi4(uint64_t n, uint64_t d, uint64_t *rem);
uint64_t __udivdi3(uint64_t n, uint64_t d);
uint64_t __umoddi3(uint64_t n, uint64_t d);
int64_t __divdi3(int64_t n, int64_t d);
int64_t __moddi3(int64_t n, int64_t d);

uint64_t __udivmoddi4(uint64_t n, uint64_t d, uint64_t *rem)
{
	uint64_t q = 0, r = 0;

	if (d == 0) {
		/* The caller divided by zero: trap the way a 32-bit divide would. */
		volatile uint32_t zero = 0;
		return (uint32_t)n / zero;
	}
	if ((n >> 32) == 0 && (d >> 32) == 0) {
		q = (uint32_t)n / (uint32_t)d;
		r = (uint32_t)n % (uint32_t)d;
	} else {
		for (int bit = 63; bit >= 0; bit--) {
			r = (r << 1) | ((n >> bit) & 1);
			if (r >= d) {
				r -= d;
				q |= 1ull << bit;
			}
		}
	}
	if (rem)
		*rem = r;
	return q;
}

uint64_t __udivdi3(uint64_t n, uint64_t d)
{
	return __udivmoddi4(n, d, 0);
}

uint64_t __umoddi3(uint64_t n, uint64_t d)
{
	uint64_t r;
	__udivmoddi4(n, d, &r);
	return r;
}

static uint64_t magnitude(int64_t v)
{
	return v < 0 ? -(uint64_t)v : (uint64_t)v;
}

int64_t __divdi3(int64_t n, int64_t d)
{
	uint64_t q = __udivdi3(magnitude(n), magnitude(d));
	return (int64_t)((n < 0) != (d < 0) ? -q : q);
}

int64_t __moddi3(int64_t n, int64_t d)
{
	uint64_t r = __umoddi3(magnitude(n), magnitude(d));
	return (int64_t)(n < 0 ? -r : r);
}
