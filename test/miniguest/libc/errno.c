/* Failing calls set errno; what a domain cannot do fails with ENOSYS. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../check.h"
#include "libc_test.h"

#define FAILS_WITH(call, err)                                               \
	do {                                                                \
		errno = 0;                                                  \
		long rc_ = (long)(call);                                    \
		CHECK(rc_ == -1 && errno == (err), "%s fails with %s (rc %ld, errno %d)", \
		      #call, #err, rc_, errno);                             \
	} while (0)

void test_errno(void)
{
	char c;

	FAILS_WITH(open("/no/such/file", O_RDONLY), ENOENT);
	FAILS_WITH(open("/data/lines.txt/x", O_RDONLY), ENOTDIR);
	FAILS_WITH(open("/data", O_WRONLY), EISDIR);
	FAILS_WITH(open("/data/lines.txt", O_CREAT | O_EXCL | O_WRONLY, 0644), EEXIST);
	FAILS_WITH(mkdir("/data", 0755), EEXIST);
	FAILS_WITH(rmdir("/data"), ENOTEMPTY);
	FAILS_WITH(unlink("/data"), EISDIR);
	FAILS_WITH(read(99, &c, 1), EBADF);
	FAILS_WITH(write(-1, &c, 1), EBADF);
	FAILS_WITH(lseek(42, 0, SEEK_SET), EBADF);
	FAILS_WITH(fork(), ENOSYS);
	FAILS_WITH(execve("/bin/sh", NULL, NULL), ENOSYS);
	FAILS_WITH(kill(77, 0), ESRCH);
	errno = 0;
	CHECK(fopen("/missing", "r") == NULL && errno == ENOENT, "fopen reports ENOENT");
	errno = 0;
	CHECK(opendir("/missing") == NULL && errno == ENOENT, "opendir reports ENOENT");
}
