/* Mounting the ext2 layer's filesystems, at start and by programs, and
 * sync(). */
#include <errno.h>
#include <stdbool.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#include "kernel/console.h"
#include "mount.h"
#include "syscall_ret.h"

/* Both weak: a program links without blkfront or the ext2 layer. */
__attribute__((weak)) int blkfront_probe(void);
__attribute__((weak)) int ext2_vfs_open(const char *blkdev, int flags,
					const struct fs_type **type, void **sb);

/* Once: a program mounts before it opens a blkdev of its own, if ever. */
static void connect_disks(void)
{
	static bool done;

	if (!done && blkfront_probe)
		blkfront_probe();
	done = true;
}

int fs_mount(const char *dir, const char *blkdev, int flags)
{
	const struct fs_type *type;
	void *sb;
	int rc;

	if (!dir || !blkdev || dir[0] != '/' || (flags & ~MINIGUEST_MOUNT_RDONLY))
		return -EINVAL;
	if (!ext2_vfs_open)
		return -ENODEV;
	connect_disks();
	rc = ext2_vfs_open(blkdev, flags, &type, &sb);
	if (rc < 0)
		return rc;
	rc = mount_add(dir, type, sb);
	if (rc < 0)
		type->unmount(sb);
	return rc;
}

int fs_unmount(const char *dir)
{
	return dir ? mount_remove(dir) : -EINVAL;
}

int miniguest_mount(const char *dir, const char *blkdev, int flags)
{
	return (int)mg_ret(fs_mount(dir, blkdev, flags));
}

int miniguest_unmount(const char *dir)
{
	return (int)mg_ret(fs_unmount(dir));
}

void sync(void)
{
	mount_sync_all();
}

int fs_mount_default(void)
{
	static bool tried;
	int rc;

	if (tried)
		return -ENOENT;
	tried = true;
	rc = fs_mount(MOUNT_DEFAULT_DIR, "xvda", 0);
	/* No disk, or no ext2 layer in this program: nothing to say. */
	if (rc < 0 && rc != -ENOENT && rc != -ENODEV)
		printk("miniguest: xvda is not mounted at %s: %s\n", MOUNT_DEFAULT_DIR,
		       strerror(-rc));
	return rc;
}
