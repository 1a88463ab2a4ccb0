/* A file's metadata: what is set is what stat reads back. */
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>
#include <utime.h>

#include "posix_test.h"

static void file_times(void)
{
	struct utimbuf ub = { .actime = 1000000000, .modtime = 1234567890 };
	struct timeval tv[2] = { { 1500000000, 250000 }, { 1600000000, 0 } };
	struct timeval bad[2] = { { 1, 1000000 }, { 1, 0 } };
	struct timespec ts[2] = { { 7, UTIME_OMIT }, { 1700000000, 0 } };
	struct stat st;
	int fd;

	CHECK(utime("/data/hello.txt", &ub) == 0, "utime");
	CHECK(stat("/data/hello.txt", &st) == 0 && st.st_atime == 1000000000 &&
	      st.st_mtime == 1234567890, "utime's times read back (atime %ld, mtime %ld)",
	      (long)st.st_atime, (long)st.st_mtime);
	CHECK(utimes("/data/hello.txt", tv) == 0 && stat("/data/hello.txt", &st) == 0 &&
	      st.st_atime == 1500000000 && st.st_mtime == 1600000000, "utimes");
	fd = open("/data/hello.txt", O_RDONLY);
	CHECK(futimens(fd, ts) == 0 && fstat(fd, &st) == 0 && st.st_atime == 1500000000 &&
	      st.st_mtime == 1700000000, "futimens: UTIME_OMIT keeps the access time");
	close(fd);
	CHECK(utime("/data/hello.txt", NULL) == 0 && stat("/data/hello.txt", &st) == 0 &&
	      st.st_mtime > 1700000000 && st.st_mtime == time(NULL),
	      "utime(NULL) stamps now (%ld)", (long)st.st_mtime);
	FAILS_WITH(utimes("/data/hello.txt", bad), -1, EINVAL);
	FAILS_WITH(utime("/data/missing", &ub), -1, ENOENT);
}

static void modes(void)
{
	struct stat st;
	int fd;

	CHECK(chmod("/data/hello.txt", 0640) == 0 && stat("/data/hello.txt", &st) == 0 &&
	      (st.st_mode & 07777) == 0640 && S_ISREG(st.st_mode), "chmod then stat: %o",
	      (unsigned)st.st_mode);
	fd = open("/data/hello.txt", O_RDONLY);
	CHECK(fchmod(fd, 04711) == 0 && fstat(fd, &st) == 0 && (st.st_mode & 07777) == 04711,
	      "fchmod");
	close(fd);
	FAILS_WITH(chmod("/nowhere/x", 0644), -1, ENOENT);
	FAILS_WITH(fchmod(63, 0644), -1, EBADF);

	CHECK(access("/data/hello.txt", X_OK) == 0, "access X_OK on mode 4711");
	chmod("/data/hello.txt", 0444);
	CHECK(access("/data/hello.txt", R_OK) == 0, "access R_OK on mode 444");
	FAILS_WITH(access("/data/hello.txt", W_OK), -1, EACCES);
	FAILS_WITH(access("/data/hello.txt", X_OK), -1, EACCES);
	FAILS_WITH(access("/data/missing", F_OK), -1, ENOENT);
	chmod("/data/hello.txt", 0644);
}

static void owners(void)
{
	struct stat st;
	int fd = open("/data/hello.txt", O_RDONLY);

	CHECK(stat("/data/hello.txt", &st) == 0 && st.st_uid == getuid() &&
	      st.st_gid == getgid(), "files belong to the user (%u:%u)",
	      (unsigned)st.st_uid, (unsigned)st.st_gid);
	CHECK(chown("/data/hello.txt", getuid(), getgid()) == 0, "chown to the user itself");
	CHECK(chown("/data/hello.txt", (uid_t)-1, (gid_t)-1) == 0, "chown -1 -1 changes nothing");
	CHECK(fchown(fd, getuid(), (gid_t)-1) == 0, "fchown to the user itself");
	FAILS_WITH(chown("/data/hello.txt", 0, 0), -1, EPERM);
	FAILS_WITH(fchown(fd, getuid(), 4242), -1, EPERM);
	FAILS_WITH(chown("/data/missing", 0, 0), -1, ENOENT);
	close(fd);
}

static void sizes(void)
{
	struct stat st;
	char buf[32] = { 0 };
	int fd;

	fd = open("/tmp/trunc", O_CREAT | O_RDWR | O_TRUNC, 0644);
	write(fd, "0123456789", 10);
	CHECK(truncate("/tmp/trunc", 4) == 0 && stat("/tmp/trunc", &st) == 0 && st.st_size == 4,
	      "truncate shortens");
	CHECK(truncate("/tmp/trunc", 8) == 0 && pread(fd, buf, sizeof(buf), 0) == 8 &&
	      memcmp(buf, "0123\0\0\0\0", 8) == 0, "truncate lengthens with zeros");
	FAILS_WITH(truncate("/tmp", 0), -1, EISDIR);
	FAILS_WITH(truncate("/tmp/trunc", -1), -1, EINVAL);
	FAILS_WITH(truncate("/tmp/none", 0), -1, ENOENT);
	CHECK(fsync(fd) == 0 && fdatasync(fd) == 0, "fsync and fdatasync on a file");
	FAILS_WITH(fsync(1), -1, EINVAL);
	FAILS_WITH(fsync(62), -1, EBADF);
	close(fd);
	unlink("/tmp/trunc");
}

static void masks(void)
{
	struct stat st;
	mode_t old = umask(027);
	int fd;

	CHECK(old == 022, "the umask starts as 022 (%o)", (unsigned)old);
	fd = open("/tmp/masked", O_CREAT | O_WRONLY, 0666);
	CHECK(fd >= 0 && fstat(fd, &st) == 0 && (st.st_mode & 0777) == 0640,
	      "open's mode less the umask: %o", (unsigned)(st.st_mode & 0777));
	CHECK(mkdir("/tmp/maskdir", 0777) == 0 && stat("/tmp/maskdir", &st) == 0 &&
	      (st.st_mode & 0777) == 0750, "mkdir's too: %o", (unsigned)(st.st_mode & 0777));
	CHECK(umask(old) == 027, "umask returns the previous mask");
	close(fd);
	unlink("/tmp/masked");
	rmdir("/tmp/maskdir");
}

void test_metadata(void)
{
	file_times();
	modes();
	owners();
	sizes();
	masks();
}
