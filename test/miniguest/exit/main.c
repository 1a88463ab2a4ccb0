/* How a program ends, chosen by its first argument:
 *   return N    main returns N         exit N     exit(N)
 *   abort       abort()                fault      writes through NULL
 * Whatever the way, the hypervisor's log must say so (miniguest.tests). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Not inlined, so that the exception dump can name it. */
__attribute__((noinline)) static void write_through_null(volatile int *p)
{
	*p = 1;
}

int main(int argc, char **argv)
{
	const char *how = argc > 1 ? argv[1] : "return";
	int n = argc > 2 ? atoi(argv[2]) : 0;

	printf("ending by %s %d\n", how, n);
	fflush(stdout);
	if (strcmp(how, "exit") == 0)
		exit(n);
	if (strcmp(how, "abort") == 0)
		abort();
	if (strcmp(how, "fault") == 0)
		write_through_null(NULL);
	return n;
}
