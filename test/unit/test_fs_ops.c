/* The file operations: opening, reading, writing, seeking, stat, the
 * console, and bad descriptors. */
#include <stdio.h>

#include "fs_test.h"
#include "cpio_image.h"

static void test_console_descriptors(void)
{
	struct stat st;
	char buf[8];

	start();
	CHECK_EQ(fs_write(1, "out ", 4), 4);
	CHECK_EQ(fs_write(2, "err", 3), 3);
	CHECK_STR(fake.out, "out err");
	CHECK_EQ(fs_write(1, "", 0), 0);
	CHECK_EQ(fake.writes, 2);

	fake.in = "typed";
	CHECK_EQ(fs_read(0, buf, 3), 3);
	CHECK(memcmp(buf, "typ", 3) == 0);
	CHECK_EQ(fs_read(0, buf, 0), 0);
	CHECK_EQ(fake.reads, 1);

	for (int fd = 0; fd < 3; fd++) {
		CHECK_EQ(fs_isatty(fd), 1);
		CHECK_EQ(fs_lseek(fd, 0, SEEK_CUR), -ESPIPE);
		CHECK_EQ(fs_fstat(fd, &st), 0);
		CHECK(S_ISCHR(st.st_mode));
	}
	/* /dev/console opens the console again. */
	int fd = fs_open("/dev/console", O_WRONLY, 0);
	CHECK_EQ(fd, 3);
	CHECK_EQ(fs_write(fd, "!", 1), 1);
	CHECK_STR(fake.out, "out err!");
	CHECK_EQ(fs_isatty(fd), 1);
	CHECK_EQ(fs_stat("/dev/console", &st), 0);
	CHECK(S_ISCHR(st.st_mode));
	CHECK_EQ(fs_stat("/dev", &st), 0);
	CHECK(S_ISDIR(st.st_mode));
	fs_shutdown();
}

/* Without fs_init, the console descriptors are there on first use. */
static void test_lazy_start(void)
{
	memset(&fake, 0, sizeof(fake));
	fs_shutdown();
	CHECK_EQ(fs_write(1, "early", 5), 5);
	CHECK_STR(fake.out, "early");
	fs_shutdown();
	CHECK_EQ(fs_isatty(2), 1);
	fs_shutdown();
}

static void test_open_flags(void)
{
	struct stat st;
	int fd;

	start();
	CHECK_EQ(fs_open("/f", O_RDONLY, 0), -ENOENT);
	fd = fs_open("/f", O_RDWR | O_CREAT, 0640);
	CHECK_EQ(fd, 3);
	CHECK_EQ(fs_fstat(fd, &st), 0);
	CHECK(S_ISREG(st.st_mode));
	CHECK_EQ(st.st_mode & 07777, 0640);
	CHECK_EQ(fs_write(fd, "content", 7), 7);
	CHECK_EQ(fs_close(fd), 0);

	CHECK_EQ(fs_open("/f", O_WRONLY | O_CREAT | O_EXCL, 0640), -EEXIST);
	/* O_CREAT alone opens what exists, untouched. */
	fd = fs_open("/f", O_RDONLY | O_CREAT, 0600);
	CHECK_STR(slurp_fd(fd), "content");
	CHECK_EQ(fs_fstat(fd, &st), 0);
	CHECK_EQ(st.st_mode & 07777, 0640);
	fs_close(fd);
	/* O_EXCL without O_CREAT means nothing. */
	fd = fs_open("/f", O_RDONLY | O_EXCL, 0);
	CHECK(fd >= 0);
	fs_close(fd);

	/* O_TRUNC empties a file opened for writing, and only then. */
	fd = fs_open("/f", O_RDONLY | O_TRUNC, 0);
	fs_close(fd);
	CHECK_STR(slurp("/f"), "content");
	fd = fs_open("/f", O_WRONLY | O_TRUNC, 0);
	CHECK_EQ(fs_fstat(fd, &st), 0);
	CHECK_EQ(st.st_size, 0);
	fs_close(fd);

	CHECK_EQ(fs_open("/f", O_ACCMODE, 0), -EINVAL);
	CHECK_EQ(fs_open("/f", O_RDONLY | O_DIRECTORY, 0), -ENOTDIR);
	CHECK_EQ(fs_open("/f/", O_RDONLY, 0), -ENOTDIR);
	CHECK_EQ(fs_open("/dev", O_WRONLY, 0), -EISDIR);
	CHECK_EQ(fs_open("/dev", O_RDWR | O_CREAT, 0644), -EISDIR);
	CHECK_EQ(fs_open("/g", O_RDONLY | O_CREAT | O_DIRECTORY, 0644), -EINVAL);
	CHECK_EQ(fs_open("/new/", O_WRONLY | O_CREAT, 0644), -EISDIR);
	CHECK_EQ(fs_open("/no/such", O_WRONLY | O_CREAT, 0644), -ENOENT);
	CHECK_EQ(fs_open("", O_RDONLY, 0), -ENOENT);
	CHECK_EQ(fs_open(NULL, O_RDONLY, 0), -EFAULT);
	fd = fs_open("/dev", O_RDONLY, 0);
	CHECK(fd >= 0);
	char c;
	CHECK_EQ(fs_read(fd, &c, 1), -EISDIR);
	fs_close(fd);
	fs_shutdown();
}

static void test_append(void)
{
	int fd;

	start();
	put("/log", "one\n");
	fd = fs_open("/log", O_WRONLY | O_APPEND, 0);
	CHECK_EQ(fs_lseek(fd, 0, SEEK_SET), 0);
	CHECK_EQ(fs_write(fd, "two\n", 4), 4);
	CHECK_EQ(fs_lseek(fd, 0, SEEK_CUR), 8);
	put("/other", "");
	CHECK_EQ(fs_write(fd, "three\n", 6), 6);
	fs_close(fd);
	CHECK_STR(slurp("/log"), "one\ntwo\nthree\n");
	fs_shutdown();
}

static void test_read_write_seek(void)
{
	struct stat st;
	char buf[32];
	int fd;

	start();
	fd = fs_open("/f", O_RDWR | O_CREAT, 0644);
	CHECK_EQ(fs_write(fd, "hello world", 11), 11);
	CHECK_EQ(fs_read(fd, buf, sizeof(buf)), 0);
	CHECK_EQ(fs_lseek(fd, 6, SEEK_SET), 6);
	CHECK_EQ(fs_read(fd, buf, 3), 3);
	CHECK(memcmp(buf, "wor", 3) == 0);
	CHECK_EQ(fs_lseek(fd, -2, SEEK_CUR), 7);
	CHECK_EQ(fs_write(fd, "O", 1), 1);
	CHECK_EQ(fs_lseek(fd, -5, SEEK_END), 6);
	CHECK_STR(slurp_fd(fd), "wOrld");

	/* A seek past the end, then a write: the gap reads as zeros. */
	CHECK_EQ(fs_lseek(fd, 4, SEEK_END), 15);
	CHECK_EQ(fs_fstat(fd, &st), 0);
	CHECK_EQ(st.st_size, 11);
	CHECK_EQ(fs_read(fd, buf, sizeof(buf)), 0);
	CHECK_EQ(fs_write(fd, "!", 1), 1);
	CHECK_EQ(fs_fstat(fd, &st), 0);
	CHECK_EQ(st.st_size, 16);
	CHECK_EQ(fs_lseek(fd, 0, SEEK_SET), 0);
	CHECK_EQ(fs_read(fd, buf, sizeof(buf)), 16);
	CHECK(memcmp(buf, "hello wOrld\0\0\0\0!", 16) == 0);

	CHECK_EQ(fs_lseek(fd, -1, SEEK_SET), -EINVAL);
	CHECK_EQ(fs_lseek(fd, -17, SEEK_END), -EINVAL);
	CHECK_EQ(fs_lseek(fd, 0, 42), -EINVAL);
	CHECK_EQ(fs_lseek(fd, 10, SEEK_SET), 10);
	CHECK_EQ(fs_lseek(fd, LONG_MAX, SEEK_CUR), -EOVERFLOW);
	CHECK_EQ(fs_lseek(fd, 0, SEEK_CUR), 10);
	/* Far beyond what a file may hold: the seek works, the write cannot. */
	CHECK_EQ(fs_lseek(fd, LONG_MAX, SEEK_SET), LONG_MAX);
	CHECK_EQ(fs_write(fd, "x", 1), -EFBIG);
	fs_close(fd);
	fs_shutdown();
}

static void test_access_modes(void)
{
	char c;
	int ro, wo;

	start();
	put("/f", "abc");
	ro = fs_open("/f", O_RDONLY, 0);
	wo = fs_open("/f", O_WRONLY, 0);
	CHECK_EQ(fs_write(ro, "x", 1), -EBADF);
	CHECK_EQ(fs_read(wo, &c, 1), -EBADF);
	CHECK_EQ(fs_ftruncate(ro, 0), -EBADF);
	CHECK_EQ(fs_ftruncate(wo, -1), -EINVAL);
	CHECK_EQ(fs_ftruncate(wo, 1), 0);
	/* Each descriptor has its own position. */
	CHECK_EQ(fs_read(ro, &c, 1), 1);
	CHECK_EQ(c, 'a');
	CHECK_EQ(fs_read(ro, &c, 1), 0);
	CHECK_EQ(fs_ftruncate(1, 0), -EINVAL);
	fs_close(ro);
	fs_close(wo);
	fs_shutdown();
}

static void test_stat(void)
{
	struct stat st, st2;
	int fd;

	start();
	fake.now = 777;
	put("/f", "0123456789");
	CHECK_EQ(fs_stat("/f", &st), 0);
	CHECK(S_ISREG(st.st_mode));
	CHECK_EQ(st.st_size, 10);
	CHECK_EQ(st.st_nlink, 1);
	CHECK_EQ(st.st_mtime, 777);
	CHECK_EQ(st.st_blocks, 1);
	CHECK(st.st_blksize > 0);
	fd = fs_open("/f", O_RDONLY, 0);
	CHECK_EQ(fs_fstat(fd, &st2), 0);
	CHECK_EQ(st2.st_ino, st.st_ino);
	fs_close(fd);
	CHECK_EQ(fs_stat("/", &st), 0);
	CHECK(S_ISDIR(st.st_mode));
	CHECK_EQ(st.st_nlink, 4);                 /* ".", "..", and the ".." of /dev and /tmp */
	CHECK(st.st_ino != st2.st_ino);
	CHECK_EQ(fs_stat("/nope", &st), -ENOENT);
	CHECK_EQ(fs_stat("/f/", &st), -ENOTDIR);
	fs_shutdown();
}

/* Unlinking an open file: POSIX keeps its data until the last close. */
static void test_unlink_open_file(void)
{
	struct stat st;
	int fd;

	start();
	put("/tmpfile", "still here");
	fd = fs_open("/tmpfile", O_RDWR, 0);
	CHECK_EQ(fs_unlink("/tmpfile"), 0);
	CHECK_EQ(fs_stat("/tmpfile", &st), -ENOENT);
	CHECK_EQ(fs_open("/tmpfile", O_RDONLY, 0), -ENOENT);
	CHECK_STR(slurp_fd(fd), "still here");
	CHECK_EQ(fs_write(fd, "!", 1), 1);
	CHECK_EQ(fs_fstat(fd, &st), 0);
	CHECK_EQ(st.st_nlink, 0);
	CHECK_EQ(st.st_size, 11);
	CHECK_EQ(fs_close(fd), 0);           /* the file goes now */
	CHECK_EQ(fs_unlink("/tmpfile"), -ENOENT);
	CHECK_EQ(fs_unlink("/dev"), -EISDIR);
	fs_shutdown();
}

static void test_bad_descriptors(void)
{
	static const int bad[] = { -1, 3, 63, FD_MAX, 1000, -2147483647 - 1 };
	struct stat st;
	char c = 0;

	start();
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		int fd = bad[i];

		CHECK_EQ(fs_read(fd, &c, 1), -EBADF);
		CHECK_EQ(fs_write(fd, &c, 1), -EBADF);
		CHECK_EQ(fs_lseek(fd, 0, SEEK_SET), -EBADF);
		CHECK_EQ(fs_close(fd), -EBADF);
		CHECK_EQ(fs_fstat(fd, &st), -EBADF);
		CHECK_EQ(fs_isatty(fd), -EBADF);
		CHECK_EQ(fs_ftruncate(fd, 0), -EBADF);
	}
	put("/f", "");
	int fd = fs_open("/f", O_RDONLY, 0);
	CHECK_EQ(fs_isatty(fd), -ENOTTY);
	CHECK_EQ(fs_close(fd), 0);
	CHECK_EQ(fs_close(fd), -EBADF);
	CHECK_EQ(fs_read(fd, &c, 1), -EBADF);
	/* The console descriptors can be closed like any other. */
	CHECK_EQ(fs_close(0), 0);
	CHECK_EQ(fs_read(0, &c, 1), -EBADF);
	CHECK_EQ(fs_open("/f", O_RDONLY, 0), 0);
	fs_shutdown();
}

static void test_descriptor_exhaustion(void)
{
	int fd, last = -1;

	start();
	put("/f", "x");
	for (int i = 3; i < FD_MAX; i++) {
		fd = fs_open("/f", O_RDONLY, 0);
		CHECK_EQ(fd, i);
		last = fd;
	}
	CHECK_EQ(fs_open("/f", O_RDONLY, 0), -EMFILE);
	CHECK_EQ(fs_open("/g", O_RDONLY | O_CREAT, 0644), -EMFILE);
	CHECK_EQ(fs_opendir("/"), -EMFILE);
	/* The refused creation made nothing, as on Linux. */
	CHECK_EQ(fs_close(17), 0);
	CHECK_EQ(fs_open("/g", O_RDONLY, 0), -ENOENT);
	CHECK_EQ(fs_open("/f", O_RDONLY, 0), 17);
	CHECK_EQ(last, FD_MAX - 1);
	fs_shutdown();
}

static void test_init_from_archive(void)
{
	static struct img im;
	struct ramfs_load_stats st;
	size_t console_at;

	memset(&im, 0, sizeof(im));
	put_dir(&im, "etc");
	put_file(&im, "etc/hosts", "127.0.0.1 localhost\n");
	put_dir(&im, "dev");
	console_at = im.len;
	put_entry(&im, &(struct ent){ .name = "dev/console", .mode = 0020000 | 0600 });
	put_trailer(&im);
	memset(&fake, 0, sizeof(fake));
	put("/stale", "from before");
	/* The archive's own /dev/console, a device, is skipped. */
	CHECK_EQ(fs_init(im.b, im.len, &st), 1);
	CHECK_EQ(st.files, 1);
	CHECK_STR(slurp("/etc/hosts"), "127.0.0.1 localhost\n");
	CHECK_STR(slurp("/stale"), "<no such file>");
	CHECK_EQ(fs_write(1, "ok", 2), 2);
	CHECK_STR(fake.out, "ok");

	/* A broken archive: what came before it and the console still work. */
	CHECK_EQ(fs_init(im.b, console_at + 50, &st), CPIO_ETRUNC);
	CHECK_EQ(st.bad_offset, console_at);
	CHECK_STR(slurp("/etc/hosts"), "127.0.0.1 localhost\n");
	CHECK_EQ(fs_write(2, "!", 1), 1);
	CHECK_STR(fake.out, "ok!");
	fs_shutdown();
}

UNIT_MAIN(
	UNIT(test_console_descriptors),
	UNIT(test_lazy_start),
	UNIT(test_open_flags),
	UNIT(test_append),
	UNIT(test_read_write_seek),
	UNIT(test_access_modes),
	UNIT(test_stat),
	UNIT(test_unlink_open_file),
	UNIT(test_bad_descriptors),
	UNIT(test_descriptor_exhaustion),
	UNIT(test_init_from_archive),
)
