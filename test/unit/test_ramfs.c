/* The in-memory tree: paths, files, directories, links, listing. */
#include "ramfs_test.h"

static void test_root(void)
{
	struct ramfs *fs = fresh();
	struct ramfs_node *n;
	struct ramfs_info i;

	CHECK_EQ(ramfs_lookup(fs, "/", &n), 0);
	i = info_of(n);
	CHECK_EQ(i.type, RAMFS_DIR);
	CHECK_EQ(i.mode, 0755);
	CHECK_EQ(i.nlink, 2);
	CHECK_EQ(i.size, 0);
	CHECK(at(fs, "//") == n);
	CHECK(at(fs, "/.") == n);
	CHECK(at(fs, "/..") == n);
	CHECK(at(fs, "../../.") == n);
	CHECK_EQ(ramfs_lookup(fs, "", &n), -ENOENT);
	CHECK_EQ(ramfs_lookup(fs, NULL, &n), -EFAULT);
	ramfs_free(fs);
}

static void test_path_forms(void)
{
	struct ramfs *fs = fresh();
	struct ramfs_node *b;

	CHECK_EQ(ramfs_mkdir(fs, "/a", 0755), 0);
	CHECK_EQ(ramfs_mkdir(fs, "a/b", 0700), 0);
	CHECK_EQ(make_file(fs, "/a/b/f", "x"), 0);
	b = at(fs, "/a/b");
	CHECK(b != NULL);
	CHECK(at(fs, "//a///b/") == b);
	CHECK(at(fs, "/a/./b/.") == b);
	CHECK(at(fs, "a/b") == b);
	CHECK(at(fs, "/a/b/f/..") == NULL);
	CHECK(at(fs, "/a/b/../b/./f") == at(fs, "/a/b/f"));
	CHECK(at(fs, "/../../a/b") == b);
	CHECK(at(fs, "/a/b/../..") == at(fs, "/"));

	struct ramfs_node *n;
	CHECK_EQ(ramfs_lookup(fs, "/a/b/f/..", &n), -ENOTDIR);
	CHECK_EQ(ramfs_lookup(fs, "/a/b/f/", &n), -ENOTDIR);
	CHECK_EQ(ramfs_lookup(fs, "/a/b/f/g", &n), -ENOTDIR);
	CHECK_EQ(ramfs_lookup(fs, "/a/missing/f", &n), -ENOENT);
	CHECK_EQ(ramfs_lookup(fs, "/a/B", &n), -ENOENT);     /* names are exact */
	CHECK_EQ(ramfs_lookup(fs, "/a/b/", &n), 0);
	ramfs_free(fs);
}

static void test_name_limits(void)
{
	struct ramfs *fs = fresh();
	char name[RAMFS_NAME_MAX + 3], path[RAMFS_PATH_MAX + 2];
	struct ramfs_node *n;

	name[0] = '/';
	memset(name + 1, 'n', RAMFS_NAME_MAX + 1);
	name[RAMFS_NAME_MAX + 2] = '\0';
	CHECK_EQ(make_file(fs, name, ""), -ENAMETOOLONG);
	name[RAMFS_NAME_MAX + 1] = '\0';
	CHECK_EQ(make_file(fs, name, "longest"), 0);
	CHECK_STR(content(fs, name), "longest");

	/* The whole path, NUL included, must fit RAMFS_PATH_MAX. */
	for (size_t i = 0; i < sizeof(path) - 1; i++)
		path[i] = i % 2 ? 'p' : '/';
	path[RAMFS_PATH_MAX] = '\0';
	CHECK_EQ(ramfs_lookup(fs, path, &n), -ENAMETOOLONG);
	path[RAMFS_PATH_MAX - 1] = '\0';
	CHECK_EQ(ramfs_lookup(fs, path, &n), -ENOENT);
	ramfs_free(fs);
}

static void test_create(void)
{
	struct ramfs *fs = fresh();
	struct ramfs_node *n;

	CHECK_EQ(ramfs_create(fs, "/f", RAMFS_FILE, 0640 | 0170000, &n), 0);
	CHECK_EQ(info_of(n).mode, 0640);
	CHECK_EQ(info_of(n).nlink, 1);
	CHECK_EQ(info_of(n).type, RAMFS_FILE);
	CHECK_EQ(ramfs_create(fs, "/f", RAMFS_FILE, 0640, &n), -EEXIST);
	CHECK_EQ(ramfs_create(fs, "/", RAMFS_FILE, 0640, &n), -EEXIST);
	CHECK_EQ(ramfs_create(fs, "/.", RAMFS_DIR, 0640, &n), -EEXIST);
	CHECK_EQ(ramfs_mkdir(fs, "/..", 0755), -EEXIST);
	CHECK_EQ(ramfs_mkdir(fs, "/f", 0755), -EEXIST);
	CHECK_EQ(ramfs_create(fs, "/new/", RAMFS_FILE, 0640, &n), -EISDIR);
	CHECK_EQ(ramfs_create(fs, "/no/f", RAMFS_FILE, 0640, &n), -ENOENT);
	CHECK_EQ(ramfs_create(fs, "/f/g", RAMFS_FILE, 0640, &n), -ENOTDIR);
	CHECK_EQ(ramfs_create(fs, "/x", (enum ramfs_type)7, 0640, &n), -EINVAL);
	CHECK_EQ(ramfs_mkdir(fs, "/d/", 0755), 0);
	CHECK_EQ(ramfs_create(fs, "/dev", RAMFS_CONSOLE, 0620, &n), 0);
	CHECK_EQ(info_of(n).type, RAMFS_CONSOLE);
	CHECK_EQ(ramfs_create(fs, "/f2", RAMFS_FILE, 0640, NULL), 0);
	/* Every node its own inode number. */
	CHECK(info_of(at(fs, "/f")).ino != info_of(at(fs, "/f2")).ino);
	CHECK(info_of(at(fs, "/d")).ino != info_of(at(fs, "/")).ino);
	ramfs_free(fs);
}

static void test_read_write(void)
{
	struct ramfs *fs = fresh();
	struct ramfs_node *n;
	char buf[32];

	CHECK_EQ(ramfs_create(fs, "/f", RAMFS_FILE, 0644, &n), 0);
	clock_now = 2000;
	CHECK_EQ(ramfs_write(fs, n, "hello", 5, 0), 5);
	CHECK_EQ(info_of(n).size, 5);
	CHECK_EQ(info_of(n).mtime, 2000);
	CHECK_EQ(ramfs_write(fs, n, "J", 1, 0), 1);
	CHECK_EQ(ramfs_read(n, buf, sizeof(buf), 0), 5);
	CHECK(memcmp(buf, "Jello", 5) == 0);
	CHECK_EQ(ramfs_read(n, buf, 2, 3), 2);
	CHECK(memcmp(buf, "lo", 2) == 0);
	CHECK_EQ(ramfs_read(n, buf, 10, 4), 1);
	CHECK_EQ(ramfs_read(n, buf, 10, 5), 0);
	CHECK_EQ(ramfs_read(n, buf, 10, 500), 0);

	/* Writing past the end leaves a hole of zeros. */
	CHECK_EQ(ramfs_write(fs, n, "end", 3, 10), 3);
	CHECK_EQ(info_of(n).size, 13);
	CHECK_EQ(ramfs_read(n, buf, sizeof(buf), 0), 13);
	CHECK(memcmp(buf, "Jello\0\0\0\0\0end", 13) == 0);
	/* An empty write changes nothing, even far away. */
	CHECK_EQ(ramfs_write(fs, n, "", 0, 100), 0);
	CHECK_EQ(info_of(n).size, 13);

	CHECK_EQ(ramfs_write(fs, n, "x", 1, RAMFS_FILE_MAX), -EFBIG);
	CHECK_EQ(ramfs_write(fs, n, "x", 1, (size_t)-1), -EFBIG);
	CHECK_EQ(ramfs_write(fs, at(fs, "/"), "x", 1, 0), -EISDIR);
	CHECK_EQ(ramfs_read(at(fs, "/"), buf, 1, 0), -EISDIR);
	CHECK_EQ(ramfs_create(fs, "/c", RAMFS_CONSOLE, 0620, &n), 0);
	CHECK_EQ(ramfs_write(fs, n, "x", 1, 0), -EINVAL);
	CHECK_EQ(ramfs_read(n, buf, 1, 0), -EINVAL);
	ramfs_free(fs);
}

/* Many small appends: growth keeps every byte. */
static void test_growth(void)
{
	struct ramfs *fs = fresh();
	struct ramfs_node *n;
	static unsigned char buf[20000];

	CHECK_EQ(ramfs_create(fs, "/big", RAMFS_FILE, 0644, &n), 0);
	for (size_t i = 0; i < sizeof(buf); i++) {
		unsigned char c = (unsigned char)(i * 7);

		CHECK_EQ(ramfs_write(fs, n, &c, 1, i), 1);
	}
	CHECK_EQ(info_of(n).size, sizeof(buf));
	CHECK_EQ(ramfs_read(n, buf, sizeof(buf), 0), sizeof(buf));
	for (size_t i = 0; i < sizeof(buf); i++)
		if (buf[i] != (unsigned char)(i * 7)) {
			CHECK_EQ(buf[i], (unsigned char)(i * 7));
			break;
		}
	ramfs_free(fs);
}

static void test_truncate(void)
{
	struct ramfs *fs = fresh();
	struct ramfs_node *n;
	char buf[16];

	CHECK_EQ(ramfs_create(fs, "/f", RAMFS_FILE, 0644, &n), 0);
	CHECK_EQ(ramfs_write(fs, n, "abcdefgh", 8, 0), 8);
	CHECK_EQ(ramfs_truncate(fs, n, 3), 0);
	CHECK_EQ(info_of(n).size, 3);
	/* Growing again must not bring back the old bytes. */
	CHECK_EQ(ramfs_truncate(fs, n, 6), 0);
	CHECK_EQ(ramfs_read(n, buf, sizeof(buf), 0), 6);
	CHECK(memcmp(buf, "abc\0\0\0", 6) == 0);
	CHECK_EQ(ramfs_truncate(fs, n, 0), 0);
	CHECK_EQ(ramfs_read(n, buf, sizeof(buf), 0), 0);
	CHECK_EQ(ramfs_write(fs, n, "z", 1, 2), 1);
	CHECK_EQ(ramfs_read(n, buf, sizeof(buf), 0), 3);
	CHECK(memcmp(buf, "\0\0z", 3) == 0);
	CHECK_EQ(ramfs_truncate(fs, n, (size_t)RAMFS_FILE_MAX + 1), -EFBIG);
	CHECK_EQ(ramfs_truncate(fs, at(fs, "/"), 0), -EISDIR);
	ramfs_free(fs);
}

static void test_unlink(void)
{
	struct ramfs *fs = fresh();
	struct ramfs_node *n;
	char buf[8];

	CHECK_EQ(make_file(fs, "/f", "data"), 0);
	CHECK_EQ(ramfs_mkdir(fs, "/d", 0755), 0);
	CHECK_EQ(ramfs_unlink(fs, "/d"), -EISDIR);
	CHECK_EQ(ramfs_unlink(fs, "/"), -EISDIR);
	CHECK_EQ(ramfs_unlink(fs, "/d/.."), -EISDIR);
	CHECK_EQ(ramfs_unlink(fs, "/f/"), -ENOTDIR);
	CHECK_EQ(ramfs_unlink(fs, "/g"), -ENOENT);
	CHECK_EQ(ramfs_unlink(fs, "/d/g"), -ENOENT);

	/* A held file outlives its name, as an open file does. */
	n = at(fs, "/f");
	ramfs_hold(n);
	clock_now = 3000;
	CHECK_EQ(ramfs_unlink(fs, "/f"), 0);
	CHECK(at(fs, "/f") == NULL);
	CHECK_EQ(info_of(at(fs, "/")).mtime, 3000);
	CHECK_EQ(info_of(n).nlink, 0);
	CHECK_EQ(ramfs_read(n, buf, sizeof(buf), 0), 4);
	CHECK(memcmp(buf, "data", 4) == 0);
	CHECK_EQ(ramfs_write(fs, n, "more", 4, 4), 4);
	CHECK_EQ(make_file(fs, "/f", "new"), 0);
	CHECK_STR(content(fs, "/f"), "new");
	ramfs_release(n);       /* frees it: LeakSanitizer would tell */
	ramfs_free(fs);
}

static void test_mkdir_rmdir(void)
{
	struct ramfs *fs = fresh();
	struct ramfs_node *d;

	CHECK_EQ(ramfs_mkdir(fs, "/a", 0750), 0);
	CHECK_EQ(ramfs_mkdir(fs, "/a/b", 0755), 0);
	CHECK_EQ(ramfs_mkdir(fs, "/a/c", 0755), 0);
	CHECK_EQ(info_of(at(fs, "/")).nlink, 3);
	CHECK_EQ(info_of(at(fs, "/a")).nlink, 4);
	CHECK_EQ(info_of(at(fs, "/a")).mode, 0750);
	CHECK_EQ(info_of(at(fs, "/a/b")).nlink, 2);
	CHECK_EQ(make_file(fs, "/a/b/f", ""), 0);

	CHECK_EQ(ramfs_rmdir(fs, "/a"), -ENOTEMPTY);
	CHECK_EQ(ramfs_rmdir(fs, "/a/b"), -ENOTEMPTY);
	CHECK_EQ(ramfs_rmdir(fs, "/a/b/f"), -ENOTDIR);
	CHECK_EQ(ramfs_rmdir(fs, "/"), -EBUSY);
	CHECK_EQ(ramfs_rmdir(fs, "/a/c/."), -EINVAL);
	CHECK_EQ(ramfs_rmdir(fs, "/a/c/.."), -ENOTEMPTY);
	CHECK_EQ(ramfs_rmdir(fs, "/a/x"), -ENOENT);
	CHECK_EQ(ramfs_rmdir(fs, "/a/c/"), 0);
	CHECK_EQ(info_of(at(fs, "/a")).nlink, 3);

	/* A removed directory that is still held lists nothing. */
	d = at(fs, "/a/b");
	ramfs_hold(d);
	CHECK_EQ(ramfs_unlink(fs, "/a/b/f"), 0);
	CHECK_EQ(ramfs_rmdir(fs, "/a/b"), 0);
	CHECK_EQ(info_of(d).nlink, 0);
	struct ramfs_dirent e;
	CHECK_EQ(ramfs_readdir(d, 0, &e), 0);
	CHECK_EQ(info_of(at(fs, "/a")).nlink, 2);
	ramfs_release(d);
	CHECK_EQ(ramfs_rmdir(fs, "/a"), 0);
	CHECK_EQ(info_of(at(fs, "/")).nlink, 2);
	ramfs_free(fs);
}

static void test_link(void)
{
	struct ramfs *fs = fresh();
	struct ramfs_node *n;

	CHECK_EQ(make_file(fs, "/f", "one"), 0);
	CHECK_EQ(ramfs_mkdir(fs, "/d", 0755), 0);
	CHECK_EQ(ramfs_link(fs, "/f", "/d/g"), 0);
	n = at(fs, "/f");
	CHECK(at(fs, "/d/g") == n);
	CHECK_EQ(info_of(n).nlink, 2);
	CHECK_EQ(ramfs_write(fs, n, "two", 3, 0), 3);
	CHECK_STR(content(fs, "/d/g"), "two");

	CHECK_EQ(ramfs_link(fs, "/d", "/e"), -EPERM);
	CHECK_EQ(ramfs_link(fs, "/f", "/d/g"), -EEXIST);
	CHECK_EQ(ramfs_link(fs, "/f", "/d"), -EEXIST);
	CHECK_EQ(ramfs_link(fs, "/f", "/"), -EEXIST);
	CHECK_EQ(ramfs_link(fs, "/f", "/d/.."), -EEXIST);
	CHECK_EQ(ramfs_link(fs, "/f", "/h/"), -ENOTDIR);
	CHECK_EQ(ramfs_link(fs, "/nope", "/h"), -ENOENT);
	CHECK_EQ(ramfs_link(fs, "/f", "/nope/h"), -ENOENT);

	CHECK_EQ(ramfs_unlink(fs, "/f"), 0);
	CHECK_EQ(info_of(n).nlink, 1);
	CHECK_STR(content(fs, "/d/g"), "two");
	/* Freeing the tree with a file named twice frees it once. */
	CHECK_EQ(ramfs_link(fs, "/d/g", "/again"), 0);
	ramfs_free(fs);
}

static void test_readdir(void)
{
	struct ramfs *fs = fresh();
	struct ramfs_dirent e;
	struct ramfs_node *d;

	CHECK_EQ(ramfs_mkdir(fs, "/d", 0755), 0);
	CHECK_EQ(make_file(fs, "/d/one", ""), 0);
	CHECK_EQ(ramfs_mkdir(fs, "/d/two", 0755), 0);
	CHECK_EQ(make_file(fs, "/d/three", ""), 0);
	CHECK_EQ(ramfs_unlink(fs, "/d/one"), 0);
	CHECK_EQ(make_file(fs, "/d/four", ""), 0);
	d = at(fs, "/d");

	CHECK_EQ(ramfs_readdir(d, 0, &e), 1);
	CHECK_STR(e.name, ".");
	CHECK_EQ(e.ino, info_of(d).ino);
	CHECK_EQ(e.type, RAMFS_DIR);
	CHECK_EQ(ramfs_readdir(d, 1, &e), 1);
	CHECK_STR(e.name, "..");
	CHECK_EQ(e.ino, info_of(at(fs, "/")).ino);
	CHECK_EQ(ramfs_readdir(d, 2, &e), 1);
	CHECK_STR(e.name, "two");
	CHECK_EQ(e.type, RAMFS_DIR);
	CHECK_EQ(e.ino, info_of(at(fs, "/d/two")).ino);
	CHECK_EQ(ramfs_readdir(d, 3, &e), 1);
	CHECK_STR(e.name, "three");
	CHECK_EQ(e.type, RAMFS_FILE);
	CHECK_EQ(ramfs_readdir(d, 4, &e), 1);
	CHECK_STR(e.name, "four");
	CHECK_EQ(ramfs_readdir(d, 5, &e), 0);
	CHECK_EQ(ramfs_readdir(d, (size_t)-1, &e), 0);
	CHECK_EQ(ramfs_readdir(at(fs, "/d/four"), 0, &e), -ENOTDIR);
	/* The root's ".." is the root. */
	CHECK_EQ(ramfs_readdir(at(fs, "/"), 1, &e), 1);
	CHECK_EQ(e.ino, info_of(at(fs, "/")).ino);
	ramfs_free(fs);
}

UNIT_MAIN(
	UNIT(test_root),
	UNIT(test_path_forms),
	UNIT(test_name_limits),
	UNIT(test_create),
	UNIT(test_read_write),
	UNIT(test_growth),
	UNIT(test_truncate),
	UNIT(test_unlink),
	UNIT(test_mkdir_rmdir),
	UNIT(test_link),
	UNIT(test_readdir),
)
