/* Two threads on /disk at once, over a disk that lets other threads run
 * during each request (as blkfront waits for its answer): each writes,
 * syncs and reads back its own file through many small calls. */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "disk_test.h"

#define CHUNK 700
#define CHUNKS 60

static void *worker(void *arg)
{
	long id = (long)arg, bad = 0;
	char path[32], buf[CHUNK], want[CHUNK];
	int fd;

	snprintf(path, sizeof(path), "/disk/thread%ld.bin", id);
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		return (void *)-1L;
	for (int i = 0; i < CHUNKS; i++) {
		memset(want, (int)('a' + id * 10 + i % 10), sizeof(want));
		bad += write(fd, want, sizeof(want)) != sizeof(want);
	}
	bad += fsync(fd) != 0;
	for (int i = 0; i < CHUNKS; i++) {
		memset(want, (int)('a' + id * 10 + i % 10), sizeof(want));
		bad += pread(fd, buf, sizeof(buf), (long)i * CHUNK) != sizeof(buf) ||
		       memcmp(buf, want, sizeof(buf)) != 0;
	}
	bad += close(fd) != 0;
	bad += unlink(path) != 0;
	return (void *)bad;
}

void test_threads(void)
{
	pthread_t t[2];
	void *bad[2] = { (void *)-1L, (void *)-1L };

	xvda.yield = 1;
	for (long i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, worker, (void *)i);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], &bad[i]);
	xvda.yield = 0;
	CHECK(bad[0] == 0 && bad[1] == 0,
	      "two threads wrote, synced and read back %d bytes each at once (%ld, %ld wrong)",
	      CHUNK * CHUNKS, (long)bad[0], (long)bad[1]);
}
