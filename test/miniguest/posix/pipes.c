/* Pipes within one program: bytes in order, end of file once no writer
 * is left, EAGAIN when non-blocking and empty, EPIPE with no reader. */
#define _GNU_SOURCE /* pipe2 */
#include <fcntl.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kernel/thread.h"
#include "posix_test.h"

static void basics(void)
{
	int p[2], avail = -1;
	char buf[64] = { 0 };
	struct stat st;

	CHECK(pipe(p) == 0 && p[0] >= 3 && p[1] > p[0], "pipe gives two descriptors");
	CHECK(fstat(p[0], &st) == 0 && S_ISFIFO(st.st_mode), "fstat: a FIFO");
	CHECK(write(p[1], "first ", 6) == 6 && write(p[1], "second", 6) == 6,
	      "writes go in");
	CHECK(ioctl(p[0], FIONREAD, &avail) == 0 && avail == 12, "FIONREAD counts 12 (%d)", avail);
	CHECK(read(p[0], buf, 4) == 4 && memcmp(buf, "firs", 4) == 0, "read takes the front");
	CHECK(read(p[0], buf, sizeof(buf)) == 8 && memcmp(buf, "t second", 8) == 0,
	      "and the rest, in order");
	FAILS_WITH(lseek(p[0], 0, SEEK_SET), -1, ESPIPE);
	FAILS_WITH(read(p[1], buf, 1), -1, EBADF);
	FAILS_WITH(write(p[0], "x", 1), -1, EBADF);
	fcntl(p[0], F_SETFL, O_NONBLOCK);
	FAILS_WITH(read(p[0], buf, 1), -1, EAGAIN);
	write(p[1], "tail", 4);
	close(p[1]);
	CHECK(read(p[0], buf, sizeof(buf)) == 4, "what was written before the close is read");
	CHECK(read(p[0], buf, sizeof(buf)) == 0, "then end of file: no writer left");
	close(p[0]);
}

static void ends(void)
{
	int p[2], d;
	char big[4096];
	long total = 0, n;

	CHECK(pipe2(p, O_NONBLOCK | O_CLOEXEC) == 0 && fcntl(p[1], F_GETFD) == FD_CLOEXEC &&
	      (fcntl(p[1], F_GETFL) & O_NONBLOCK), "pipe2 with O_NONBLOCK | O_CLOEXEC");
	memset(big, 'z', sizeof(big));
	while ((n = write(p[1], big, sizeof(big))) > 0 && total < (1L << 22))
		total += n;
	CHECK(n == -1 && errno == EAGAIN && total > 0 && total < (1L << 22),
	      "a full non-blocking pipe: EAGAIN after %ld bytes", total);
	d = dup(p[1]);
	close(p[1]);
	char c;
	CHECK(read(p[0], &c, 1) == 1 && c == 'z', "a dup keeps the write end open");
	close(d);
	close(p[0]);
	CHECK(pipe(p) == 0, "another pipe");
	close(p[0]);
	FAILS_WITH(write(p[1], "x", 1), -1, EPIPE);
	close(p[1]);
	FAILS_WITH(pipe2(p, 0x7000000), -1, EINVAL);
}

/* Blocking reads and writes wait for another thread to act. */
static int shared[2];
static volatile long drained;

static void late_writer(void *arg)
{
	(void)arg;
	thread_sleep_ns(5 * 1000000u);
	write(shared[1], "late", 4);
	thread_sleep_ns(5 * 1000000u);
	close(shared[1]);
}

static void drainer(void *arg)
{
	char buf[1000];
	long n;

	(void)arg;
	while ((n = read(shared[0], buf, sizeof(buf))) > 0)
		drained += n;
}

static void blocking(void)
{
	static char big[200000];
	char buf[8] = { 0 };

	CHECK(pipe(shared) == 0 && thread_create("late-writer", late_writer, NULL, 16384),
	      "a pipe and a thread that writes to it later");
	CHECK(read(shared[0], buf, sizeof(buf)) == 4 && memcmp(buf, "late", 4) == 0,
	      "a read of the empty pipe waits for the write");
	CHECK(read(shared[0], buf, sizeof(buf)) == 0, "and then for the close: end of file");
	close(shared[0]);

	CHECK(pipe(shared) == 0 && thread_create("drainer", drainer, NULL, 16384),
	      "a pipe and a thread that reads it empty");
	memset(big, 'b', sizeof(big));
	CHECK(write(shared[1], big, sizeof(big)) == (ssize_t)sizeof(big),
	      "a write three times the pipe's size waits for room and completes");
	close(shared[1]);
	thread_sleep_ns(5 * 1000000u);
	CHECK(drained == (long)sizeof(big), "the reader got every byte (%ld)", drained);
	close(shared[0]);
}

void test_pipes(void)
{
	basics();
	ends();
	blocking();
}
