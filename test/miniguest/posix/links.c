/* No symbolic links on the ramfs: lstat is stat, symlink is refused with
 * EPERM (a filesystem without them), readlink finds no link. */
#include <sys/stat.h>
#include <unistd.h>

#include "posix_test.h"

void test_links(void)
{
	struct stat a, b;
	char buf[16];

	CHECK(lstat("/data/hello.txt", &a) == 0 && stat("/data/hello.txt", &b) == 0 &&
	      a.st_ino == b.st_ino && S_ISREG(a.st_mode), "lstat of a file is its stat");
	FAILS_WITH(lstat("/data/missing", &a), -1, ENOENT);
	FAILS_WITH(symlink("/data/hello.txt", "/tmp/link"), -1, EPERM);
	CHECK(access("/tmp/link", F_OK) != 0, "symlink made nothing");
	FAILS_WITH(readlink("/data/hello.txt", buf, sizeof(buf)), -1, EINVAL);
	FAILS_WITH(readlink("/data/missing", buf, sizeof(buf)), -1, ENOENT);
}
