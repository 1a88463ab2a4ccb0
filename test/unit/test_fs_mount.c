/* The mount table (miniguest/libc/mount.h): which paths reach a mount and
 * as what, what stays with the ramfs, EXDEV between them, sync and
 * unmount of every mount. A fake filesystem records the calls. */
#include <stdio.h>

#include "fs_test.h"
#include "miniguest/libc/mount.h"

static struct {
	char op[16], path[256], path2[256];
	unsigned mode;
	int syncs, unmounts, fail_unmount;
} rec;

static int note(const char *op, const char *path, const char *path2, unsigned mode)
{
	snprintf(rec.op, sizeof(rec.op), "%s", op);
	snprintf(rec.path, sizeof(rec.path), "%s", path);
	snprintf(rec.path2, sizeof(rec.path2), "%s", path2 ? path2 : "");
	rec.mode = mode;
	return -ENOSYS;
}

static int f_open(void *sb, const char *p, int flags, unsigned mode)
{
	(void)sb, (void)flags;
	return note("open", p, NULL, mode);
}

static int f_stat(void *sb, const char *p, struct stat *st)
{
	(void)sb;
	memset(st, 0, sizeof(*st));
	st->st_mode = S_IFREG | 0400;
	note("stat", p, NULL, 0);
	return 0;
}

static int f_unlink(void *sb, const char *p) { (void)sb; return note("unlink", p, NULL, 0); }
static int f_rmdir(void *sb, const char *p) { (void)sb; return note("rmdir", p, NULL, 0); }

static int f_mkdir(void *sb, const char *p, unsigned mode)
{
	(void)sb;
	return note("mkdir", p, NULL, mode);
}

static int f_rename(void *sb, const char *a, const char *b)
{
	(void)sb;
	return note("rename", a, b, 0);
}

static int f_truncate(void *sb, const char *p, long len)
{
	(void)sb;
	return note("truncate", p, NULL, (unsigned)len);
}

static int f_sync(void *sb) { (void)sb; rec.syncs++; return 0; }

static int f_unmount(void *sb)
{
	(void)sb;
	rec.unmounts++;
	return rec.fail_unmount ? -EIO : 0;
}

static const struct fs_type fake_type = {
	.open = f_open, .stat = f_stat, .unlink = f_unlink, .mkdir = f_mkdir, .rmdir = f_rmdir,
	.rename = f_rename, .truncate = f_truncate, .sync = f_sync, .unmount = f_unmount,
};

static int sb1, sb2;

static void test_routing(void)
{
	struct stat st;

	start();
	memset(&rec, 0, sizeof(rec));
	CHECK_EQ(mount_add("/disk", &fake_type, &sb1), 0);
	CHECK_EQ(fs_stat("/disk", &st), 0);
	CHECK_STR(rec.path, "/");
	CHECK_EQ(fs_open("/disk/a/../b//c/.", O_RDONLY, 0), -ENOSYS);
	CHECK_STR(rec.op, "open");
	CHECK_STR(rec.path, "/b/c");
	/* Names that only begin like the mount are the ramfs's. */
	rec.op[0] = '\0';
	CHECK_EQ(fs_open("/disk.img", O_RDONLY, 0), -ENOENT);
	CHECK_EQ(fs_open("/diskette/x", O_RDONLY, 0), -ENOENT);
	CHECK_EQ(fs_open("/disk/../tmp", O_RDONLY | O_DIRECTORY, 0) >= 0, 1);
	CHECK_STR(rec.op, "");
	/* Relative paths from a current directory at the mount point. */
	CHECK_EQ(fs_chdir("/disk"), 0);
	CHECK_EQ(fs_unlink("x"), -ENOSYS);
	CHECK_STR(rec.op, "unlink");
	CHECK_STR(rec.path, "/x");
	CHECK_EQ(fs_chdir("/"), 0);
	fs_umask(022);
	CHECK_EQ(fs_mkdir("/disk/d", 0777), -ENOSYS);
	CHECK_EQ(rec.mode, 0755);
	CHECK_EQ(fs_rmdir("/disk/d"), -ENOSYS);
	CHECK_STR(rec.op, "rmdir");
	CHECK_EQ(fs_truncate("/disk/f", 7), -ENOSYS);
	CHECK_STR(rec.op, "truncate");
	CHECK_EQ(rec.mode, 7);
	CHECK_EQ(fs_truncate("/disk/f", -1), -EINVAL);
	CHECK_EQ(fs_access("/disk/f", R_OK), 0);
	CHECK_EQ(fs_access("/disk/f", W_OK), -EACCES);
	/* What mounts do not have is refused below the mount point only. */
	CHECK_EQ(fs_chmod("/disk/f", 0600), -ENOTSUP);
	CHECK_EQ(fs_symlink("/tmp", "/disk/l"), -ENOTSUP);
	CHECK_EQ(fs_chdir("/disk/sub"), -ENOTSUP);
	CHECK_EQ(fs_chmod("/disk", 0700), 0);
	CHECK_EQ(mount_remove_all(), 0);
	fs_shutdown();
}

static void test_rename_between(void)
{
	start();
	memset(&rec, 0, sizeof(rec));
	CHECK_EQ(mount_add("/disk", &fake_type, &sb1), 0);
	CHECK_EQ(mount_add("/other", &fake_type, &sb2), 0);
	CHECK_EQ(fs_rename("/disk/a", "/disk/sub/b"), -ENOSYS);
	CHECK_STR(rec.path, "/a");
	CHECK_STR(rec.path2, "/sub/b");
	rec.op[0] = '\0';
	CHECK_EQ(fs_rename("/disk/a", "/tmp/a"), -EXDEV);
	CHECK_EQ(fs_rename("/tmp/a", "/disk/a"), -EXDEV);
	CHECK_EQ(fs_rename("/disk/a", "/other/a"), -EXDEV);
	CHECK_EQ(fs_link("/disk/a", "/other/a"), -EXDEV);
	CHECK_EQ(fs_link("/disk/a", "/disk/b"), -ENOTSUP);
	CHECK_STR(rec.op, "");
	CHECK_EQ(mount_remove_all(), 0);
	fs_shutdown();
}

static void test_table(void)
{
	static int sbs[MOUNT_MAX];
	char dir[16];
	struct stat st;

	start();
	memset(&rec, 0, sizeof(rec));
	CHECK_EQ(mount_add("/disk", &fake_type, &sb1), 0);
	/* The mount point is a directory of the ramfs. */
	CHECK_EQ(mount_remove("/disk"), 0);
	CHECK_EQ(fs_stat("/disk", &st), 0);
	CHECK(S_ISDIR(st.st_mode));
	CHECK_EQ(rec.unmounts, 1);
	CHECK_EQ(mount_remove("/disk"), -EINVAL);
	CHECK_EQ(mount_add("/disk", &fake_type, &sb1), 0);
	CHECK_EQ(mount_add("/disk", &fake_type, &sb2), -EBUSY);
	CHECK_EQ(mount_add("/disk/inner", &fake_type, &sb2), -EBUSY);
	CHECK_EQ(mount_add("/", &fake_type, &sb2), -EBUSY);
	CHECK_EQ(mount_add("/tmp/../", &fake_type, &sb2), -EBUSY);
	/* A mount point under a file of the ramfs cannot be made. */
	put("/tmp/file", "x");
	CHECK_EQ(mount_add("/tmp/file/m", &fake_type, &sb2), -ENOTDIR);
	for (int i = 1; i < MOUNT_MAX; i++) {
		snprintf(dir, sizeof(dir), "/m%d", i);
		CHECK_EQ(mount_add(dir, &fake_type, &sbs[i]), 0);
	}
	CHECK_EQ(mount_add("/more", &fake_type, &sb2), -ENOSPC);
	CHECK_EQ(mount_sync_all(), 0);
	CHECK_EQ(rec.syncs, MOUNT_MAX);
	/* Every mount is unmounted even when one fails; the error is told. */
	rec.fail_unmount = 1;
	CHECK_EQ(mount_remove_all(), -EIO);
	CHECK_EQ(rec.unmounts, 1 + MOUNT_MAX);
	rec.fail_unmount = 0;
	CHECK_EQ(mount_remove_all(), 0);
	CHECK_EQ(rec.unmounts, 1 + MOUNT_MAX);
	CHECK_EQ(fs_open("/disk/x", O_RDONLY, 0), -ENOENT);
	fs_shutdown();
}

UNIT_MAIN(
	UNIT(test_routing),
	UNIT(test_rename_between),
	UNIT(test_table),
)
