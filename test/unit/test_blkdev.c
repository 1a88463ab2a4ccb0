/* miniguest's block-device byte ranges (miniguest/ext2fs/blkdev_rw.c):
 * any alignment against a model, bounds in 64 bits, failing callbacks,
 * read-only devices and discard. */
#include <errno.h>
#include <stdlib.h>

#include "miniguest/ext2fs/blkdev.h"
#include "unit.h"

#define SIZE (64 * 512)

static unsigned char disk[SIZE], model[SIZE];
static int calls, fail_at = -1;
static uint64_t last_sector;

/* The RAM disk's callbacks, counted, and failing on the fail_at'th call. */
static int (*ram_read)(struct blkdev *, uint64_t, uint32_t, void *);
static int (*ram_write)(struct blkdev *, uint64_t, uint32_t, const void *);

static int counted_read(struct blkdev *d, uint64_t s, uint32_t n, void *buf)
{
	last_sector = s + n;
	CHECK(s + n <= d->sectors);
	return calls++ == fail_at ? -EIO : ram_read(d, s, n, buf);
}

static int counted_write(struct blkdev *d, uint64_t s, uint32_t n, const void *buf)
{
	last_sector = s + n;
	CHECK(s + n <= d->sectors);
	return calls++ == fail_at ? -EIO : ram_write(d, s, n, buf);
}

static void setup(struct blkdev *dev)
{
	for (int i = 0; i < SIZE; i++)
		disk[i] = model[i] = (unsigned char)(i * 7 + 3);
	blkdev_ram(dev, disk, SIZE);
	ram_read = dev->read;
	ram_write = dev->write;
	dev->read = counted_read;
	dev->write = counted_write;
	calls = 0;
	fail_at = -1;
}

static void test_random_ranges(void)
{
	struct blkdev dev;
	static unsigned char buf[SIZE];
	uint32_t x = 12345;

	setup(&dev);
	CHECK_EQ(dev.sectors, 64);
	for (int i = 0; i < 2000; i++) {
		x = x * 1103515245 + 12345;
		uint64_t off = (x >> 8) % SIZE;
		x = x * 1103515245 + 12345;
		uint64_t len = (x >> 8) % (SIZE - off + 1);
		if (i & 1) {
			for (uint64_t j = 0; j < len; j++)
				buf[j] = model[off + j] = (unsigned char)(x + j);
			CHECK_EQ(blkdev_pwrite(&dev, buf, len, off), 0);
		} else {
			CHECK_EQ(blkdev_pread(&dev, buf, len, off), 0);
			CHECK(memcmp(buf, model + off, len) == 0);
		}
	}
	CHECK(memcmp(disk, model, SIZE) == 0);
}

static void test_bounds(void)
{
	struct blkdev dev;
	unsigned char buf[1024];

	setup(&dev);
	CHECK_EQ(blkdev_pread(&dev, buf, 0, SIZE), 0);
	CHECK_EQ(blkdev_pread(&dev, buf, 1, SIZE), -ENOSPC);
	CHECK_EQ(blkdev_pwrite(&dev, buf, 2, SIZE - 1), -ENOSPC);
	CHECK_EQ(blkdev_pread(&dev, buf, 16, UINT64_MAX - 8), -ENOSPC);
	CHECK_EQ(blkdev_pwrite(&dev, buf, UINT64_MAX, 1), -ENOSPC);
	CHECK_EQ(blkdev_pread(&dev, buf, 1024, UINT64_MAX - 1023), -ENOSPC);
	CHECK_EQ(calls, 0);
	CHECK(memcmp(disk, model, SIZE) == 0);

	dev.sectors = UINT64_MAX / 256;     /* a size that does not fit 64 bits */
	CHECK_EQ(blkdev_pread(&dev, buf, 1, 0), -EINVAL);
	dev.sectors = 64;
	for (uint32_t ss = 0; ss < 9000; ss += 100) {
		dev.sector_size = ss == 500 ? 513 : ss;
		CHECK_EQ(blkdev_pread(&dev, buf, 1, 0), -EINVAL);
	}
	dev.sector_size = 8192;
	CHECK_EQ(blkdev_pread(&dev, buf, 1, 0), -EINVAL);
	CHECK_EQ(calls, 0);
}

static void test_failures(void)
{
	struct blkdev dev;
	unsigned char buf[3 * 512];

	/* A partial sector's read-modify-write stops at the failing read. */
	for (fail_at = 0; fail_at < 3; fail_at++) {
		int f = fail_at;
		setup(&dev);
		fail_at = f;
		memset(buf, 0xEE, sizeof(buf));
		CHECK_EQ(blkdev_pwrite(&dev, buf, 2 * 512, 100), -EIO);
		fail_at = f;
	}
	setup(&dev);
	fail_at = 0;
	CHECK_EQ(blkdev_pread(&dev, buf, 3 * 512, 512), -EIO);
	CHECK_EQ(calls, 1);
}

static uint64_t discarded_from, discarded;

static int counted_discard(struct blkdev *d, uint64_t s, uint64_t n)
{
	CHECK(s <= d->sectors && n <= d->sectors - s);
	discarded_from = s;
	discarded = n;
	calls++;
	return 0;
}

static void test_readonly_and_discard(void)
{
	struct blkdev dev;
	unsigned char buf[512];

	setup(&dev);
	CHECK_EQ(blkdev_discard(&dev, 512, 0), -EOPNOTSUPP);
	dev.discard = counted_discard;
	CHECK_EQ(blkdev_discard(&dev, 4096, 1024), 0);
	CHECK_EQ(discarded_from, 2);
	CHECK_EQ(discarded, 8);
	CHECK_EQ(blkdev_discard(&dev, 0, SIZE), 0);
	CHECK_EQ(calls, 1);                 /* nothing to discard, no call */
	CHECK_EQ(blkdev_discard(&dev, 512, 100), -EINVAL);
	CHECK_EQ(blkdev_discard(&dev, 100, 512), -EINVAL);
	CHECK_EQ(blkdev_discard(&dev, 1024, SIZE - 512), -ENOSPC);
	CHECK_EQ(blkdev_discard(&dev, 512, UINT64_MAX - 511), -ENOSPC);
	CHECK_EQ(calls, 1);
	/* A device without write: nothing written or discarded, reads work. */
	dev.write = NULL;
	CHECK_EQ(blkdev_pwrite(&dev, buf, 512, 0), -EROFS);
	CHECK_EQ(blkdev_pwrite(&dev, buf, 10, 3), -EROFS);
	CHECK_EQ(blkdev_discard(&dev, 512, 0), -EROFS);
	CHECK_EQ(calls, 1);
	CHECK_EQ(blkdev_pread(&dev, buf, 512, 512), 0);
	CHECK(memcmp(disk, model, SIZE) == 0);
}

static struct blkdev dummy[BLKDEV_NAMES + 1];

static void test_names(void)
{
	char name[40];

	for (int i = 0; i < BLKDEV_NAMES; i++) {
		snprintf(name, sizeof(name), "d%d", i);
		CHECK_EQ(blkdev_register(name, &dummy[i]), 0);
	}
	CHECK_EQ(blkdev_register("more", &dummy[BLKDEV_NAMES]), -ENOSPC);
	CHECK_EQ(blkdev_register("d3", &dummy[0]), -EEXIST);
	CHECK(blkdev_find("d3") == &dummy[3]);
	CHECK(blkdev_find("d") == NULL);
	memset(name, 'x', sizeof(name) - 1);
	name[sizeof(name) - 1] = 0;
	blkdev_unregister("d3");
	CHECK(blkdev_find("d3") == NULL);
	CHECK_EQ(blkdev_register(name, &dummy[3]), -EEXIST);   /* too long */
	CHECK_EQ(blkdev_register("again", &dummy[3]), 0);
	CHECK(blkdev_find("again") == &dummy[3]);
	for (int i = 0; i < BLKDEV_NAMES; i++) {
		snprintf(name, sizeof(name), "d%d", i);
		blkdev_unregister(name);
	}
	blkdev_unregister("again");
}

int main(void)
{
	static const struct unit_test tests[] = {
		UNIT(test_random_ranges), UNIT(test_bounds), UNIT(test_failures),
		UNIT(test_readonly_and_discard), UNIT(test_names),
	};
	return unit_run(tests, sizeof(tests) / sizeof(tests[0]));
}
