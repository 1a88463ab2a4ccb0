/* The current directory: relative paths start there, in every call. */
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "posix_test.h"

void test_cwd(void)
{
	char buf[64], small[4];
	struct stat st;
	FILE *f;
	int fd;

	CHECK(getcwd(buf, sizeof(buf)) && strcmp(buf, "/") == 0, "getcwd at start: /");
	CHECK(chdir("data") == 0 && getcwd(buf, sizeof(buf)) && strcmp(buf, "/data") == 0,
	      "chdir data (relative), getcwd: %s", buf);
	CHECK(stat("hello.txt", &st) == 0 && S_ISREG(st.st_mode), "stat of a relative name");
	f = fopen("hello.txt", "r");
	CHECK(f && fgets(buf, sizeof(buf), f) && strcmp(buf, "hello, mapped world\n") == 0,
	      "fopen of a relative name reads the file");
	if (f)
		fclose(f);
	CHECK(mkdir("sub", 0755) == 0 && stat("/data/sub", &st) == 0 && S_ISDIR(st.st_mode),
	      "mkdir of a relative name makes it in the current directory");
	CHECK(chdir("sub") == 0 && getcwd(buf, sizeof(buf)) && strcmp(buf, "/data/sub") == 0,
	      "two levels: %s", buf);
	fd = open("../made.txt", O_CREAT | O_WRONLY, 0644);
	CHECK(fd >= 0 && access("/data/made.txt", F_OK) == 0, "\"..\" climbs from there");
	close(fd);
	CHECK(rename("../made.txt", "moved.txt") == 0 && access("/data/sub/moved.txt", F_OK) == 0,
	      "rename between relative names");
	CHECK(unlink("moved.txt") == 0, "unlink of a relative name");
	FAILS_WITH(getcwd(small, sizeof(small)), NULL, ERANGE);
	FAILS_WITH(getcwd(buf, 0), NULL, EINVAL);
	char *mine = getcwd(NULL, 0);
	CHECK(mine && strcmp(mine, "/data/sub") == 0, "getcwd(NULL, 0) allocates");
	free(mine);

	/* A removed current directory: nothing can be made in it. */
	CHECK(chdir("..") == 0 && chdir("sub") == 0 && rmdir("/data/sub") == 0,
	      "the current directory can be removed");
	FAILS_WITH(getcwd(buf, sizeof(buf)), NULL, ENOENT);
	FAILS_WITH(open("new", O_CREAT | O_WRONLY, 0644), -1, ENOENT);

	fd = open("/data", O_RDONLY | O_DIRECTORY);
	CHECK(fchdir(fd) == 0 && getcwd(buf, sizeof(buf)) && strcmp(buf, "/data") == 0,
	      "fchdir");
	close(fd);
	DIR *d = opendir(".");
	int seen = 0;
	for (struct dirent *e; d && (e = readdir(d));)
		seen += strcmp(e->d_name, "hello.txt") == 0;
	CHECK(seen == 1, "opendir(\".\") lists the current directory");
	if (d)
		closedir(d);
	char *real = realpath("./../data//hello.txt", NULL);
	CHECK(real && strcmp(real, "/data/hello.txt") == 0, "realpath: %s", real ? real : "NULL");
	free(real);
	char resolved[PATH_MAX];
	CHECK(realpath(".", resolved) == resolved && strcmp(resolved, "/data") == 0,
	      "realpath of \".\" into a buffer");
	CHECK(realpath("/", resolved) && strcmp(resolved, "/") == 0, "realpath of /");
	FAILS_WITH(realpath("hello.txt/..", resolved), NULL, ENOTDIR);
	FAILS_WITH(realpath("missing/..", resolved), NULL, ENOENT);
	FAILS_WITH(chdir("hello.txt"), -1, ENOTDIR);
	FAILS_WITH(chdir("/nowhere"), -1, ENOENT);
	CHECK(chdir("/") == 0, "back to /");
}
