/* The fuzzer's random numbers: xorshift64*, seeded from the command line,
 * so that a seed replays the same rounds. */
#include "fuzz.h"

static uint64_t state = 0x9e3779b97f4a7c15ull;

void rng_seed(uint64_t seed)
{
	/* splitmix64 once, so that seeds 1, 2, 3 start far apart; never 0. */
	uint64_t z = seed + 0x9e3779b97f4a7c15ull;
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	state = (z ^ (z >> 31)) | 1;
}

uint64_t rnd64(void)
{
	state ^= state >> 12;
	state ^= state << 25;
	state ^= state >> 27;
	return state * 0x2545f4914f6cdd1dull;
}

uint32_t rnd32(void)
{
	return (uint32_t)(rnd64() >> 32);
}

uint32_t rnd(uint32_t n)
{
	return (uint32_t)(((uint64_t)rnd32() * n) >> 32);
}

bool one_in(uint32_t n)
{
	return rnd(n) == 0;
}

uint32_t edgy32(void)
{
	uint32_t bit = 1u << rnd(32);

	switch (rnd(8)) {
	case 0: return 0;
	case 1: return rnd(4) - 1u;                  /* -1, 0, 1, 2 */
	case 2: return bit;
	case 3: return bit - 1;
	case 4: return bit + 1;
	case 5: return 0x80000000u - rnd(2);         /* INT_MIN, INT_MAX */
	case 6: return 0u - bit;
	default: return rnd32();
	}
}

uint32_t pick_count(uint32_t usual_max)
{
	switch (rnd(16)) {
	case 0: return 0;
	case 1: return edgy32();
	case 2: return 0u - 1 - rnd(4);
	default: return 1 + rnd(usual_max);
	}
}
