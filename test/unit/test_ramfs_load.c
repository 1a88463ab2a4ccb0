/* ramfs_load_cpio: seeding a tree from an archive, and refusing bad ones. */
#include "cpio_image.h"
#include "ramfs_test.h"

static struct img im;

static void reset(void)
{
	memset(&im, 0, sizeof(im));
}

static int load(struct ramfs *fs, struct ramfs_load_stats *st)
{
	return ramfs_load_cpio(fs, im.b, im.len, st);
}

static void test_tree(void)
{
	struct ramfs *fs = fresh();
	struct ramfs_load_stats st;
	struct ramfs_info i;

	reset();
	put_entry(&im, &(struct ent){ .name = ".", .mode = CPIO_S_IFDIR | 0700, .nlink = 2 });
	put_dir(&im, "etc");
	put_entry(&im, &(struct ent){ .name = "etc/motd", .mode = CPIO_S_IFREG | 0600,
				      .data = "welcome\n", .nlink = 1, .mtime = 1234567 });
	put_entry(&im, &(struct ent){ .name = "bin", .mode = CPIO_S_IFDIR | 0711,
				      .nlink = 2, .mtime = 42 });
	put_file(&im, "bin/empty", "");
	put_entry(&im, &(struct ent){ .name = "link", .mode = CPIO_S_IFLNK | 0777, .data = "etc/motd" });
	put_entry(&im, &(struct ent){ .name = "tty", .mode = 0020000 | 0620 });
	put_entry(&im, &(struct ent){ .name = "fifo", .mode = 0010000 | 0644 });
	put_trailer(&im);

	CHECK_EQ(load(fs, &st), 2);
	CHECK_EQ(st.skipped, 2);
	CHECK_EQ(st.files, 2);
	CHECK_EQ(st.dirs, 3);
	CHECK_EQ(st.links, 0);
	CHECK_EQ(st.symlinks, 1);
	CHECK_STR(content(fs, "/etc/motd"), "welcome\n");
	i = info_of(at(fs, "/etc/motd"));
	CHECK_EQ(i.mode, 0600);
	CHECK_EQ(i.mtime, 1234567);
	CHECK_EQ(i.size, 8);
	CHECK_EQ(info_of(at(fs, "/")).mode, 0700);
	CHECK_EQ(info_of(at(fs, "/bin")).mode, 0711);
	CHECK_EQ(info_of(at(fs, "/bin/empty")).size, 0);
	CHECK(at(fs, "/link") == at(fs, "/etc/motd"));
	CHECK(at(fs, "/tty") == NULL);
	CHECK(at(fs, "/fifo") == NULL);
	CHECK_EQ(info_of(at(fs, "/")).nlink, 4);
	ramfs_free(fs);
}

/* The name forms writers produce, and parents nobody listed. */
static void test_names_and_parents(void)
{
	struct ramfs *fs = fresh();
	struct ramfs_load_stats st;

	reset();
	put_file(&im, "./a", "1");
	put_file(&im, "/b", "2");
	put_file(&im, "deep//er/./c", "3");
	put_file(&im, "x/../y", "4");
	put_trailer(&im);
	CHECK_EQ(load(fs, &st), 0);
	CHECK_STR(content(fs, "/a"), "1");
	CHECK_STR(content(fs, "/b"), "2");
	CHECK_STR(content(fs, "/deep/er/c"), "3");
	CHECK_STR(content(fs, "/y"), "4");
	CHECK(at(fs, "/x") == NULL);
	CHECK_EQ(info_of(at(fs, "/deep")).mode, 0755);
	CHECK_EQ(info_of(at(fs, "/deep")).type, RAMFS_DIR);
	CHECK_EQ(st.dirs, 2);
	CHECK_EQ(st.files, 4);
	ramfs_free(fs);
}

/* A name climbing out of the root stops the load; what came before stays. */
static void test_escapes(void)
{
	static const char *const names[] = { "..", "../evil", "a/../../evil", "./../x",
					     "/..", "a/b/../../../x" };

	for (unsigned i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		struct ramfs *fs = fresh();
		struct ramfs_load_stats st;
		size_t bad;

		reset();
		put_file(&im, "before", "ok");
		bad = im.len;
		put_file(&im, names[i], "evil");
		put_file(&im, "after", "no");
		put_trailer(&im);
		CHECK_EQ(load(fs, &st), -EINVAL);
		CHECK_EQ(st.bad_offset, bad);
		CHECK_STR(content(fs, "/before"), "ok");
		CHECK(at(fs, "/after") == NULL);
		CHECK(at(fs, "/evil") == NULL);
		ramfs_free(fs);
	}
}

static void test_replacing(void)
{
	struct ramfs *fs = fresh();
	struct ramfs_load_stats st;

	/* A name given twice: the later entry wins. */
	reset();
	put_file(&im, "f", "first");
	put_file(&im, "f", "second");
	put_dir(&im, "d");
	put_dir(&im, "d");
	put_trailer(&im);
	CHECK_EQ(load(fs, &st), 0);
	CHECK_STR(content(fs, "/f"), "second");
	CHECK_EQ(info_of(at(fs, "/")).nlink, 3);

	/* Loading on top of an existing tree merges into it. */
	CHECK_EQ(make_file(fs, "/d/kept", "k"), 0);
	reset();
	put_dir(&im, "d");
	put_file(&im, "d/added", "a");
	put_trailer(&im);
	CHECK_EQ(load(fs, &st), 0);
	CHECK_STR(content(fs, "/d/kept"), "k");
	CHECK_STR(content(fs, "/d/added"), "a");
	ramfs_free(fs);
}

static void put_either(const char *name, bool dir)
{
	if (dir)
		put_dir(&im, name);
	else
		put_file(&im, name, "x");
}

/* Entries that clash with what is there: each stops the load at itself. */
static void test_clashes(void)
{
	static const struct {
		const char *first;      /* NULL: none */
		bool first_dir;
		const char *second;
		bool second_dir;
		int err;
	} cases[] = {
		{ "d", true, "d", false, -EISDIR },       /* a file over a directory */
		{ NULL, false, ".", false, -EISDIR },     /* a file over the root */
		{ "f", false, "f", true, -EEXIST },       /* a directory over a file */
		{ "f", false, "f/g", true, -ENOTDIR },    /* anything under a file */
		{ "f", false, "f/g", false, -ENOTDIR },
	};

	for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct ramfs *fs = fresh();
		struct ramfs_load_stats st;
		size_t bad;

		reset();
		if (cases[i].first)
			put_either(cases[i].first, cases[i].first_dir);
		bad = im.len;
		put_either(cases[i].second, cases[i].second_dir);
		put_trailer(&im);
		CHECK_EQ(load(fs, &st), cases[i].err);
		CHECK_EQ(st.bad_offset, bad);
		ramfs_free(fs);
	}
}

/* GNU cpio writes a file with several names once per name, with the data
 * only on the last: they must become one file again. */
static void test_hard_links(void)
{
	struct ramfs *fs = fresh();
	struct ramfs_load_stats st;
	struct ramfs_node *n;

	reset();
	put_entry(&im, &(struct ent){ .name = "one", .mode = CPIO_S_IFREG | 0644,
				      .ino = 7, .nlink = 3 });
	put_dir(&im, "sub");
	put_entry(&im, &(struct ent){ .name = "sub/two", .mode = CPIO_S_IFREG | 0644,
				      .ino = 7, .nlink = 3 });
	put_entry(&im, &(struct ent){ .name = "other", .mode = CPIO_S_IFREG | 0644,
				      .data = "not linked", .ino = 8, .nlink = 1 });
	put_entry(&im, &(struct ent){ .name = "three", .mode = CPIO_S_IFREG | 0640,
				      .data = "shared", .ino = 7, .nlink = 3, .mtime = 99 });
	put_trailer(&im);
	CHECK_EQ(load(fs, &st), 0);
	CHECK_EQ(st.files, 2);
	CHECK_EQ(st.links, 2);
	n = at(fs, "/one");
	CHECK(n != NULL);
	CHECK(at(fs, "/sub/two") == n);
	CHECK(at(fs, "/three") == n);
	CHECK_EQ(info_of(n).nlink, 3);
	CHECK_EQ(info_of(n).mode, 0640);
	CHECK_EQ(info_of(n).mtime, 99);
	CHECK_STR(content(fs, "/one"), "shared");
	CHECK_STR(content(fs, "/other"), "not linked");
	ramfs_free(fs);
}

static void test_archive_errors(void)
{
	struct ramfs *fs = fresh();
	struct ramfs_load_stats st;
	size_t bad;

	reset();
	CHECK_EQ(load(fs, &st), CPIO_ENOTRAILER);
	CHECK_EQ(st.bad_offset, 0);

	put_file(&im, "kept", "k");
	bad = im.len;
	put_file(&im, "broken", "b");
	put_trailer(&im);
	memcpy(field_at(&im, bad, 6), "0000100Z", 8);
	CHECK_EQ(load(fs, &st), CPIO_EFIELD);
	CHECK_EQ(st.bad_offset, bad);
	CHECK_EQ(st.files, 1);
	CHECK_STR(content(fs, "/kept"), "k");
	CHECK(at(fs, "/broken") == NULL);

	/* A name longer than a path may be. */
	char name[RAMFS_PATH_MAX + 8];
	memset(name, 'a', sizeof(name) - 1);
	for (size_t i = 100; i < sizeof(name) - 1; i += 100)
		name[i] = '/';
	name[sizeof(name) - 1] = '\0';
	reset();
	put_file(&im, name, "");
	put_trailer(&im);
	CHECK_EQ(load(fs, &st), -ENAMETOOLONG);
	CHECK_EQ(st.bad_offset, 0);
	ramfs_free(fs);
}

/* Links load as links; a name given again replaces a link or is replaced
 * by one; an empty target or one holding a NUL is refused. */
static void test_symlinks(void)
{
	struct ramfs *fs = fresh();
	struct ramfs_load_stats st;
	struct ramfs_node *n;
	char buf[16];

	reset();
	put_file(&im, "d/file", "data");
	put_entry(&im, &(struct ent){ .name = "d/up", .mode = CPIO_S_IFLNK | 0777, .data = "../d",
				      .mtime = 77 });
	put_entry(&im, &(struct ent){ .name = "was-file", .mode = CPIO_S_IFLNK | 0777,
				      .data = "d/file" });
	put_file(&im, "was-link", "x");
	put_trailer(&im);
	CHECK_EQ(load(fs, &st), 0);
	CHECK_EQ(st.symlinks, 2);
	CHECK(ramfs_lookup_link(fs, "/d/up", &n) == 0 && ramfs_type(n) == RAMFS_LINK);
	CHECK_EQ(ramfs_readlink(n, buf, sizeof(buf)), 4);
	CHECK(memcmp(buf, "../d", 4) == 0);
	CHECK_EQ(info_of(n).mtime, 77);
	CHECK_EQ(info_of(n).size, 4);
	CHECK_STR(content(fs, "/d/up/up/file"), "data");

	/* The same names again, in a second archive. */
	reset();
	put_file(&im, "was-file", "now a file");
	put_entry(&im, &(struct ent){ .name = "was-link", .mode = CPIO_S_IFLNK | 0777,
				      .data = "d" });
	put_trailer(&im);
	CHECK_EQ(load(fs, &st), 0);
	CHECK_STR(content(fs, "/was-file"), "now a file");
	CHECK_STR(content(fs, "/d/file"), "data");
	CHECK(at(fs, "/was-link") == at(fs, "/d"));

	reset();
	put_entry(&im, &(struct ent){ .name = "empty", .mode = CPIO_S_IFLNK | 0777, .data = "" });
	put_trailer(&im);
	CHECK_EQ(load(fs, &st), -EINVAL);
	reset();
	put_entry(&im, &(struct ent){ .name = "nul", .mode = CPIO_S_IFLNK | 0777,
				      .data = "a\0b", .size = 3 });
	put_trailer(&im);
	CHECK_EQ(load(fs, &st), -EINVAL);
	CHECK(ramfs_lookup_link(fs, "/nul", &n) == -ENOENT);
	ramfs_free(fs);
}

UNIT_MAIN(
	UNIT(test_tree),
	UNIT(test_names_and_parents),
	UNIT(test_escapes),
	UNIT(test_replacing),
	UNIT(test_clashes),
	UNIT(test_hard_links),
	UNIT(test_archive_errors),
	UNIT(test_symlinks),
)
