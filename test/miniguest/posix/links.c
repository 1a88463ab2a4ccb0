/* Symbolic links on the ramfs: one from the archive (files/data/hello-link
 * -> hello.txt) and ones made at run time, followed in every component,
 * read back, removed and renamed as links, and refused where POSIX says. */
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "posix_test.h"

static void test_archive_link(void)
{
	struct stat a, b;
	char buf[64];

	CHECK(lstat("/data/hello-link", &a) == 0 && S_ISLNK(a.st_mode) && a.st_size == 9,
	      "the archive's link is a link of 9 bytes");
	CHECK(stat("/data/hello-link", &a) == 0 && stat("/data/hello.txt", &b) == 0 &&
	      a.st_ino == b.st_ino && S_ISREG(a.st_mode), "stat follows it to hello.txt");
	CHECK(readlink("/data/hello-link", buf, sizeof(buf)) == 9 &&
	      memcmp(buf, "hello.txt", 9) == 0, "readlink gives its target");
	CHECK(readlink("/data/hello-link", buf, 4) == 4 && memcmp(buf, "hell", 4) == 0,
	      "readlink cuts a target to the buffer");
	FAILS_WITH(readlink("/data/hello.txt", buf, sizeof(buf)), -1, EINVAL);
	FAILS_WITH(readlink("/data/missing", buf, sizeof(buf)), -1, ENOENT);
}

/* d_type of name in dir, or -1. */
static int type_in(const char *dir, const char *name)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int t = -1;

	while (d && (e = readdir(d)))
		if (strcmp(e->d_name, name) == 0)
			t = e->d_type;
	if (d)
		closedir(d);
	return t;
}

static void test_following(void)
{
	struct stat st;
	char buf[PATH_MAX];
	int fd;

	CHECK(mkdir("/sl", 0755) == 0 && mkdir("/sl/real", 0755) == 0, "a directory to link to");
	CHECK(symlink("real", "/sl/rel") == 0 && symlink("/sl/real", "/sl/abs") == 0,
	      "a relative and an absolute link");
	fd = open("/sl/rel/f", O_CREAT | O_WRONLY, 0644);
	CHECK(fd >= 0 && write(fd, "abc", 3) == 3 && close(fd) == 0,
	      "a file made through a link in the middle");
	CHECK(stat("/sl/real/f", &st) == 0 && st.st_size == 3, "it is in the real directory");
	CHECK(stat("/sl/abs/f", &st) == 0 && stat("/sl/abs/../real/f", &st) == 0,
	      "the absolute link leads there too, and .. is the real parent");
	CHECK(chdir("/sl/rel") == 0 && getcwd(buf, sizeof(buf)) && strcmp(buf, "/sl/real") == 0,
	      "chdir follows a link; getcwd names the real directory");
	CHECK(chdir("/") == 0, "back to the root");
	CHECK(realpath("/sl/abs/f", buf) && strcmp(buf, "/sl/real/f") == 0,
	      "realpath resolves links");
	CHECK(symlink("f", "/sl/real/g") == 0 && realpath("/sl/rel/g", buf) &&
	      strcmp(buf, "/sl/real/f") == 0, "realpath resolves a link in the last component");
	CHECK(type_in("/sl", "rel") == DT_LNK && type_in("/sl", "real") == DT_DIR,
	      "readdir shows a link as DT_LNK");
	CHECK(lstat("/sl/rel/", &st) == 0 && S_ISDIR(st.st_mode),
	      "a trailing slash follows a link even for lstat");
}

static void test_refusals(void)
{
	struct stat st;

	CHECK(symlink("loop-b", "/sl/loop-a") == 0 && symlink("loop-a", "/sl/loop-b") == 0,
	      "two links leading to each other");
	FAILS_WITH(stat("/sl/loop-a", &st), -1, ELOOP);
	FAILS_WITH(open("/sl/loop-a/x", O_RDONLY), -1, ELOOP);
	CHECK(lstat("/sl/loop-a", &st) == 0 && S_ISLNK(st.st_mode), "lstat of a looping link");
	FAILS_WITH(open("/sl/rel", O_RDONLY | O_NOFOLLOW), -1, ELOOP);
	FAILS_WITH(mkdir("/sl/rel", 0755), -1, EEXIST);
	FAILS_WITH(open("/sl/rel", O_CREAT | O_EXCL | O_WRONLY, 0644), -1, EEXIST);
	FAILS_WITH(symlink("x", "/sl/rel"), -1, EEXIST);
	FAILS_WITH(symlink("", "/sl/empty"), -1, ENOENT);
	CHECK(symlink("nowhere", "/sl/dangling") == 0, "a dangling link can be made");
	FAILS_WITH(stat("/sl/dangling", &st), -1, ENOENT);
	CHECK(lstat("/sl/dangling", &st) == 0 && st.st_size == 7, "lstat of a dangling link");
	FAILS_WITH(open("/sl/dangling", O_CREAT | O_EXCL | O_WRONLY, 0644), -1, EEXIST);
	FAILS_WITH(rmdir("/sl/rel"), -1, ENOTDIR);
	CHECK(sysconf(_SC_SYMLOOP_MAX) == 40, "sysconf's SYMLOOP_MAX is 40");
}

/* A chain of n links /sl/c0 -> c1 -> ... -> c<n> = a file. */
static int chain_of(int n)
{
	char from[32], to[32];
	int fd = open("/sl/end", O_CREAT | O_WRONLY, 0644), ok = fd >= 0 && close(fd) == 0;

	for (int i = 0; i < n && ok; i++) {
		snprintf(from, sizeof(from), "/sl/c%d", i);
		snprintf(to, sizeof(to), i + 1 == n ? "end" : "c%d", i + 1);
		unlink(from);
		ok = symlink(to, from) == 0;
	}
	return ok;
}

static void test_limit_and_names(void)
{
	struct stat st, t;

	CHECK(chain_of(40) && stat("/sl/c0", &st) == 0, "40 links are followed");
	CHECK(chain_of(41), "a chain of 41");
	FAILS_WITH(stat("/sl/c0", &st), -1, ELOOP);
	CHECK(unlink("/sl/abs") == 0 && lstat("/sl/abs", &st) != 0 &&
	      stat("/sl/real/f", &st) == 0, "unlink removes the link, not its target");
	CHECK(lstat("/sl/rel", &t) == 0 && rename("/sl/rel", "/sl/moved") == 0 &&
	      lstat("/sl/moved", &st) == 0 && S_ISLNK(st.st_mode) && st.st_ino == t.st_ino &&
	      stat("/sl/moved/f", &st) == 0 && stat("/sl/real", &st) == 0,
	      "rename moves the link itself");
}

void test_links(void)
{
	test_archive_link();
	test_following();
	test_refusals();
	test_limit_and_names();
}
