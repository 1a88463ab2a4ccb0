/* The one user, and what the system says of itself. */
#include <limits.h>
#include <pwd.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "posix_test.h"

static void users(void)
{
	struct passwd *pw = getpwuid(getuid());

	CHECK(getuid() == geteuid() && getgid() == getegid(), "real and effective ids agree");
	CHECK(getuid() != 0, "the user is not root (%u)", (unsigned)getuid());
	CHECK(pw && pw->pw_uid == getuid() && pw->pw_gid == getgid() && pw->pw_name &&
	      pw->pw_dir && strcmp(pw->pw_dir, "/") == 0, "getpwuid finds the user");
	CHECK(pw && getpwnam(pw->pw_name) == pw, "getpwnam finds it by name (%s)",
	      pw ? pw->pw_name : "?");
	errno = 0;
	CHECK(getpwnam("nobody-else") == NULL && errno == 0, "no other user");
	CHECK(getpwuid(0) == NULL, "not even root");
	struct passwd mine, *found = &mine;
	char buf[128], small[8];
	CHECK(getpwuid_r(getuid(), &mine, buf, sizeof(buf), &found) == 0 && found == &mine &&
	      pw && strcmp(mine.pw_name, pw->pw_name) == 0 && mine.pw_name >= buf &&
	      mine.pw_name < buf + sizeof(buf), "getpwuid_r copies into the buffer");
	CHECK(getpwnam_r("user", &mine, buf, sizeof(buf), &found) == 0 && found == &mine,
	      "getpwnam_r");
	CHECK(getpwnam_r("nobody-else", &mine, buf, sizeof(buf), &found) == 0 && found == NULL,
	      "getpwnam_r of no one: 0 and NULL");
	CHECK(getpwuid_r(getuid(), &mine, small, sizeof(small), &found) == ERANGE && !found,
	      "getpwuid_r with a short buffer: ERANGE");
		CHECK(setuid(getuid()) == 0, "setuid to itself");
	FAILS_WITH(setuid(0), -1, EPERM);
}

static void limits(void)
{
	CHECK(sysconf(_SC_PAGESIZE) == 4096, "sysconf(_SC_PAGESIZE)");
	CHECK(sysconf(_SC_OPEN_MAX) == 64, "sysconf(_SC_OPEN_MAX): 64 descriptors");
	CHECK(sysconf(_SC_NPROCESSORS_ONLN) == 1, "one processor");
	CHECK(sysconf(_SC_CLK_TCK) > 0, "sysconf(_SC_CLK_TCK)");
	FAILS_WITH(sysconf(-5), -1, EINVAL);
	CHECK(pathconf("/data/hello.txt", _PC_NAME_MAX) == 255, "pathconf(_PC_NAME_MAX)");
	CHECK(pathconf("/", _PC_PATH_MAX) == 1024, "pathconf(_PC_PATH_MAX)");
	CHECK(fpathconf(0, _PC_PIPE_BUF) > 0, "fpathconf(_PC_PIPE_BUF)");
	FAILS_WITH(pathconf("/data/missing", _PC_NAME_MAX), -1, ENOENT);
	FAILS_WITH(pathconf("/", 9999), -1, EINVAL);
	FAILS_WITH(fpathconf(61, _PC_NAME_MAX), -1, EBADF);
}

static void identity(void)
{
	struct utsname u;
	struct rusage r1, r2;
	char host[65], tiny[2];
	volatile unsigned long spin = 0;

	CHECK(uname(&u) == 0 && strcmp(u.sysname, "miniguest") == 0 &&
	      strcmp(u.machine, "i686") == 0, "uname: %s %s %s", u.sysname, u.release, u.machine);
	CHECK(gethostname(host, sizeof(host)) == 0 && strcmp(host, u.nodename) == 0,
	      "gethostname is uname's nodename (%s)", host);
	FAILS_WITH(gethostname(tiny, sizeof(tiny)), -1, ENAMETOOLONG);
	CHECK(getrusage(RUSAGE_SELF, &r1) == 0, "getrusage");
	while (spin < 20000000)
		spin++;
	CHECK(getrusage(RUSAGE_SELF, &r2) == 0 &&
	      (r2.ru_utime.tv_sec > r1.ru_utime.tv_sec ||
	       (r2.ru_utime.tv_sec == r1.ru_utime.tv_sec && r2.ru_utime.tv_usec > r1.ru_utime.tv_usec)),
	      "user time grows with work (%ld.%06ld s)", (long)r2.ru_utime.tv_sec,
	      (long)r2.ru_utime.tv_usec);
	CHECK(r2.ru_utime.tv_usec >= 0 && r2.ru_utime.tv_usec < 1000000, "microseconds in range");
	CHECK(getrusage(RUSAGE_CHILDREN, &r1) == 0 && r1.ru_utime.tv_sec == 0 &&
	      r1.ru_utime.tv_usec == 0, "no children, no time");
	FAILS_WITH(getrusage(7, &r1), -1, EINVAL);
}

static void resources(void)
{
	struct rlimit r, low = { 16, 32 }, high = { 64, 1000 }, bad = { 9, 8 };
	gid_t groups[4];

	CHECK(getrlimit(RLIMIT_NOFILE, &r) == 0 && r.rlim_cur == 64 && r.rlim_max == 64,
	      "RLIMIT_NOFILE: the descriptor table's 64");
	CHECK(getrlimit(RLIMIT_STACK, &r) == 0 && r.rlim_cur >= 64 * 1024 &&
	      r.rlim_cur != RLIM_INFINITY, "RLIMIT_STACK: %lu bytes", r.rlim_cur);
	CHECK(getrlimit(RLIMIT_CORE, &r) == 0 && r.rlim_max == 0, "RLIMIT_CORE: no core files");
	CHECK(getrlimit(RLIMIT_CPU, &r) == 0 && r.rlim_cur == RLIM_INFINITY, "RLIMIT_CPU: none");
	FAILS_WITH(setrlimit(RLIMIT_NOFILE, &high), -1, EPERM);
	FAILS_WITH(setrlimit(RLIMIT_NOFILE, &bad), -1, EINVAL);
	CHECK(setrlimit(RLIMIT_NOFILE, &low) == 0 && getrlimit(RLIMIT_NOFILE, &r) == 0 &&
	      r.rlim_cur == 16 && r.rlim_max == 32, "a lower limit reads back");
	low.rlim_max = 33;
	FAILS_WITH(setrlimit(RLIMIT_NOFILE, &low), -1, EPERM);
	FAILS_WITH(getrlimit(RLIM_NLIMITS, &r), -1, EINVAL);
	FAILS_WITH(getrlimit(-1, &r), -1, EINVAL);
	CHECK(getpagesize() == 4096, "getpagesize");
	CHECK(sysconf(_SC_PHYS_PAGES) > 0 && sysconf(_SC_AVPHYS_PAGES) > 0 &&
	      sysconf(_SC_AVPHYS_PAGES) < sysconf(_SC_PHYS_PAGES),
	      "_SC_PHYS_PAGES %ld, _SC_AVPHYS_PAGES %ld", sysconf(_SC_PHYS_PAGES),
	      sysconf(_SC_AVPHYS_PAGES));
	CHECK(getgroups(0, groups) == 1 && getgroups(4, groups) == 1 && groups[0] == getgid(),
	      "getgroups: the user's group");
	CHECK(getppid() == 0, "no parent process");
}

void test_system(void)
{
	users();
	limits();
	identity();
	resources();
}
