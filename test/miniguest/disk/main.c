/* /disk, the libc's ext2 mount, through plain POSIX calls: the archive's
 * /disk.img (boot/mkdisk made it from disk/files/) is registered as
 * "xvda" by this program's blkfront_probe, which the libc calls when the
 * program first names a path under /disk, before it mounts xvda there. The parts write, rewrite, append,
 * rename, delete, list, sync and fail (files.c, names.c, faults.c); then
 * /disk is unmounted with a file still open and the image dumped for
 * test/miniguest/disk/check (e2fsck -fn, debugfs). */
#include <fcntl.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../ext2/dump.h"
#include "disk_test.h"

int check_failures, check_count;
struct test_disk xvda;
static unsigned char *image;
static size_t image_len;

/* Whether d's next request fails. */
static int failing(struct test_disk *d)
{
	d->requests++;
	/* As a real disk's driver would, while the request is in flight. */
	if (d->yield)
		sched_yield();
	if (d->fail_after && d->requests >= d->fail_after)
		d->fail = 1;
	return d->fail;
}

static int disk_read(struct blkdev *dev, uint64_t sector, uint32_t count, void *buf)
{
	struct test_disk *d = dev->priv;

	return failing(d) ? -EIO : d->ram.read(&d->ram, sector, count, buf);
}

static int disk_write(struct blkdev *dev, uint64_t sector, uint32_t count,
		      const void *buf)
{
	struct test_disk *d = dev->priv;

	return failing(d) ? -EIO : d->ram.write(&d->ram, sector, count, buf);
}

static int disk_flush(struct blkdev *dev)
{
	struct test_disk *d = dev->priv;

	d->flushes++;
	return failing(d) ? -EIO : 0;
}

int test_disk_add(struct test_disk *d, const char *name, void *mem, size_t len)
{
	blkdev_ram(&d->ram, mem, len);
	d->dev = d->ram;
	d->dev.read = disk_read;
	d->dev.write = disk_write;
	d->dev.flush = disk_flush;
	d->dev.priv = d;
	return blkdev_register(name, &d->dev);
}

/* The whole file at path into memory; NULL if it is not there. */
static unsigned char *load(const char *path, size_t *len)
{
	struct stat st;
	unsigned char *buf;
	int fd = open(path, O_RDONLY);

	if (fd < 0 || fstat(fd, &st) < 0 || !(buf = malloc(st.st_size)) ||
	    read(fd, buf, st.st_size) != st.st_size)
		return NULL;
	close(fd);
	*len = st.st_size;
	return buf;
}

/* The libc calls this on the first path under /disk (never at start). */
int blkfront_probe(void)
{
	image = load("/disk.img", &image_len);
	return image ? test_disk_add(&xvda, "xvda", image, image_len) : -1;
}

const char *slurp(const char *path)
{
	static char buf[512];
	int fd = open(path, O_RDONLY);
	long n;

	if (fd < 0) {
		snprintf(buf, sizeof(buf), "<errno %d>", errno);
		return buf;
	}
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	buf[n > 0 ? n : 0] = '\0';
	return buf;
}

int main(void)
{
	int fd;
	const char *hello;

	CHECK(image == NULL, "nothing connected before the program names /disk");
	hello = slurp("/disk/hello.txt");
	CHECK(image != NULL, "/disk.img registered as xvda (%zu bytes)", image_len);
	if (!image)
		return check_finish();
	CHECK(strcmp(hello, "Put here by boot/mkdisk.\n") == 0,
	      "xvda was mounted at /disk on first use: /disk/hello.txt reads '%s'", hello);
	test_files();
	test_names();
	test_faults();
	test_threads();

	/* Left open with its last bytes unsynced: unmounting writes them. */
	fd = open("/disk/open-at-unmount.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	CHECK(fd >= 0 && write(fd, "written before unmount\n", 23) == 23,
	      "wrote /disk/open-at-unmount.txt, not closed");
	CHECK(miniguest_unmount("/disk") == 0, "unmounted /disk");
	CHECK(write(fd, "x", 1) < 0 && errno == EIO, "its descriptor gives EIO afterwards");
	CHECK(close(fd) == 0, "and closes");
	CHECK(miniguest_unmount("/disk") < 0 && errno == EINVAL, "unmount again: EINVAL");
	CHECK(open("/disk/hello.txt", O_RDONLY) < 0 && errno == ENOENT,
	      "/disk is an empty directory of the ramfs again");
	ext2_dump(image, image_len);
	return check_finish();
}
