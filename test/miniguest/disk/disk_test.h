/* The /disk test's parts (test/miniguest/disk/): plain POSIX calls on the
 * ext2 mount over RAM disks. */
#ifndef MG_TEST_DISK_H
#define MG_TEST_DISK_H

#include <errno.h>
#include <stddef.h>

#include "../check.h"
#include "blkdev.h"

/* A RAM disk that counts flushes and fails every request while fail is
 * set, or from its fail_after'th request on when that is not 0. */
struct test_disk {
	struct blkdev dev;
	struct blkdev ram;
	unsigned flushes;
	int fail;
	unsigned fail_after, requests;
	int yield;                  /* each request lets other threads run */
};

/* Registers name over len bytes at mem. */
int test_disk_add(struct test_disk *d, const char *name, void *mem, size_t len);

/* xvda, the disk mounted at /disk on first use (by the test's
 * blkfront_probe). */
extern struct test_disk xvda;

/* Byte i of /disk/big.bin (test/miniguest/disk/check computes the same). */
static inline unsigned char big_byte(unsigned long i)
{
	return (unsigned char)(i * 7 + i / 4096);
}

#define BIG_SIZE (1200UL * 1024 + 123)

/* The whole of path, NUL-terminated, in a static buffer; "<errno N>". */
const char *slurp(const char *path);

void test_files(void);
void test_names(void);
void test_faults(void);
void test_threads(void);

#endif
