/* Symbolic links in the tree: following them in every component, the
 * loop limit, reading them, the calls on names acting on a link itself,
 * and realpath. */
#include <string.h>

#include "ramfs_test.h"

/* A tree with /d/f ("data"), /d/rel -> f, /abs -> /d, /dangling -> nowhere. */
static struct ramfs *sample(void)
{
	struct ramfs *fs = fresh();

	CHECK_EQ(ramfs_mkdir(fs, "/d", 0755), 0);
	CHECK_EQ(make_file(fs, "/d/f", "data"), 0);
	CHECK_EQ(ramfs_symlink(fs, "f", "/d/rel"), 0);
	CHECK_EQ(ramfs_symlink(fs, "/d", "/abs"), 0);
	CHECK_EQ(ramfs_symlink(fs, "nowhere", "/dangling"), 0);
	return fs;
}

static void test_following(void)
{
	struct ramfs *fs = sample();
	struct ramfs_node *n;

	CHECK(at(fs, "/d/rel") == at(fs, "/d/f"));
	CHECK(at(fs, "/abs/rel") == at(fs, "/d/f"));
	CHECK(at(fs, "/abs") == at(fs, "/d"));
	CHECK(at(fs, "/abs/../abs/./f") == at(fs, "/d/f"));
	CHECK_STR(content(fs, "abs/rel"), "data");
	CHECK(ramfs_lookup_link(fs, "/abs", &n) == 0 && ramfs_type(n) == RAMFS_LINK);
	CHECK(ramfs_lookup_link(fs, "/abs/", &n) == 0 && n == at(fs, "/d"));
	CHECK_EQ(ramfs_lookup(fs, "/d/rel/", &n), -ENOTDIR);
	CHECK_EQ(ramfs_lookup(fs, "/d/rel/x", &n), -ENOTDIR);
	CHECK_EQ(ramfs_lookup(fs, "/dangling", &n), -ENOENT);
	CHECK_EQ(ramfs_lookup_link(fs, "/dangling", &n), 0);
	CHECK_EQ(info_of(n).size, 7);
	CHECK_EQ(ramfs_chdir(fs, "/abs"), 0);
	CHECK(at(fs, "rel") == at(fs, "/d/f"));
	ramfs_free(fs);
}

static void test_loops(void)
{
	struct ramfs *fs = fresh();
	struct ramfs_node *n;
	char name[16], target[16];

	CHECK_EQ(ramfs_symlink(fs, "self", "/self"), 0);
	CHECK_EQ(ramfs_lookup(fs, "/self", &n), -ELOOP);
	CHECK_EQ(ramfs_lookup(fs, "/self/x", &n), -ELOOP);
	CHECK_EQ(ramfs_create(fs, "/self/x", RAMFS_FILE, 0644, NULL), -ELOOP);
	/* /c0 -> c1 -> ... -> c40 -> f: 41 links from c0, 40 from c1. */
	CHECK_EQ(make_file(fs, "/f", "end"), 0);
	for (int i = 0; i <= RAMFS_SYMLOOP_MAX; i++) {
		snprintf(name, sizeof(name), "/c%d", i);
		snprintf(target, sizeof(target), i == RAMFS_SYMLOOP_MAX ? "f" : "c%d", i + 1);
		CHECK_EQ(ramfs_symlink(fs, target, name), 0);
	}
	CHECK(at(fs, "/c1") == at(fs, "/f"));
	CHECK_EQ(ramfs_lookup(fs, "/c0", &n), -ELOOP);
	/* The count is for the whole path, not per component. */
	CHECK_EQ(ramfs_mkdir(fs, "/dir", 0755), 0);
	CHECK_EQ(ramfs_symlink(fs, "/dir", "/dl"), 0);
	CHECK_EQ(ramfs_lookup(fs, "/dl/../c2", &n), 0);
	CHECK_EQ(ramfs_lookup(fs, "/dl/../dl/../c2", &n), -ELOOP);
	ramfs_free(fs);
}

static void test_making_and_reading(void)
{
	struct ramfs *fs = sample();
	struct ramfs_node *n;
	char buf[8], long_target[RAMFS_PATH_MAX + 1];

	CHECK_EQ(ramfs_symlink(fs, "x", "/d/rel"), -EEXIST);
	CHECK_EQ(ramfs_symlink(fs, "x", "/dangling"), -EEXIST);
	CHECK_EQ(ramfs_symlink(fs, "x", "/"), -EEXIST);
	CHECK_EQ(ramfs_symlink(fs, "x", "/d/."), -EEXIST);
	CHECK_EQ(ramfs_symlink(fs, "", "/empty"), -ENOENT);
	CHECK_EQ(ramfs_symlink(fs, "x", "/new/"), -ENOENT);
	CHECK_EQ(ramfs_symlink(fs, "x", "/missing/l"), -ENOENT);
	memset(long_target, 'a', sizeof(long_target) - 1);
	long_target[sizeof(long_target) - 1] = '\0';
	CHECK_EQ(ramfs_symlink(fs, long_target, "/long"), -ENAMETOOLONG);
	long_target[RAMFS_PATH_MAX - 1] = '\0';
	CHECK_EQ(ramfs_symlink(fs, long_target, "/long"), 0);
	CHECK_EQ(ramfs_mkdir(fs, "/dangling", 0755), -EEXIST);
	CHECK_EQ(ramfs_create(fs, "/d/rel", RAMFS_FILE, 0644, NULL), -EEXIST);

	CHECK(ramfs_lookup_link(fs, "/dangling", &n) == 0);
	memset(buf, '#', sizeof(buf));
	CHECK_EQ(ramfs_readlink(n, buf, 3), 3);
	CHECK(memcmp(buf, "now#", 4) == 0);
	CHECK_EQ(ramfs_readlink(n, buf, sizeof(buf)), 7);
	CHECK(memcmp(buf, "nowhere#", 8) == 0);
	CHECK_EQ(ramfs_readlink(at(fs, "/d/f"), buf, sizeof(buf)), -EINVAL);
	CHECK_EQ(ramfs_read(n, buf, sizeof(buf), 0), -EINVAL);
	ramfs_free(fs);
}

static void test_names(void)
{
	struct ramfs *fs = sample();
	struct ramfs_node *n, *link;

	CHECK(ramfs_lookup_link(fs, "/abs", &link) == 0);
	CHECK_EQ(ramfs_rmdir(fs, "/abs"), -ENOTDIR);
	CHECK_EQ(ramfs_rename(fs, "/abs", "/moved"), 0);
	CHECK(ramfs_lookup_link(fs, "/moved", &n) == 0 && n == link);
	CHECK(at(fs, "/moved/f") == at(fs, "/d/f"));
	CHECK_EQ(ramfs_link(fs, "/moved", "/hard"), 0);
	CHECK(ramfs_lookup_link(fs, "/hard", &n) == 0 && n == link);
	CHECK_EQ(info_of(link).nlink, 2);
	CHECK_EQ(ramfs_unlink(fs, "/moved"), 0);
	CHECK_EQ(ramfs_unlink(fs, "/hard"), 0);
	CHECK(at(fs, "/d") != NULL);
	CHECK_EQ(ramfs_unlink(fs, "/d/rel"), 0);
	CHECK_STR(content(fs, "/d/f"), "data");
	ramfs_free(fs);
}

static void test_realpath(void)
{
	struct ramfs *fs = sample();
	char buf[16];

	CHECK_EQ(ramfs_realpath(fs, "/abs/rel", buf, sizeof(buf)), 0);
	CHECK_STR(buf, "/d/f");
	CHECK_EQ(ramfs_realpath(fs, "/abs/", buf, sizeof(buf)), 0);
	CHECK_STR(buf, "/d");
	CHECK_EQ(ramfs_symlink(fs, "d/f", "/top"), 0);
	CHECK_EQ(ramfs_chdir(fs, "/d"), 0);
	CHECK_EQ(ramfs_realpath(fs, "../top", buf, sizeof(buf)), 0);
	CHECK_STR(buf, "/d/f");
	CHECK_EQ(ramfs_realpath(fs, "/", buf, sizeof(buf)), 0);
	CHECK_STR(buf, "/");
	CHECK_EQ(ramfs_realpath(fs, "/dangling", buf, sizeof(buf)), -ENOENT);
	CHECK_EQ(ramfs_realpath(fs, "/abs/rel", buf, 5), 0);
	CHECK_EQ(ramfs_realpath(fs, "/abs/rel", buf, 4), -ERANGE);
	CHECK_EQ(make_file(fs, "/f", "top"), 0);
	CHECK_EQ(ramfs_realpath(fs, "/f", buf, sizeof(buf)), 0);
	CHECK_STR(buf, "/f");
	ramfs_free(fs);
}

UNIT_MAIN(
	UNIT(test_following),
	UNIT(test_making_and_reading),
	UNIT(test_loops),
	UNIT(test_names),
	UNIT(test_realpath),
)
