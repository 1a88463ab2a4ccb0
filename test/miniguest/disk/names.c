/* Names on /disk: mkdir, rmdir, rename (over a file, directories, across
 * mounts), unlink (an open file too), readdir, and their errors. */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "disk_test.h"

/* The names in dir, sorted, in a static buffer ("a b c"). */
static const char *list(const char *dir)
{
	static char out[256];
	char names[16][64];
	int count = 0;
	struct dirent *e;
	DIR *d = opendir(dir);

	out[0] = '\0';
	if (!d)
		return "<opendir failed>";
	while ((e = readdir(d)) && count < 16)
		snprintf(names[count++], sizeof(names[0]), "%s", e->d_name);
	closedir(d);
	for (int i = 0; i < count; i++)
		for (int j = i + 1; j < count; j++)
			if (strcmp(names[j], names[i]) < 0) {
				char t[64];

				memcpy(t, names[i], 64);
				memcpy(names[i], names[j], 64);
				memcpy(names[j], t, 64);
			}
	for (int i = 0; i < count; i++)
		snprintf(out + strlen(out), sizeof(out) - strlen(out), "%s%s", i ? " " : "",
			 names[i]);
	return out;
}

static void directories(void)
{
	struct stat st;
	int fd;

	CHECK(mkdir("/disk/made", 0755) == 0, "mkdir /disk/made");
	CHECK(stat("/disk/made", &st) == 0 && S_ISDIR(st.st_mode) && (st.st_mode & 0777) == 0755,
	      "it is a directory, mode %o", (unsigned)st.st_mode);
	CHECK(mkdir("/disk/made", 0755) < 0 && errno == EEXIST, "again: EEXIST");
	CHECK(mkdir("/disk/none/sub", 0755) < 0 && errno == ENOENT, "in a missing one: ENOENT");
	CHECK(mkdir("/disk/hello.txt/sub", 0755) < 0 && errno == ENOTDIR,
	      "below a file: ENOTDIR");
	CHECK(open("/disk/hello.txt/x", O_RDONLY) < 0 && errno == ENOTDIR,
	      "open below a file: ENOTDIR");
	CHECK(open("/disk/missing", O_RDONLY) < 0 && errno == ENOENT, "open a missing file: ENOENT");
	CHECK(open("/disk/made", O_WRONLY) < 0 && errno == EISDIR,
	      "open a directory for writing: EISDIR");
	CHECK(unlink("/disk/made") < 0 && errno == EISDIR, "unlink a directory: EISDIR");
	CHECK(rmdir("/disk/hello.txt") < 0 && errno == ENOTDIR, "rmdir a file: ENOTDIR");
	fd = open("/disk/made/inside.txt", O_WRONLY | O_CREAT, 0644);
	CHECK(fd >= 0 && write(fd, "inside\n", 7) == 7 && close(fd) == 0,
	      "made /disk/made/inside.txt");
	CHECK(rmdir("/disk/made") < 0 && errno == ENOTEMPTY, "rmdir it: ENOTEMPTY");
	CHECK(mkdir("/disk/gone", 0700) == 0 && rmdir("/disk/gone") == 0 &&
	      stat("/disk/gone", &st) < 0 && errno == ENOENT, "mkdir then rmdir /disk/gone");
	CHECK(rmdir("/disk") < 0 && errno == EBUSY, "rmdir /disk: EBUSY");
}

static void renames(void)
{
	int fd;

	CHECK(rename("/disk/made/inside.txt", "/disk/docs/moved.txt") == 0,
	      "rename between directories");
	CHECK(strcmp(slurp("/disk/docs/moved.txt"), "inside\n") == 0, "it reads back");
	fd = open("/disk/docs/replace.txt", O_WRONLY | O_CREAT, 0644);
	CHECK(fd >= 0 && write(fd, "old\n", 4) == 4 && close(fd) == 0, "made replace.txt");
	fd = open("/disk/docs/new.txt", O_WRONLY | O_CREAT, 0644);
	CHECK(fd >= 0 && write(fd, "new\n", 4) == 4 && close(fd) == 0, "made new.txt");
	CHECK(rename("/disk/docs/new.txt", "/disk/docs/replace.txt") == 0,
	      "rename over an existing file");
	CHECK(strcmp(slurp("/disk/docs/replace.txt"), "new\n") == 0, "the target holds the new");
	CHECK(rename("/disk/made", "/disk/docs/made") == 0, "rename a directory into another");
	CHECK(rename("/disk/docs", "/disk/docs/made/docs") < 0 && errno == EINVAL,
	      "into itself: EINVAL");
	CHECK(rename("/disk/docs/made", "/disk/hello.txt") < 0 && errno == ENOTDIR,
	      "a directory over a file: ENOTDIR");
	CHECK(rename("/disk/hello.txt", "/disk/docs") < 0 && errno == EISDIR,
	      "a file over a directory: EISDIR");
	CHECK(rename("/disk/hello.txt", "/tmp/hello.txt") < 0 && errno == EXDEV,
	      "to the ramfs: EXDEV");
	CHECK(rename("/disk/missing", "/disk/x") < 0 && errno == ENOENT, "a missing file: ENOENT");
	CHECK(link("/disk/hello.txt", "/tmp/h") < 0 && errno == EXDEV, "link across: EXDEV");
}

static void unlinks(void)
{
	char buf[16] = "";
	int fd;

	CHECK(unlink("/disk/docs/old.txt") == 0, "unlink the host's /disk/docs/old.txt");
	CHECK(unlink("/disk/docs/old.txt") < 0 && errno == ENOENT, "again: ENOENT");
	fd = open("/disk/doomed.txt", O_RDWR | O_CREAT, 0644);
	CHECK(fd >= 0 && write(fd, "still here", 10) == 10, "made /disk/doomed.txt");
	CHECK(unlink("/disk/doomed.txt") == 0, "unlinked it while open");
	CHECK(pread(fd, buf, 10, 0) == 10 && memcmp(buf, "still here", 10) == 0,
	      "the open descriptor still reads it");
	CHECK(open("/disk/doomed.txt", O_RDONLY) < 0 && errno == ENOENT, "the name is gone");
	CHECK(close(fd) == 0, "closed: its blocks are freed (e2fsck checks)");
}

void test_names(void)
{
	directories();
	renames();
	unlinks();
	CHECK(strcmp(list("/disk"), ". .. big.bin docs hello.txt lost+found notes.txt "
		     "sparse.bin") == 0, "readdir /disk: %s", list("/disk"));
	CHECK(strcmp(list("/disk/docs"), ". .. made moved.txt replace.txt stdio.txt") == 0,
	      "readdir /disk/docs: %s", list("/disk/docs"));
	CHECK(opendir("/disk/hello.txt") == NULL && errno == ENOTDIR, "opendir a file: ENOTDIR");
}
