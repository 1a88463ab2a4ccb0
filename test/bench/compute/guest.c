/* The compute workload as a miniguest program, on ringlet or Xen: times it
 * with rdtsc and prints the same line as the bare kernel (bare.c). With the
 * argument "corrupt" it flips a bit of the workload's buffer first, so its
 * check must find a wrong checksum. Exit status 0 only for the right one. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "work.h"

int main(int argc, char **argv)
{
	int crc_ok = compute_init() == 0;

	if (argc > 1 && strcmp(argv[1], "corrupt") == 0)
		compute_corrupt();
	uint64_t t0 = compute_rdtsc();
	uint32_t sum = compute_run(COMPUTE_ITERATIONS);
	uint64_t cycles = compute_rdtsc() - t0;
	int ok = crc_ok && sum == COMPUTE_CHECKSUM;

	printf("COMPUTE {\"cycles\": %llu, \"iterations\": %u, \"checksum\": \"0x%08lx\", "
	       "\"ok\": %s}\n", (unsigned long long)cycles, COMPUTE_ITERATIONS,
	       (unsigned long)sum, ok ? "true" : "false");
	if (ok)
		printf("compute: checksum right\n");
	else if (crc_ok)
		printf("compute: wrong checksum, expected 0x%08lx\n", (unsigned long)COMPUTE_CHECKSUM);
	else
		printf("compute: CRC-32 of \"123456789\" is wrong; checksum expected 0x%08lx\n",
		       (unsigned long)COMPUTE_CHECKSUM);
	return ok ? 0 : 1;
}
