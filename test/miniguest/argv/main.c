/* Prints its arguments one per line, between brackets, and the domain's
 * memory: boot/run's quoting and --guest-mem, end to end. */
#include <stdio.h>
#include <stdlib.h>

#include "kernel/hypervisor.h"

int main(int argc, char **argv)
{
	const char *x = getenv("X");

	printf("argc %d\n", argc);
	for (int i = 1; i < argc; i++)
		printf("argv[%d] [%s]\n", i, argv[i]);
	printf("X [%s]\n", x ? x : "(unset)");
	printf("memory %lu MiB\n", (unsigned long)(start_info->nr_pages >> 8));
	return 0;
}
