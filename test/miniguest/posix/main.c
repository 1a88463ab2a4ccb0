/* The POSIX guest: the calls a POSIX-minded C program takes for granted,
 * each really done where the ramfs can do it, and failing with the POSIX
 * errno where it cannot. Booted with files/ as its archive. */
#include "posix_test.h"

int check_failures, check_count;

int main(void)
{
	test_metadata();
	test_cwd();
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
