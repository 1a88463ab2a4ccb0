/* Directories through the file operations: mkdir, rmdir, rename, link,
 * and directory streams. */
#include "fs_test.h"

/* Every name a directory stream gives, "|"-separated with a type letter
 * (d, f, c), e.g. ".d|..d|consolec|". */
static const char *listing(const char *path)
{
	static char buf[512];
	struct fs_dirent e;
	size_t n = 0;
	int fd = fs_opendir(path), rc;

	if (fd < 0)
		return "<error>";
	buf[0] = '\0';
	while ((rc = fs_readdir(fd, &e)) == 1) {
		char t = e.type == FS_DT_DIR ? 'd' : e.type == FS_DT_REG ? 'f' :
			 e.type == FS_DT_CHR ? 'c' : '?';

		n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%s%c|", e.name, t);
	}
	CHECK_EQ(rc, 0);
	CHECK_EQ(fs_closedir(fd), 0);
	return buf;
}

static void test_listing(void)
{
	start();
	CHECK_STR(listing("/"), ".d|..d|devd|tmpd|");
	CHECK_STR(listing("/dev"), ".d|..d|consolec|");
	CHECK_EQ(fs_mkdir("/home", 0755), 0);
	put("/home/notes", "n");
	put("/readme", "r");
	CHECK_STR(listing("/"), ".d|..d|devd|tmpd|homed|readmef|");
	CHECK_STR(listing("/home/"), ".d|..d|notesf|");
	CHECK_STR(listing("/home/.."), ".d|..d|devd|tmpd|homed|readmef|");
	CHECK_STR(listing("/readme"), "<error>");
	CHECK_EQ(fs_opendir("/readme"), -ENOTDIR);
	CHECK_EQ(fs_opendir("/none"), -ENOENT);
	fs_shutdown();
}

static void test_stream_details(void)
{
	struct fs_dirent e;
	struct stat st;
	int fd, file;

	start();
	fd = fs_opendir("/dev");
	CHECK_EQ(fs_readdir(fd, &e), 1);
	CHECK_STR(e.name, ".");
	CHECK_EQ(fs_stat("/dev", &st), 0);
	CHECK_EQ(e.ino, st.st_ino);
	CHECK_EQ(fs_readdir(fd, &e), 1);
	CHECK_EQ(fs_stat("/", &st), 0);
	CHECK_EQ(e.ino, st.st_ino);
	CHECK_EQ(fs_readdir(fd, &e), 1);
	CHECK_EQ(fs_stat("/dev/console", &st), 0);
	CHECK_EQ(e.ino, st.st_ino);
	CHECK_EQ(fs_readdir(fd, &e), 0);
	CHECK_EQ(fs_readdir(fd, &e), 0);
	/* Rewinding is a seek to 0. */
	CHECK_EQ(fs_lseek(fd, 0, SEEK_SET), 0);
	CHECK_EQ(fs_readdir(fd, &e), 1);
	CHECK_STR(e.name, ".");
	CHECK_EQ(fs_fstat(fd, &st), 0);
	CHECK(S_ISDIR(st.st_mode));

	put("/f", "");
	file = fs_open("/f", O_RDONLY, 0);
	CHECK_EQ(fs_readdir(file, &e), -ENOTDIR);
	CHECK_EQ(fs_closedir(file), -ENOTDIR);
	CHECK_EQ(fs_close(file), 0);
	CHECK_EQ(fs_readdir(file, &e), -EBADF);
	CHECK_EQ(fs_closedir(file), -EBADF);
	CHECK_EQ(fs_closedir(fd), 0);
	CHECK_EQ(fs_readdir(fd, &e), -EBADF);

	/* A stream on a directory removed meanwhile ends at once. */
	CHECK_EQ(fs_mkdir("/gone", 0755), 0);
	fd = fs_opendir("/gone");
	CHECK_EQ(fs_rmdir("/gone"), 0);
	CHECK_EQ(fs_readdir(fd, &e), 0);
	CHECK_EQ(fs_closedir(fd), 0);
	fs_shutdown();
}

static void test_mkdir_rmdir(void)
{
	struct stat st;

	start();
	fake.now = 60;
	CHECK_EQ(fs_mkdir("/a", 0700), 0);
	CHECK_EQ(fs_stat("/a", &st), 0);
	CHECK(S_ISDIR(st.st_mode));
	CHECK_EQ(st.st_mode & 07777, 0700);
	CHECK_EQ(st.st_nlink, 2);
	CHECK_EQ(st.st_mtime, 60);
	CHECK_EQ(fs_mkdir("/a", 0700), -EEXIST);
	CHECK_EQ(fs_mkdir("/a/b/c", 0700), -ENOENT);
	CHECK_EQ(fs_mkdir("/a/b", 0755), 0);
	put("/a/b/f", "");
	CHECK_EQ(fs_rmdir("/a"), -ENOTEMPTY);
	CHECK_EQ(fs_rmdir("/a/b"), -ENOTEMPTY);
	CHECK_EQ(fs_rmdir("/a/b/f"), -ENOTDIR);
	CHECK_EQ(fs_rmdir("/"), -EBUSY);
	CHECK_EQ(fs_unlink("/a/b/f"), 0);
	CHECK_EQ(fs_rmdir("/a/b"), 0);
	CHECK_EQ(fs_rmdir("/a"), 0);
	CHECK_EQ(fs_stat("/a", &st), -ENOENT);
	fs_shutdown();
}

static void test_rename_and_link(void)
{
	struct stat st;
	int fd;

	start();
	put("/a", "A");
	put("/b", "B");
	fd = fs_open("/b", O_RDONLY, 0);
	CHECK_EQ(fs_rename("/a", "/b"), 0);
	CHECK_STR(slurp("/b"), "A");
	CHECK_STR(slurp_fd(fd), "B");            /* the replaced file, still open */
	fs_close(fd);
	CHECK_EQ(fs_mkdir("/d", 0755), 0);
	CHECK_EQ(fs_rename("/b", "/d/b"), 0);
	CHECK_EQ(fs_rename("/d", "/e"), 0);
	CHECK_STR(slurp("/e/b"), "A");
	CHECK_EQ(fs_rename("/e", "/e/inside"), -EINVAL);
	CHECK_EQ(fs_rename("/missing", "/x"), -ENOENT);

	CHECK_EQ(fs_link("/e/b", "/c"), 0);
	CHECK_EQ(fs_stat("/c", &st), 0);
	CHECK_EQ(st.st_nlink, 2);
	CHECK_EQ(fs_link("/e", "/f"), -EPERM);
	CHECK_EQ(fs_link("/c", "/e/b"), -EEXIST);
	/* What newlib's own rename would do: link, then unlink. */
	CHECK_EQ(fs_link("/c", "/moved"), 0);
	CHECK_EQ(fs_unlink("/c"), 0);
	CHECK_STR(slurp("/moved"), "A");
	fs_shutdown();
}

/* Directory streams are descriptors and count against the limit. */
static void test_streams_use_descriptors(void)
{
	int fd;

	start();
	for (int i = 3; i < FD_MAX; i++)
		CHECK_EQ(fs_opendir("/"), i);
	CHECK_EQ(fs_opendir("/"), -EMFILE);
	CHECK_EQ(fs_open("/dev/console", O_RDWR, 0), -EMFILE);
	CHECK_EQ(fs_closedir(40), 0);
	fd = fs_open("/dev/console", O_RDWR, 0);
	CHECK_EQ(fd, 40);
	fs_shutdown();
}

UNIT_MAIN(
	UNIT(test_listing),
	UNIT(test_stream_details),
	UNIT(test_mkdir_rmdir),
	UNIT(test_rename_and_link),
	UNIT(test_streams_use_descriptors),
)
