/* Files on the in-memory filesystem: the seeded archive, stdio and the
 * POSIX calls underneath it, directories. */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../check.h"
#include "libc_test.h"

static void seeded(void)
{
	char line[64];
	FILE *f = fopen("/data/lines.txt", "r");
	int n = 0, right = 1;
	static const char *const want[] = { "first line\n", "second line\n", "third line\n" };

	CHECK(f != NULL, "the archive's /data/lines.txt opens");
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		right &= n < 3 && strcmp(line, want[n]) == 0;
		n++;
	}
	CHECK(n == 3 && right && feof(f), "fgets reads its three lines, then end of file");
	fclose(f);

	DIR *d = opendir("/data");
	int found = 0;
	struct dirent *e;
	while (d && (e = readdir(d)))
		found += strcmp(e->d_name, "lines.txt") == 0;
	CHECK(d && found == 1, "readdir lists /data/lines.txt");
	if (d)
		closedir(d);
}

static void stdio_io(void)
{
	char buf[1000], back[16];
	struct stat st;

	for (int i = 0; i < 1000; i++)
		buf[i] = (char)('a' + i % 26);
	CHECK(stat("/tmp", &st) == 0 && S_ISDIR(st.st_mode), "/tmp is there from the start");
	FILE *f = fopen("/tmp/out.txt", "w+");
	CHECK(f != NULL, "fopen w+ creates a file");
	if (!f)
		return;
	CHECK(fwrite(buf, 1, 1000, f) == 1000, "fwrite 1000 bytes");
	CHECK(fseek(f, 500, SEEK_SET) == 0 && fread(back, 1, 10, f) == 10 &&
	      memcmp(back, buf + 500, 10) == 0, "fseek back and fread what was written");
	CHECK(ftell(f) == 510, "ftell follows (%ld)", ftell(f));
	CHECK(fseek(f, 0, SEEK_END) == 0 && ftell(f) == 1000, "SEEK_END is the size");
	fclose(f);
	CHECK(stat("/tmp/out.txt", &st) == 0 && st.st_size == 1000 && S_ISREG(st.st_mode),
	      "stat: a regular file of 1000 bytes");

	f = fopen("/tmp/out.txt", "a");
	fputs("tail", f);
	fclose(f);
	CHECK(stat("/tmp/out.txt", &st) == 0 && st.st_size == 1004, "append mode adds at the end");

	CHECK(rename("/tmp/out.txt", "/tmp/moved.txt") == 0 && access("/tmp/out.txt", F_OK) != 0,
	      "rename moves a file");
	CHECK(unlink("/tmp/moved.txt") == 0 && fopen("/tmp/moved.txt", "r") == NULL,
	      "unlink removes it");
}

static void posix_io(void)
{
	char back[8];
	int fd = open("/tmp/hole", O_CREAT | O_RDWR | O_TRUNC, 0644);

	memset(back, 0x5a, sizeof(back));       /* not zeros: the hole must write them */

	CHECK(fd >= 3, "open O_CREAT gives a descriptor above the console's (%d)", fd);
	if (fd < 0)
		return;
	CHECK(lseek(fd, 4, SEEK_SET) == 4 && write(fd, "end", 3) == 3, "write past the end");
	CHECK(lseek(fd, 0, SEEK_SET) == 0 && read(fd, back, 7) == 7 &&
	      memcmp(back, "\0\0\0\0end", 7) == 0, "the hole reads as zeros");
	struct stat st;
	CHECK(fstat(fd, &st) == 0 && st.st_size == 7, "fstat sees 7 bytes");
	CHECK(close(fd) == 0 && close(fd) == -1, "close, and a second close fails");
	CHECK(isatty(1) == 1 && isatty(fd) == 0, "stdout is a terminal, a closed fd is not");

	FILE *con = fopen("/dev/console", "w");
	CHECK(con && fprintf(con, "a line written to /dev/console\n") > 0,
	      "/dev/console opens for writing");
	if (con)
		fclose(con);
}

void test_files(void)
{
	seeded();
	stdio_io();
	posix_io();
}
