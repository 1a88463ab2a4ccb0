/* Files on /disk: write, rewrite in place, append, holes, a large file
 * (indirect and double-indirect blocks), truncate, fsync reaching the
 * device, stdio. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "disk_test.h"

static void rewrite_append(void)
{
	struct stat st;
	int fd = open("/disk/notes.txt", O_RDWR | O_CREAT | O_EXCL, 0640);

	CHECK(fd >= 0, "created /disk/notes.txt (O_EXCL)");
	CHECK(write(fd, "first line\nsecond line\n", 23) == 23, "wrote two lines");
	CHECK(lseek(fd, 6, SEEK_SET) == 6 && write(fd, "LINE", 4) == 4,
	      "rewrote 4 bytes in place at offset 6");
	CHECK(pwrite(fd, "SECOND", 6, 11) == 6, "pwrite at 11");
	CHECK(lseek(fd, 0, SEEK_CUR) == 10, "pwrite left the position at 10");
	CHECK(close(fd) == 0, "closed");
	fd = open("/disk/notes.txt", O_WRONLY | O_APPEND);
	CHECK(fd >= 0 && lseek(fd, 0, SEEK_SET) == 0 && write(fd, "third\n", 6) == 6,
	      "appended with O_APPEND after seeking to 0");
	CHECK(close(fd) == 0, "closed");
	CHECK(strcmp(slurp("/disk/notes.txt"), "first LINE\nSECOND line\nthird\n") == 0,
	      "notes.txt reads back '%s'", slurp("/disk/notes.txt"));
	CHECK(stat("/disk/notes.txt", &st) == 0 && S_ISREG(st.st_mode) &&
	      (st.st_mode & 0777) == 0640 && st.st_size == 29 && st.st_nlink == 1,
	      "stat: a regular file, mode %o, %ld bytes", (unsigned)st.st_mode,
	      (long)st.st_size);
	fd = open("/disk/notes.txt", O_RDWR | O_CREAT | O_EXCL, 0640);
	CHECK(fd < 0 && errno == EEXIST, "O_CREAT|O_EXCL on it again: EEXIST");
}

static void holes_truncate(void)
{
	/* Not zeros, so that reading zeros shows the hole. */
	char buf[8] = { 1, 1, 1, 1, 1, 1, 1, 1 };
	struct stat st;
	int fd = open("/disk/sparse.bin", O_RDWR | O_CREAT | O_TRUNC, 0600);

	CHECK(fd >= 0 && lseek(fd, 300000, SEEK_SET) == 300000 && write(fd, "end", 3) == 3,
	      "wrote 3 bytes at 300000 of a new file");
	CHECK(pread(fd, buf, 4, 150000) == 4 && memcmp(buf, "\0\0\0\0", 4) == 0,
	      "the hole reads as zeros");
	CHECK(fstat(fd, &st) == 0 && st.st_size == 300003 && st.st_blocks < 64,
	      "fstat: %ld bytes in %ld sectors (a hole takes none)", (long)st.st_size,
	      (long)st.st_blocks);
	CHECK(ftruncate(fd, 10) == 0 && fstat(fd, &st) == 0 && st.st_size == 10,
	      "ftruncate to 10");
	CHECK(ftruncate(fd, 5000) == 0 && pread(fd, buf, 8, 4990) == 8 &&
	      memcmp(buf, "\0\0\0\0\0\0\0\0", 8) == 0, "extended to 5000: zeros");
	CHECK(close(fd) == 0, "closed");
	CHECK(truncate("/disk/sparse.bin", 100) == 0 && stat("/disk/sparse.bin", &st) == 0 &&
	      st.st_size == 100, "truncate by path to 100");
}

static void large(void)
{
	static unsigned char buf[4096];
	unsigned long at, bad = 0;
	unsigned flushes;
	struct stat st;
	long n;
	int fd = open("/disk/big.bin", O_WRONLY | O_CREAT | O_TRUNC, 0644);

	CHECK(fd >= 0, "created /disk/big.bin");
	for (at = 0; at < BIG_SIZE; at += (unsigned long)n) {
		n = BIG_SIZE - at < sizeof(buf) ? (long)(BIG_SIZE - at) : (long)sizeof(buf);
		for (long i = 0; i < n; i++)
			buf[i] = big_byte(at + (unsigned long)i);
		n = write(fd, buf, (size_t)n);
		if (n <= 0)
			break;
	}
	CHECK(at == BIG_SIZE, "wrote %lu bytes (%lu asked)", at, BIG_SIZE);
	flushes = xvda.flushes;
	CHECK(fsync(fd) == 0 && xvda.flushes > flushes,
	      "fsync returned after the device's flush (%u flushes)", xvda.flushes - flushes);
	CHECK(close(fd) == 0, "closed");
	fd = open("/disk/big.bin", O_RDONLY);
	for (at = 0; fd >= 0 && (n = read(fd, buf, 1000)) > 0; at += (unsigned long)n)
		for (long i = 0; i < n; i++)
			bad += buf[i] != big_byte(at + (unsigned long)i);
	CHECK(at == BIG_SIZE && bad == 0, "read back %lu bytes in 1000-byte reads, %lu wrong",
	      at, bad);
	CHECK(close(fd) == 0 && stat("/disk/big.bin", &st) == 0 && st.st_size == BIG_SIZE,
	      "stat: %ld bytes", (long)st.st_size);
}

static void with_stdio(void)
{
	char line[64] = "";
	FILE *f = fopen("/disk/docs/stdio.txt", "w");

	CHECK(f && fprintf(f, "%s %d\n", "printed", 42) == 11 && fclose(f) == 0,
	      "fprintf to /disk/docs/stdio.txt");
	f = fopen("/disk/docs/stdio.txt", "r");
	CHECK(f && fgets(line, sizeof(line), f) && strcmp(line, "printed 42\n") == 0,
	      "fgets: '%s'", line);
	if (f)
		fclose(f);
	unsigned flushes = xvda.flushes;
	sync();
	CHECK(xvda.flushes > flushes, "sync() flushed the device");
}

void test_files(void)
{
	rewrite_append();
	holes_truncate();
	large();
	with_stdio();
}
