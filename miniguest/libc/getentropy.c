/* getentropy: RDRAND where the CPU has it. Without it the bytes come from
 * a xorshift generator seeded once from the TSC and the wall clock:
 * unpredictable enough to seed a hash table or a test's random numbers,
 * NOT for cryptography (README, "miniguest"). */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "kernel/time.h"

static int have_rdrand(void)
{
	uint32_t a, b, c, d;

	asm volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(1), "c"(0));
	return (c >> 30) & 1;
}

static int rdrand(uint32_t *out)
{
	for (int tries = 0; tries < 10; tries++) {
		uint8_t ok;
		asm volatile("rdrand %0; setc %1" : "=r"(*out), "=qm"(ok));
		if (ok)
			return 0;
	}
	return -1;
}

static uint64_t fallback_state;

static uint32_t fallback(void)
{
	if (!fallback_state) {
		uint64_t sec;
		uint32_t nsec, lo, hi;
		asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
		time_wallclock(&sec, &nsec);
		fallback_state = (((uint64_t)hi << 32) | lo) ^ (sec << 30) ^ nsec;
		fallback_state |= 1;
	}
	fallback_state ^= fallback_state << 13;
	fallback_state ^= fallback_state >> 7;
	fallback_state ^= fallback_state << 17;
	return (uint32_t)(fallback_state >> 16);
}

int getentropy(void *buf, size_t len)
{
	static int use_rdrand = -1;
	uint8_t *p = buf;

	if (len > 256) {
		errno = EIO;    /* what POSIX asks for requests over 256 bytes */
		return -1;
	}
	if (use_rdrand < 0)
		use_rdrand = have_rdrand();
	while (len) {
		uint32_t word;
		if (!use_rdrand || rdrand(&word) < 0)
			word = fallback();
		size_t n = len < 4 ? len : 4;
		memcpy(p, &word, n);
		p += n;
		len -= n;
	}
	return 0;
}
