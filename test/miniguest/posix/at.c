/* The *at calls: relative paths from a directory descriptor. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "posix_test.h"

void test_at(void)
{
	int dfd = open("/data", O_RDONLY | O_DIRECTORY), ffd, fd;
	struct timespec ts[2] = { { 100, 0 }, { 200, 0 } };
	struct stat st;
	char buf[8] = { 0 };

	CHECK(dfd >= 0 && chdir("/") == 0, "a directory descriptor on /data, cwd /");
	fd = openat(dfd, "hello.txt", O_RDONLY);
	CHECK(fd >= 0 && read(fd, buf, 5) == 5 && memcmp(buf, "hello", 5) == 0,
	      "openat reads /data/hello.txt");
	close(fd);
	CHECK(fstatat(dfd, "hello.txt", &st, 0) == 0 && S_ISREG(st.st_mode), "fstatat");
	CHECK(fstatat(AT_FDCWD, "data", &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode),
	      "fstatat with AT_FDCWD is from the current directory");
	CHECK(mkdirat(dfd, "atdir", 0755) == 0 && stat("/data/atdir", &st) == 0, "mkdirat");
	fd = openat(dfd, "atdir/f", O_CREAT | O_WRONLY, 0600);
	CHECK(fd >= 0 && faccessat(dfd, "atdir/f", W_OK, AT_EACCESS) == 0,
	      "openat O_CREAT, faccessat");
	close(fd);
	CHECK(fchmodat(dfd, "atdir/f", 0400, 0) == 0 && stat("/data/atdir/f", &st) == 0 &&
	      (st.st_mode & 0777) == 0400, "fchmodat");
	CHECK(utimensat(dfd, "atdir/f", ts, 0) == 0 && stat("/data/atdir/f", &st) == 0 &&
	      st.st_mtime == 200, "utimensat from a directory descriptor");
	CHECK(fchownat(dfd, "atdir/f", getuid(), getgid(), 0) == 0, "fchownat to the user");
	ffd = open("/data/atdir", O_RDONLY | O_DIRECTORY);
	CHECK(renameat(dfd, "atdir/f", ffd, "g") == 0 && access("/data/atdir/g", F_OK) == 0,
	      "renameat between two directory descriptors");
	CHECK(linkat(ffd, "g", AT_FDCWD, "/tmp/g2", 0) == 0 && stat("/tmp/g2", &st) == 0 &&
	      st.st_nlink == 2, "linkat");
	FAILS_WITH(unlinkat(dfd, "atdir", 0), -1, EISDIR);
	CHECK(unlinkat(ffd, "g", 0) == 0 && unlinkat(AT_FDCWD, "/tmp/g2", 0) == 0 &&
	      unlinkat(dfd, "atdir", AT_REMOVEDIR) == 0 && access("/data/atdir", F_OK) != 0,
	      "unlinkat, with AT_REMOVEDIR for a directory");
	CHECK(fstatat(ffd, "/data/hello.txt", &st, 0) == 0,
	      "an absolute path ignores the descriptor (even a removed directory's)");
	FAILS_WITH(fstatat(ffd, "x", &st, 0), -1, ENOENT);
	close(ffd);
	fd = open("/data/hello.txt", O_RDONLY);
	FAILS_WITH(openat(fd, "x", O_RDONLY), -1, ENOTDIR);
	FAILS_WITH(openat(54, "x", O_RDONLY), -1, EBADF);
	FAILS_WITH(fstatat(dfd, "", &st, 0), -1, ENOENT);
	FAILS_WITH(unlinkat(dfd, "hello.txt", 0x4000), -1, EINVAL);
	FAILS_WITH(readlinkat(dfd, "hello.txt", buf, sizeof(buf)), -1, EINVAL);
	close(fd);
	close(dfd);
}
