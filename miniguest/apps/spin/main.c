/* spin: a guest that keeps the CPU busy until it is told to stop (the
 * toolstack's shutdown or reboot, or a destroy), letting its other threads
 * run between rounds; with an argument N it stops by itself after N
 * rounds. What the toolstack's pause, CPU time and reboot are tried on. */
#include <stdio.h>
#include <stdlib.h>

#include "kernel/thread.h"

/* Where the busy work goes, so that the compiler keeps it. */
volatile unsigned long spin_sink;

int main(int argc, char **argv)
{
	unsigned long rounds = argc > 1 ? strtoul(argv[1], NULL, 10) : 0;

	printf("spin: busy%s\n", rounds ? "" : " until told to stop");
	for (unsigned long r = 0; !rounds || r < rounds; r++) {
		for (unsigned i = 0; i < 200000; i++)
			spin_sink += i;
		thread_yield();
	}
	printf("spin: %lu rounds done\n", rounds);
	return 0;
}
