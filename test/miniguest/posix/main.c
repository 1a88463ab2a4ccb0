/* The POSIX guest: the calls a POSIX-minded C program takes for granted,
 * each really done where the ramfs can do it, and failing with the POSIX
 * errno where it cannot. Booted with files/ as its archive. With the
 * argument "write-read-only" it writes to a page mprotect made read-only
 * instead, which must fault. */
#include <string.h>
#include <sys/mman.h>

#include "posix_test.h"

int check_failures, check_count;

/* Not inlined, so that the exception dump can name it. */
__attribute__((noinline)) static void write_to(volatile char *p)
{
	*p = 1;
}

static int write_read_only(void)
{
	char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	CHECK(p != MAP_FAILED && mprotect(p, 4096, PROT_READ) == 0, "a read-only page");
	fflush(stdout);
	if (p != MAP_FAILED)
		write_to(p + 8);
	printf("the write went through\n");
	return check_finish() + 1;
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "write-read-only") == 0)
		return write_read_only();
	test_metadata();
	test_cwd();
	test_at();
	test_links();
	test_descriptors();
	test_pipes();
	test_system();
	test_terminal();
	test_mappings();
	test_locale();
	test_temporary();
	return check_finish();
}
