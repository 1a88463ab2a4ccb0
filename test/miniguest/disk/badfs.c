/* A disk xvda that holds no ext2 filesystem: the libc reports it on the
 * console when the program first names a path under /disk and leaves
 * /disk unmounted (the boot test expects the message); the program still
 * runs. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#include "../check.h"
#include "blkdev.h"

int check_failures, check_count;
static struct blkdev junk_dev;
static char junk[128 * 1024];

int blkfront_probe(void)
{
	memset(junk, 0x5A, sizeof(junk));
	blkdev_ram(&junk_dev, junk, sizeof(junk));
	return blkdev_register("xvda", &junk_dev);
}

int main(void)
{
	CHECK(miniguest_unmount("/disk") < 0 && errno == EINVAL, "/disk is not a mount point");
	CHECK(open("/disk/x", O_WRONLY | O_CREAT, 0644) < 0 && errno == ENOENT,
	      "nothing is under /disk");
	CHECK(miniguest_mount("/disk", "xvda", 0) < 0 && errno == EINVAL,
	      "mounting xvda by hand: EINVAL too");
	return check_finish();
}
