/* The POSIX calls of the file layer: shared open files, pipes, fcntl,
 * the current directory, metadata. The sanitizer's leak check sees that
 * the last descriptor of an open file frees it. */
#include <stdio.h>

#include "fs_test.h"

static void test_dup_shares_position(void)
{
	char c;
	int fd, d;

	start();
	put("/f", "abcdef");
	fd = fs_open("/f", O_RDONLY, 0);
	d = fs_dup(fd);
	CHECK_EQ(d, fd + 1);
	CHECK_EQ(fs_read(fd, &c, 1), 1);
	CHECK_EQ(fs_lseek(d, 0, SEEK_CUR), 1);
	CHECK_EQ(fs_close(fd), 0);
	CHECK_EQ(fs_read(d, &c, 1), 1);
	CHECK_EQ(c, 'b');
	CHECK_EQ(fs_dup2(d, FD_MAX - 1), FD_MAX - 1);
	CHECK_EQ(fs_dup2(d, FD_MAX), -EBADF);
	CHECK_EQ(fs_dup2(FD_MAX - 1, d), d);       /* both name it already */
	CHECK_EQ(fs_close(d), 0);
	CHECK_STR(slurp_fd(FD_MAX - 1), "cdef");
	CHECK_EQ(fs_close(FD_MAX - 1), 0);
	CHECK_EQ(fs_dup(d), -EBADF);
	fs_shutdown();
}

static void test_dup_exhaustion(void)
{
	int n = 0;

	start();
	while (fs_dup(0) >= 0)
		n++;
	CHECK_EQ(n, FD_MAX - 3);
	CHECK_EQ(fs_fcntl(0, F_DUPFD, 0), -EMFILE);
	CHECK_EQ(fs_fcntl(0, F_DUPFD, FD_MAX), -EINVAL);
	fs_shutdown();
}

static void test_pipe_ends(void)
{
	int p[2], d;
	char buf[8];

	start();
	CHECK_EQ(fs_pipe(p, 0), 0);
	d = fs_dup(p[1]);
	CHECK_EQ(fs_close(p[1]), 0);
	CHECK_EQ(fs_write(d, "xy", 2), 2);
	CHECK_EQ(fs_read(p[0], buf, 8), 2);
	CHECK_EQ(fs_close(d), 0);
	CHECK_EQ(fs_read(p[0], buf, 8), 0);        /* no writer: end of file */
	CHECK_EQ(fs_pipe(p + 0, O_APPEND), -EINVAL);
	CHECK_EQ(fs_pipe(p, O_NONBLOCK), 0);
	CHECK_EQ(fs_read(p[0], buf, 8), -EAGAIN);
	CHECK_EQ(fs_close(p[0]), 0);
	CHECK_EQ(fs_write(p[1], "x", 1), -EPIPE);
	CHECK_EQ(fs_ftruncate(p[1], 0), -EINVAL);
	CHECK_EQ(fs_pwrite(p[1], "x", 1, 0), -ESPIPE);
	CHECK_EQ(fs_pread(p[1], buf, 1, 0), -EBADF);
	CHECK_EQ(fs_close(p[1]), 0);
	fs_shutdown();
}

/* Filled to the byte, then a non-blocking write is -EAGAIN; reads drain
 * it in order. */
static void test_pipe_full(void)
{
	static char chunk[1000];
	int p[2];
	long total = 0, n;
	char c;

	start();
	CHECK_EQ(fs_pipe(p, O_NONBLOCK), 0);
	for (int i = 0; i < (int)sizeof(chunk); i++)
		chunk[i] = (char)i;
	while ((n = fs_write(p[1], chunk, sizeof(chunk))) > 0)
		total += n;
	CHECK_EQ(n, -EAGAIN);
	CHECK_EQ(total, (long)RAMFS_PIPE_MAX);
	CHECK_EQ(fs_read(p[0], &c, 1), 1);
	CHECK_EQ(c, 0);
	CHECK_EQ(fs_write(p[1], chunk, sizeof(chunk)), 1);
	for (long i = 1; i < total; i++) {
		if (fs_read(p[0], &c, 1) != 1 || c != (char)(i % 1000)) {
			CHECK(!"the pipe's bytes come out in order");
			break;
		}
	}
	fs_shutdown();                           /* frees the pipe while open */
}

static void test_fcntl_flags(void)
{
	int fd;

	start();
	fd = fs_open("/f", O_CREAT | O_WRONLY | O_CLOEXEC, 0600);
	CHECK_EQ(fs_fcntl(fd, F_GETFD, 0), FD_CLOEXEC);
	CHECK_EQ(fs_fcntl(fd, F_GETFL, 0) & O_CLOEXEC, 0);
	CHECK_EQ(fs_fcntl(fd, F_SETFL, O_APPEND | O_RDWR | O_CREAT), 0);
	CHECK_EQ(fs_fcntl(fd, F_GETFL, 0), O_WRONLY | O_CREAT | O_APPEND);
	CHECK_EQ(fs_fcntl(fd, F_DUPFD, (long)INT_MAX + 1), -EINVAL);
	CHECK_EQ(fs_fcntl(-1, F_GETFD, 0), -EBADF);
	fs_shutdown();
}

static void test_locks(void)
{
	struct flock l = { .l_type = F_WRLCK, .l_whence = SEEK_END, .l_start = -3, .l_len = 0 };
	int fd;

	start();
	put("/f", "abc");
	fd = fs_open("/f", O_RDWR, 0);
	CHECK_EQ(fs_lock(fd, F_SETLK, &l), 0);
	l.l_start = -4;
	CHECK_EQ(fs_lock(fd, F_SETLK, &l), -EINVAL);
	l = (struct flock){ .l_type = F_RDLCK, .l_whence = SEEK_SET, .l_start = 2, .l_len = -2 };
	CHECK_EQ(fs_lock(fd, F_SETLKW, &l), 0);
	l.l_len = -3;
	CHECK_EQ(fs_lock(fd, F_SETLKW, &l), -EINVAL);
	l = (struct flock){ .l_type = F_RDLCK, .l_whence = SEEK_SET, .l_start = LONG_MAX,
			    .l_len = LONG_MAX };
	CHECK_EQ(fs_lock(fd, F_GETLK, &l), 0);
	CHECK_EQ(l.l_type, F_UNLCK);
	CHECK_EQ(fs_lock(fd, F_DUPFD, &l), -EINVAL);
	fs_shutdown();
}

static void test_cwd(void)
{
	char buf[16];
	int fd;

	start();
	CHECK_EQ(fs_getcwd(buf, 2), 0);
	CHECK_STR(buf, "/");
	CHECK_EQ(fs_getcwd(buf, 1), -ERANGE);
	CHECK_EQ(fs_mkdir("/ab", 0755), 0);
	CHECK_EQ(fs_mkdir("/ab/cd", 0755), 0);
	CHECK_EQ(fs_chdir("ab/cd"), 0);
	CHECK_EQ(fs_getcwd(buf, 7), 0);             /* "/ab/cd" and its NUL, exactly */
	CHECK_STR(buf, "/ab/cd");
	CHECK_EQ(fs_getcwd(buf, 6), -ERANGE);
	put("x", "in cd");
	CHECK_STR(slurp("/ab/cd/x"), "in cd");
	CHECK_EQ(fs_rename("/ab", "/ef"), 0);
	CHECK_EQ(fs_getcwd(buf, sizeof(buf)), 0);
	CHECK_STR(buf, "/ef/cd");                  /* follows the directory, not the name */
	CHECK_EQ(fs_unlink("x"), 0);
	CHECK_EQ(fs_rmdir("/ef/cd"), 0);
	CHECK_EQ(fs_getcwd(buf, sizeof(buf)), -ENOENT);
	CHECK_EQ(fs_open("y", O_CREAT | O_WRONLY, 0644), -ENOENT);
	CHECK_EQ(fs_mkdir("..", 0755), -ENOENT);
	fd = fs_open("/dev/console", O_RDONLY, 0);
	CHECK_EQ(fs_fchdir(fd), -ENOTDIR);
	fs_shutdown();                           /* frees the removed cwd */
}

static void test_metadata(void)
{
	struct timespec ts[2] = { { 11, 0 }, { 22, UTIME_OMIT } };
	struct stat st;

	start();
	put("/f", "x");
	CHECK_EQ(fs_utimens("/f", ts), 0);
	CHECK_EQ(fs_stat("/f", &st), 0);
	CHECK_EQ(st.st_atime, 11);
	CHECK_EQ(st.st_mtime, 5000);
	ts[1].tv_nsec = 1000000000;
	CHECK_EQ(fs_utimens("/f", ts), -EINVAL);
	fake.now = 6000;
	CHECK_EQ(fs_utimens("/f", NULL), 0);
	CHECK_EQ(fs_stat("/f", &st), 0);
	CHECK_EQ(st.st_atime, 6000);
	CHECK_EQ(st.st_mtime, 6000);
	CHECK_EQ(fs_chmod("/f", 0100777), 0);       /* only permission bits stay */
	CHECK_EQ(fs_stat("/f", &st), 0);
	CHECK_EQ(st.st_mode, S_IFREG | 0777);
	CHECK_EQ(fs_access("/f", R_OK | W_OK | X_OK), 0);
	CHECK_EQ(fs_access("/f", 0100), -EINVAL);
	CHECK_EQ(fs_umask(0777), 022);
	put("/g", "");
	CHECK_EQ(fs_stat("/g", &st), 0);
	CHECK_EQ(st.st_mode, S_IFREG);
	CHECK_EQ(fs_access("/g", R_OK), -EACCES);
	CHECK_EQ(fs_umask(022), 0777);
	CHECK_EQ(fs_chown("/f", FS_UID, -1), 0);
	CHECK_EQ(fs_chown("/f", FS_UID + 1, -1), -EPERM);
	CHECK_EQ(fs_truncate("/f", 3), 0);
	CHECK_STR(slurp("/f"), "x");               /* then two zero bytes */
	CHECK_EQ(fs_truncate("/dev/console", 0), -EINVAL);
	CHECK_EQ(fs_fsync(0), -EINVAL);
	fs_shutdown();
}

static void test_at(void)
{
	char buf[16];
	const char *p;
	int d, f;

	start();
	CHECK_EQ(fs_mkdir("/ab", 0755), 0);
	d = fs_open("/ab", O_RDONLY | O_DIRECTORY, 0);
	f = fs_open("/dev/console", O_RDONLY, 0);
	CHECK_EQ(fs_at(d, "x/y", buf, sizeof(buf), &p), 0);
	CHECK_STR(p, "/ab/x/y");
	CHECK_EQ(fs_at(d, "/abs", buf, sizeof(buf), &p), 0);
	CHECK_STR(p, "/abs");
	CHECK_EQ(fs_at(d, "", buf, sizeof(buf), &p), 0);
	CHECK_STR(p, "");
	CHECK_EQ(fs_at(AT_FDCWD, "rel", buf, sizeof(buf), &p), 0);
	CHECK_STR(p, "rel");
	CHECK_EQ(fs_at(d, "12345678901", buf, sizeof(buf), &p), 0); /* 15 bytes and the NUL */
	CHECK_STR(p, "/ab/12345678901");
	CHECK_EQ(fs_at(d, "123456789012", buf, sizeof(buf), &p), -ENAMETOOLONG);
	CHECK_EQ(fs_at(d, "x", buf, 3, &p), -ENAMETOOLONG);        /* not even "/ab" */
	CHECK_EQ(fs_at(f, "x", buf, sizeof(buf), &p), -ENOTDIR);
	CHECK_EQ(fs_at(FD_MAX, "x", buf, sizeof(buf), &p), -EBADF);
	CHECK_EQ(fs_rmdir("/ab"), 0);
	CHECK_EQ(fs_at(d, "x", buf, sizeof(buf), &p), -ENOENT);
	fs_shutdown();
}

UNIT_MAIN(
	UNIT(test_dup_shares_position),
	UNIT(test_dup_exhaustion),
	UNIT(test_pipe_ends),
	UNIT(test_pipe_full),
	UNIT(test_fcntl_flags),
	UNIT(test_locks),
	UNIT(test_cwd),
	UNIT(test_metadata),
	UNIT(test_at),
)
