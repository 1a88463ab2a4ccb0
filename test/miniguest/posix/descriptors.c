/* dup, dup2 and fcntl: shared positions and flags, per-descriptor
 * close-on-exec, and advisory locks with one process's meaning. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "posix_test.h"

static void duplicates(void)
{
	char buf[8] = { 0 };
	int fd = open("/data/hello.txt", O_RDONLY), d, d2;

	d = dup(fd);
	CHECK(d > fd, "dup gives the lowest free descriptor (%d)", d);
	CHECK(read(fd, buf, 5) == 5 && lseek(d, 0, SEEK_CUR) == 5,
	      "a dup shares the file position");
	CHECK(read(d, buf, 2) == 2 && memcmp(buf, ", ", 2) == 0, "and reads on from it");
	close(fd);
	CHECK(read(d, buf, 6) == 6 && memcmp(buf, "mapped", 6) == 0,
	      "the dup stays open when the original closes");
	d2 = dup2(d, 20);
	CHECK(d2 == 20 && lseek(20, 0, SEEK_CUR) == 13, "dup2 onto a chosen number");
	CHECK(dup2(d, d) == d, "dup2 onto itself does nothing");
	fd = open("/data/hello.txt", O_RDONLY);
	CHECK(dup2(fd, 20) == 20 && lseek(20, 0, SEEK_CUR) == 0,
	      "dup2 onto an open descriptor replaces it");
	FAILS_WITH(dup(50), -1, EBADF);
	FAILS_WITH(dup2(50, 3), -1, EBADF);
	FAILS_WITH(dup2(fd, 64), -1, EBADF);
	FAILS_WITH(dup2(fd, -1), -1, EBADF);
	close(fd);
	close(d);
	close(20);

	/* stdout through a dup: the console. */
	static const char line[] = "this line went through dup(1)\n";
	fflush(stdout);
	d = dup(1);
	CHECK(d >= 0 && write(d, line, strlen(line)) == (ssize_t)strlen(line) && isatty(d),
	      "dup(1) is the console too");
	close(d);
}

static void flags(void)
{
	int fd = open("/tmp/fl", O_CREAT | O_RDWR | O_TRUNC, 0644), d;
	struct stat st;

	CHECK(fcntl(fd, F_GETFD) == 0, "F_GETFD: close-on-exec off after open");
	CHECK(fcntl(fd, F_SETFD, FD_CLOEXEC) == 0 && fcntl(fd, F_GETFD) == FD_CLOEXEC,
	      "F_SETFD sets it");
	d = fcntl(fd, F_DUPFD, 10);
	CHECK(d >= 10 && fcntl(d, F_GETFD) == 0, "F_DUPFD: at or above 10 (%d), without it", d);
	CHECK((fcntl(fd, F_GETFL) & O_ACCMODE) == O_RDWR, "F_GETFL: read-write");
	CHECK(fcntl(fd, F_SETFL, O_APPEND) == 0 && (fcntl(d, F_GETFL) & O_APPEND),
	      "F_SETFL O_APPEND, seen through the dup");
	lseek(fd, 0, SEEK_SET);
	write(fd, "ab", 2);
	lseek(d, 0, SEEK_SET);
	write(d, "cd", 2);
	CHECK(fstat(fd, &st) == 0 && st.st_size == 4, "both append");
	CHECK(fcntl(fd, F_SETFL, O_RDONLY) == 0 && (fcntl(fd, F_GETFL) & O_ACCMODE) == O_RDWR,
	      "F_SETFL leaves the access mode alone");
	close(d);
	d = fcntl(fd, F_DUPFD_CLOEXEC, 0);
	CHECK(d >= 0 && fcntl(d, F_GETFD) == FD_CLOEXEC, "F_DUPFD_CLOEXEC");
	close(d);
	d = open("/tmp/fl", O_RDONLY | O_CLOEXEC);
	CHECK(fcntl(d, F_GETFD) == FD_CLOEXEC, "open with O_CLOEXEC");
	close(d);
	FAILS_WITH(fcntl(fd, F_DUPFD, 64), -1, EINVAL);
	FAILS_WITH(fcntl(fd, F_DUPFD, -1), -1, EINVAL);
	FAILS_WITH(fcntl(fd, 999), -1, EINVAL);
	FAILS_WITH(fcntl(55, F_GETFD), -1, EBADF);
	close(fd);
}

static void locks(void)
{
	int rw = open("/tmp/fl", O_RDWR), ro = open("/tmp/fl", O_RDONLY);
	struct flock l = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0 };

	CHECK(fcntl(rw, F_SETLK, &l) == 0, "F_SETLK write lock");
	CHECK(fcntl(rw, F_SETLKW, &l) == 0, "F_SETLKW: the process's own lock never blocks it");
	l.l_type = F_RDLCK;
	CHECK(fcntl(ro, F_GETLK, &l) == 0 && l.l_type == F_UNLCK,
	      "F_GETLK: no other process holds a lock");
	l.l_type = F_WRLCK;
	FAILS_WITH(fcntl(ro, F_SETLK, &l), -1, EBADF);
	l.l_type = 77;
	FAILS_WITH(fcntl(rw, F_SETLK, &l), -1, EINVAL);
	l = (struct flock){ .l_type = F_RDLCK, .l_whence = SEEK_SET, .l_start = -1 };
	FAILS_WITH(fcntl(rw, F_SETLK, &l), -1, EINVAL);
	l = (struct flock){ .l_type = F_RDLCK, .l_whence = 9 };
	FAILS_WITH(fcntl(rw, F_SETLK, &l), -1, EINVAL);
	l = (struct flock){ .l_type = F_UNLCK, .l_whence = SEEK_SET };
	CHECK(fcntl(rw, F_SETLK, &l) == 0, "F_UNLCK");
	FAILS_WITH(fcntl(60, F_SETLK, &l), -1, EBADF);
	CHECK(lockf(rw, F_LOCK, 0) == 0 && lockf(rw, F_TLOCK, 10) == 0 && lockf(rw, F_TEST, 0) == 0 &&
	      lockf(rw, F_ULOCK, 0) == 0, "lockf");
	FAILS_WITH(lockf(ro, F_LOCK, 0), -1, EBADF);
	FAILS_WITH(lockf(rw, 99, 0), -1, EINVAL);
	CHECK(flock(ro, LOCK_SH) == 0 && flock(rw, LOCK_EX | LOCK_NB) == 0 && flock(rw, LOCK_UN) == 0,
	      "flock");
	FAILS_WITH(flock(rw, 0), -1, EINVAL);
	FAILS_WITH(flock(61, LOCK_EX), -1, EBADF);
	close(rw);
	close(ro);
	unlink("/tmp/fl");
}

void test_descriptors(void)
{
	duplicates();
	flags();
	locks();
}
