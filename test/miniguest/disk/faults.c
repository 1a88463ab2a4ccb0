/* What fails on /disk and mounts: a full disk (ENOSPC), a read-only mount
 * (EROFS), a device that fails mid-way (EIO, no crash), devices that are
 * missing or hold no ext2. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "disk_test.h"

static void full(void)
{
	static char zeros[16384];
	long total = 0, n = 0;
	int fd = open("/disk/fill.bin", O_WRONLY | O_CREAT | O_TRUNC, 0644), err = 0;

	/* Zeros: the image's dump leaves them out once the file is gone. */
	while (fd >= 0 && total < 8L << 20 && (n = write(fd, zeros, sizeof(zeros))) > 0)
		total += n;
	err = errno;
	CHECK(n < 0 && err == ENOSPC, "filled the disk: ENOSPC after %ld bytes (errno %d)",
	      total, err);
	close(fd);
	CHECK(unlink("/disk/fill.bin") == 0, "removed the filler");
	fd = open("/disk/after-full.txt", O_WRONLY | O_CREAT, 0644);
	CHECK(fd >= 0 && write(fd, "room again\n", 11) == 11 && close(fd) == 0,
	      "a file can be written again");
}

/* /disk's image as it is now (synced), copied, as another disk. */
static void *copy_of_disk(size_t *len)
{
	void *mem;

	sync();
	*len = (size_t)xvda.ram.sectors * xvda.ram.sector_size;
	mem = malloc(*len);
	if (mem)
		memcpy(mem, xvda.ram.priv, *len);
	return mem;
}

static void read_only(void)
{
	struct stat st;
	int fd;

	CHECK(miniguest_mount("/ro", "xvdb", MINIGUEST_MOUNT_RDONLY) == 0,
	      "mounted xvdb read-only at /ro");
	CHECK(strcmp(slurp("/ro/hello.txt"), "Put here by boot/mkdisk.\n") == 0,
	      "/ro/hello.txt reads");
	CHECK(open("/ro/new", O_WRONLY | O_CREAT, 0644) < 0 && errno == EROFS, "create: EROFS");
	CHECK(open("/ro/hello.txt", O_RDWR) < 0 && errno == EROFS, "open for writing: EROFS");
	CHECK(unlink("/ro/hello.txt") < 0 && errno == EROFS, "unlink: EROFS");
	CHECK(mkdir("/ro/d", 0755) < 0 && errno == EROFS, "mkdir: EROFS");
	CHECK(rename("/ro/hello.txt", "/ro/h") < 0 && errno == EROFS, "rename: EROFS");
	CHECK(rename("/ro/hello.txt", "/disk/h") < 0 && errno == EXDEV,
	      "rename between mounts: EXDEV");
	fd = open("/ro/hello.txt", O_RDONLY);
	CHECK(fd >= 0 && fsync(fd) == 0 && close(fd) == 0, "fsync of a read-only file");
	CHECK(miniguest_mount("/ro", "xvdb", 0) < 0 && errno == EBUSY, "mount on /ro again: EBUSY");
	CHECK(miniguest_mount("/ro/sub", "xvdb", 0) < 0 && errno == EBUSY,
	      "mount inside a mount: EBUSY");
	CHECK(miniguest_unmount("/ro") == 0, "unmounted /ro");
	CHECK(stat("/ro/hello.txt", &st) < 0 && errno == ENOENT, "/ro is empty again");
}

static void failing(struct test_disk *d)
{
	char buf[64];
	int fd;

	CHECK(miniguest_mount("/fail", "xvdb", 0) == 0, "mounted xvdb at /fail");
	fd = open("/fail/f.txt", O_RDWR | O_CREAT, 0644);
	CHECK(fd >= 0 && write(fd, "before\n", 7) == 7 && fsync(fd) == 0, "wrote and synced");
	d->fail = 1;
	CHECK(write(fd, "after\n", 6) >= 0 || errno == EIO, "a write as the device fails");
	CHECK(fsync(fd) < 0 && errno == EIO, "fsync: EIO");
	CHECK(open("/fail/docs/replace.txt", O_RDONLY) < 0 && errno == EIO,
	      "opening a file not read yet: EIO");
	int big = open("/fail/big.bin", O_RDONLY);
	CHECK((big < 0 || read(big, buf, sizeof(buf)) < 0) && errno == EIO,
	      "opening or reading another: EIO");
	if (big >= 0)
		close(big);
	CHECK(mkdir("/fail/d", 0755) < 0 && errno == EIO, "mkdir: EIO");
	close(fd);
	CHECK(miniguest_unmount("/fail") < 0 && errno == EIO,
	      "unmounting: EIO, and the mount is gone");
	CHECK(miniguest_unmount("/fail") < 0 && errno == EINVAL, "unmount again: EINVAL");
	d->fail = 0;
}

/* One step of a sequence on a disk that will fail: 1 while all went well,
 * 0 after the first error, which must be EIO (*bad counts others). */
static int step(int ok, long rc, int *bad)
{
	if (!ok || rc >= 0)
		return ok;
	if (errno != EIO) {
		(*bad)++;
		printf("note: errno %d where EIO was due (%d so far)\n", errno, *bad);
	}
	return 0;
}

/* Mounts a copy of image failing from its n'th request on, works on it,
 * unmounts: the first error of all is EIO, whenever it comes. */
static int fail_at(const void *image, size_t len, unsigned n, int *bad)
{
	static struct test_disk d;
	static char data[20000];
	void *copy = malloc(len);
	int ok = 1, fd = -1;

	if (!copy)
		return 0;
	memcpy(copy, image, len);
	memset(&d, 0, sizeof(d));
	d.fail_after = n;
	blkdev_unregister("xvdf");
	test_disk_add(&d, "xvdf", copy, len);
	ok = step(ok, miniguest_mount("/f", "xvdf", 0), bad);
	if (ok) {
		ok = step(ok, fd = open("/f/new.bin", O_RDWR | O_CREAT, 0644), bad);
		ok = step(ok, ok ? write(fd, data, sizeof(data)) : 0, bad);
		ok = step(ok, ok ? fsync(fd) : 0, bad);
		ok = step(ok, mkdir("/f/dir", 0755), bad);
		ok = step(ok, rename("/f/new.bin", "/f/dir/new.bin"), bad);
		ok = step(ok, ok ? pread(fd, data, sizeof(data), 100) : 0, bad);
		ok = step(ok, unlink("/f/hello.txt"), bad);
		if (fd >= 0)
			ok = step(ok, close(fd), bad);
		ok = step(ok, miniguest_unmount("/f"), bad);
		/* Whatever happened, the mount is gone. */
		if (miniguest_unmount("/f") == 0 || errno != EINVAL) {
			(*bad)++;
			printf("note: /f still mounted after failing at request %u\n", n);
		}
	}
	blkdev_unregister("xvdf");
	free(copy);
	return ok;
}

static void fail_anywhere(void)
{
	size_t len = 0;
	void *image = copy_of_disk(&len);
	unsigned n, failed = 0;
	int bad = 0;

	for (n = 1; image && n < 400 && !fail_at(image, len, n, &bad); n++)
		failed++;
	CHECK(image && bad == 0 && failed > 10 && n < 400,
	      "a disk failing at its request 1, 2 ... %u: EIO first every time (%d other "
	      "errors), the sequence whole from %u on", failed, bad, n);
	free(image);
}

void test_faults(void)
{
	static struct test_disk xvdb, xvdc;
	static char junk[65536];
	size_t len = 0;
	void *copy;

	full();
	copy = copy_of_disk(&len);
	CHECK(copy && test_disk_add(&xvdb, "xvdb", copy, len) == 0,
	      "a copy of /disk's image registered as xvdb");
	if (copy) {
		read_only();
		failing(&xvdb);
	}
	memset(junk, 0xA5, sizeof(junk));
	CHECK(test_disk_add(&xvdc, "xvdc", junk, sizeof(junk)) == 0, "junk registered as xvdc");
	CHECK(miniguest_mount("/junk", "xvdc", 0) < 0 && errno == EINVAL,
	      "mounting junk: EINVAL");
	CHECK(miniguest_mount("/nodev", "xvdq", 0) < 0 && errno == ENOENT,
	      "mounting a device not registered: ENOENT");
	CHECK(miniguest_mount("/disk", "xvdb", 0) < 0 && errno == EBUSY, "on /disk: EBUSY");
	fail_anywhere();
}
