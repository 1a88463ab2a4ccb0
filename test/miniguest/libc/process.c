/* Process-level calls: getpid, getentropy. */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "../check.h"
#include "libc_test.h"

void test_process(void)
{
	unsigned char a[64], b[64], big[300];

	CHECK(getpid() == 1, "a domain is process 1");
	memset(a, 0, sizeof(a));
	memset(b, 0, sizeof(b));
	CHECK(getentropy(a, sizeof(a)) == 0 && getentropy(b, sizeof(b)) == 0,
	      "getentropy fills 64 bytes, twice");
	CHECK(memcmp(a, b, sizeof(a)) != 0, "and the two differ");
	int zeros = 0;
	for (unsigned i = 0; i < sizeof(a); i++)
		zeros += a[i] == 0;
	CHECK(zeros < 16, "and are not mostly zeros (%d of 64)", zeros);
	errno = 0;
	CHECK(getentropy(big, sizeof(big)) == -1 && errno == EIO,
	      "more than 256 bytes at once fails with EIO");
}
