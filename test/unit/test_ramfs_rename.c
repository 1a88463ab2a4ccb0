/* ramfs_rename: moving files and directories, replacing, and refusing. */
#include "ramfs_test.h"

static void test_files(void)
{
	struct ramfs *fs = fresh();
	struct ramfs_node *n;

	CHECK_EQ(make_file(fs, "/a", "A"), 0);
	CHECK_EQ(ramfs_mkdir(fs, "/d", 0755), 0);
	n = at(fs, "/a");
	clock_now = 1500;
	CHECK_EQ(ramfs_rename(fs, "/a", "/b"), 0);
	CHECK(at(fs, "/a") == NULL);
	CHECK(at(fs, "/b") == n);
	CHECK_EQ(info_of(n).nlink, 1);
	CHECK_EQ(info_of(at(fs, "/")).mtime, 1500);
	CHECK_EQ(ramfs_rename(fs, "/b", "/d/c"), 0);
	CHECK_STR(content(fs, "/d/c"), "A");
	CHECK(at(fs, "/b") == NULL);
	CHECK_EQ(info_of(at(fs, "/d")).nlink, 2);
	ramfs_free(fs);
}

static void test_replace_file(void)
{
	struct ramfs *fs = fresh();
	struct ramfs_node *old;
	char buf[8];

	CHECK_EQ(make_file(fs, "/src", "new"), 0);
	CHECK_EQ(make_file(fs, "/dst", "old"), 0);
	old = at(fs, "/dst");
	/* An open file that gets replaced keeps its data for its holder. */
	ramfs_hold(old);
	CHECK_EQ(ramfs_rename(fs, "/src", "/dst"), 0);
	CHECK_STR(content(fs, "/dst"), "new");
	CHECK(at(fs, "/src") == NULL);
	CHECK_EQ(info_of(old).nlink, 0);
	CHECK_EQ(ramfs_read(old, buf, sizeof(buf), 0), 3);
	CHECK(memcmp(buf, "old", 3) == 0);
	ramfs_release(old);

	/* The replaced slot keeps its place in the listing. */
	struct ramfs_dirent e;
	CHECK_EQ(ramfs_readdir(at(fs, "/"), 2, &e), 1);
	CHECK_STR(e.name, "dst");
	CHECK_EQ(ramfs_readdir(at(fs, "/"), 3, &e), 0);
	ramfs_free(fs);
}

static void test_same_file(void)
{
	struct ramfs *fs = fresh();

	CHECK_EQ(make_file(fs, "/f", "x"), 0);
	CHECK_EQ(ramfs_rename(fs, "/f", "/f"), 0);
	CHECK_EQ(ramfs_rename(fs, "/f", "//./f"), 0);
	CHECK_STR(content(fs, "/f"), "x");
	/* Two names of one file: nothing happens, both stay. */
	CHECK_EQ(ramfs_link(fs, "/f", "/g"), 0);
	CHECK_EQ(ramfs_rename(fs, "/f", "/g"), 0);
	CHECK(at(fs, "/f") != NULL);
	CHECK(at(fs, "/f") == at(fs, "/g"));
	CHECK_EQ(info_of(at(fs, "/f")).nlink, 2);
	ramfs_free(fs);
}

static void test_directories(void)
{
	struct ramfs *fs = fresh();
	struct ramfs_node *d;

	CHECK_EQ(ramfs_mkdir(fs, "/a", 0755), 0);
	CHECK_EQ(ramfs_mkdir(fs, "/a/sub", 0755), 0);
	CHECK_EQ(make_file(fs, "/a/sub/f", "deep"), 0);
	CHECK_EQ(ramfs_mkdir(fs, "/b", 0755), 0);
	d = at(fs, "/a/sub");
	CHECK_EQ(info_of(at(fs, "/a")).nlink, 3);

	CHECK_EQ(ramfs_rename(fs, "/a/sub", "/b/moved"), 0);
	CHECK(at(fs, "/b/moved") == d);
	CHECK_STR(content(fs, "/b/moved/f"), "deep");
	CHECK(at(fs, "/b/moved/..") == at(fs, "/b"));
	CHECK_EQ(info_of(at(fs, "/a")).nlink, 2);
	CHECK_EQ(info_of(at(fs, "/b")).nlink, 3);
	CHECK_EQ(info_of(d).nlink, 2);

	/* Within one directory the counts do not move. */
	CHECK_EQ(ramfs_rename(fs, "/b/moved", "/b/again/"), 0);
	CHECK_EQ(info_of(at(fs, "/b")).nlink, 3);
	CHECK_EQ(info_of(d).nlink, 2);
	CHECK_EQ(info_of(at(fs, "/")).nlink, 4);
	ramfs_free(fs);
}

static void test_replace_directory(void)
{
	struct ramfs *fs = fresh();

	CHECK_EQ(ramfs_mkdir(fs, "/src", 0700), 0);
	CHECK_EQ(make_file(fs, "/src/f", "in src"), 0);
	CHECK_EQ(ramfs_mkdir(fs, "/full", 0755), 0);
	CHECK_EQ(make_file(fs, "/full/x", ""), 0);
	CHECK_EQ(ramfs_mkdir(fs, "/empty", 0755), 0);
	CHECK_EQ(make_file(fs, "/file", ""), 0);

	CHECK_EQ(ramfs_rename(fs, "/src", "/full"), -ENOTEMPTY);
	CHECK_EQ(ramfs_rename(fs, "/src", "/file"), -ENOTDIR);
	CHECK_EQ(ramfs_rename(fs, "/file", "/empty"), -EISDIR);
	CHECK_EQ(info_of(at(fs, "/")).nlink, 5);
	CHECK_EQ(ramfs_rename(fs, "/src", "/empty"), 0);
	CHECK_STR(content(fs, "/empty/f"), "in src");
	CHECK_EQ(info_of(at(fs, "/empty")).mode, 0700);
	CHECK(at(fs, "/src") == NULL);
	CHECK_EQ(info_of(at(fs, "/")).nlink, 4);
	ramfs_free(fs);
}

static void test_into_itself(void)
{
	struct ramfs *fs = fresh();

	CHECK_EQ(ramfs_mkdir(fs, "/a", 0755), 0);
	CHECK_EQ(ramfs_mkdir(fs, "/a/b", 0755), 0);
	CHECK_EQ(ramfs_rename(fs, "/a", "/a/x"), -EINVAL);
	CHECK_EQ(ramfs_rename(fs, "/a", "/a/b/c"), -EINVAL);
	CHECK_EQ(ramfs_rename(fs, "/a/b", "/a/b/c"), -EINVAL);
	/* Onto its own parent: a non-empty directory. */
	CHECK_EQ(ramfs_rename(fs, "/a/b", "/a"), -ENOTEMPTY);
	CHECK(at(fs, "/a/b") != NULL);
	ramfs_free(fs);
}

static void test_refusals(void)
{
	struct ramfs *fs = fresh();

	CHECK_EQ(ramfs_mkdir(fs, "/d", 0755), 0);
	CHECK_EQ(make_file(fs, "/f", ""), 0);
	CHECK_EQ(ramfs_rename(fs, "/nope", "/x"), -ENOENT);
	CHECK_EQ(ramfs_rename(fs, "/f", "/nope/x"), -ENOENT);
	CHECK_EQ(ramfs_rename(fs, "/f", "/f/x"), -ENOTDIR);
	CHECK_EQ(ramfs_rename(fs, "/", "/x"), -EBUSY);
	CHECK_EQ(ramfs_rename(fs, "/d", "/"), -EBUSY);
	CHECK_EQ(ramfs_rename(fs, "/d/.", "/x"), -EINVAL);
	CHECK_EQ(ramfs_rename(fs, "/d/..", "/x"), -EINVAL);
	CHECK_EQ(ramfs_rename(fs, "/f", "/d/."), -EINVAL);
	CHECK_EQ(ramfs_rename(fs, "/f/", "/g"), -ENOTDIR);
	CHECK_EQ(ramfs_rename(fs, "/f", "/g/"), -ENOTDIR);
	CHECK_EQ(ramfs_rename(fs, NULL, "/g"), -EFAULT);
	CHECK_EQ(ramfs_rename(fs, "", "/g"), -ENOENT);
	/* Nothing moved. */
	CHECK(at(fs, "/f") != NULL);
	CHECK(at(fs, "/d") != NULL);
	CHECK(at(fs, "/x") == NULL);
	CHECK(at(fs, "/g") == NULL);
	ramfs_free(fs);
}

UNIT_MAIN(
	UNIT(test_files),
	UNIT(test_replace_file),
	UNIT(test_same_file),
	UNIT(test_directories),
	UNIT(test_replace_directory),
	UNIT(test_into_itself),
	UNIT(test_refusals),
)
