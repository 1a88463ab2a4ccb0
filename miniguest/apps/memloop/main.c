/* memloop KB [ROUNDS]: a program whose memory the toolstack's balloon
 * target moves under it. Each round it mallocs 64 KiB blocks up to KB,
 * fills and checks them, frees them and sleeps 200 ms; a block it keeps
 * for its whole life is checked every round too, so a page taken from
 * under it shows. It passes once it has had KB whole, then less (the
 * domain ballooned down), then KB whole again with no page left ballooned
 * out (grown back), with every check right; after ROUNDS rounds (default 600) without that, it fails. */
#include <malloc.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "kernel/balloon.h"

#define BLOCK (64u * 1024)
#define KEPT  (256u * 1024)

static uint32_t word(uint32_t seed, uint32_t i)
{
	return (seed * 2654435761u) ^ (i * 40503u);
}

static void fill(uint32_t *p, uint32_t bytes, uint32_t seed)
{
	for (uint32_t i = 0; i < bytes / 4; i++)
		p[i] = word(seed, i);
}

static int check(const uint32_t *p, uint32_t bytes, uint32_t seed)
{
	for (uint32_t i = 0; i < bytes / 4; i++)
		if (p[i] != word(seed, i))
			return -1;
	return 0;
}

/* One round: the KiB it got, or -1 when a check failed. */
static long round_of(uint32_t goal_kb, uint32_t r)
{
	static uint32_t *blocks[65536];
	uint32_t n = 0, max = goal_kb / (BLOCK / 1024);
	long bad = 0;

	while (n < max && n < sizeof(blocks) / sizeof(blocks[0]) && (blocks[n] = malloc(BLOCK))) {
		fill(blocks[n], BLOCK, r * 65536 + n);
		n++;
	}
	for (uint32_t i = 0; i < n; i++) {
		if (check(blocks[i], BLOCK, r * 65536 + i) < 0)
			bad = -1;
		free(blocks[i]);
	}
	return bad ? bad : (long)n * (BLOCK / 1024);
}

int main(int argc, char **argv)
{
	uint32_t goal = argc > 1 ? (uint32_t)strtoul(argv[1], NULL, 10) : 0;
	uint32_t rounds = argc > 2 ? (uint32_t)strtoul(argv[2], NULL, 10) : 600;
	uint32_t *kept = malloc(KEPT);
	const struct timespec pause = { .tv_nsec = 200 * 1000 * 1000 };
	int phase = 0;          /* 0: wants KB whole, 1: less, 2: whole again */

	if (goal < BLOCK / 1024 || !kept || !rounds) {
		printf("memloop: give KB (at least 64) and, if you like, ROUNDS\n");
		return 2;
	}
	fill(kept, KEPT, 7);
	printf("memloop: %u KiB a round, at most %u rounds\n", goal, rounds);
	for (uint32_t r = 0; r < rounds && phase < 3; r++) {
		long got = round_of(goal, r);
		if (got < 0 || check(kept, KEPT, 7) < 0) {
			printf("memloop: round %u: a page changed under the program\n", r);
			printf("Test result: FAILURE\n");
			return 1;
		}
		bool whole = (uint32_t)got >= goal - goal % (BLOCK / 1024);
		/* Grown back means all of it: no page left with the hypervisor. */
		if (whole == (phase != 1) && (phase != 2 || balloon_pages_out() == 0)) {
			printf("memloop: round %u: %ld KiB%s; the heap is %zu KiB after freeing it, "
			       "%u pages ballooned out\n", r, got,
			       whole ? ", all of it" : " only: the domain is smaller",
			       (size_t)mallinfo().arena / 1024, balloon_pages_out());
			phase++;
		}
		fflush(stdout);
		nanosleep(&pause, NULL);
	}
	if (phase < 3) {
		printf("memloop: %u rounds without KB whole, then less, then whole again\n", rounds);
		printf("Test result: FAILURE\n");
		return 1;
	}
	printf("Test result: SUCCESS\n");
	return 0;
}
