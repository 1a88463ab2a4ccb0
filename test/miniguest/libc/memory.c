/* malloc, calloc, realloc and free under stress: every block carries a
 * pattern derived from its slot, checked before it is resized or freed. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "kernel/frames.h"
#include "kernel/heap.h"
#include "libc_test.h"

#define SLOTS  256
#define ROUNDS 20000

static uint32_t rng = 12345;

/* The compiler may drop an allocation whose contents it can predict; one
 * that escapes through here is real. */
static void *volatile escape;

static uint32_t next_random(void)
{
	rng = rng * 1103515245u + 12345u;
	return rng >> 8;
}

static void fill(unsigned char *p, size_t n, unsigned slot)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (unsigned char)(slot * 31 + i);
}

static int intact(const unsigned char *p, size_t n, unsigned slot)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != (unsigned char)(slot * 31 + i))
			return 0;
	return 1;
}

void test_memory(void)
{
	static unsigned char *block[SLOTS];
	static size_t size[SLOTS];
	int corrupt = 0, failed = 0;

	for (int r = 0; r < ROUNDS; r++) {
		unsigned s = next_random() % SLOTS;
		size_t want = next_random() % (next_random() % 8 == 0 ? 65536 : 512);
		if (block[s] && !intact(block[s], size[s], s))
			corrupt++;
		switch (next_random() % 3) {
		case 0:
			free(block[s]);
			block[s] = NULL;
			size[s] = 0;
			break;
		case 1: {
			unsigned char *p = realloc(block[s], want + 1);
			if (!p) {
				failed++;
				break;
			}
			/* realloc keeps the old contents up to the smaller size. */
			if (!intact(p, size[s] < want + 1 ? size[s] : want + 1, s))
				corrupt++;
			block[s] = p;
			size[s] = want + 1;
			fill(p, size[s], s);
			break;
		}
		default:
			free(block[s]);
			block[s] = malloc(want + 1);
			size[s] = block[s] ? want + 1 : 0;
			if (block[s])
				fill(block[s], size[s], s);
			else
				failed++;
		}
	}
	for (unsigned s = 0; s < SLOTS; s++) {
		if (block[s] && !intact(block[s], size[s], s))
			corrupt++;
		free(block[s]);
		block[s] = NULL;        /* so that a second run starts afresh */
		size[s] = 0;
	}
	CHECK(corrupt == 0 && failed == 0, "%d rounds of malloc/realloc/free keep every block "
	      "intact (%d corrupt, %d failed)", ROUNDS, corrupt, failed);

	unsigned char *z = calloc(1000, 4);
	escape = z;
	int zero = z != NULL;
	for (int i = 0; z && i < 4000; i++)
		zero &= z[i] == 0;
	CHECK(zero, "calloc returns zeroed memory");
	free(z);

	/* 8 MiB: more than the heap had, so it must grow. */
	unsigned char *big = malloc(8u << 20);
	escape = big;
	CHECK(big != NULL, "an 8 MiB block fits in the domain's memory");
	if (big) {
		memset(big, 0xa5, 8u << 20);
		CHECK(big[0] == 0xa5 && big[(8u << 20) - 1] == 0xa5, "all of it is writable");
		uint32_t grown = heap_size(), frames = frames_free_count();
		free(big);
		/* newlib trims the top of its heap: sbrk gives the pages back. */
		CHECK(heap_size() + (4u << 20) < grown && frames_free_count() > frames + 1024,
		      "freeing it shrinks the heap (%u -> %u bytes) and frees frames (%u -> %u)",
		      (unsigned)grown, (unsigned)heap_size(), (unsigned)frames,
		      (unsigned)frames_free_count());
		big = malloc(8u << 20);
		escape = big;
		CHECK(big && memset(big, 1, 8u << 20) == big && heap_size() >= (8u << 20),
		      "and it grows back");
		free(big);
	}
	void *aligned = NULL;
	CHECK(posix_memalign(&aligned, 4096, 100) == 0 && ((uintptr_t)aligned & 4095) == 0,
	      "posix_memalign gives a page-aligned block");
	free(aligned);
	void *a2 = aligned_alloc(64, 128);
	escape = a2;
	CHECK(a2 && ((uintptr_t)a2 & 63) == 0, "aligned_alloc aligns to 64");
	free(a2);
	CHECK(posix_memalign(&aligned, 3, 8) == EINVAL, "an alignment that is no power of 2: EINVAL");

	errno = 0;
	void *huge = malloc(1u << 30);
	escape = huge;
	CHECK(huge == NULL && errno == ENOMEM, "a 1 GiB request fails with ENOMEM (%p, errno %d)",
	      huge, errno);
	free(huge);
}
