/* ext2 through libext2fs on a RAM disk (miniguest/ext2fs/blkdev.h): the
 * image boot/mkdisk made is /disk.img in the archive. The guest reads a
 * file the host put there, creates, renames and deletes files and
 * directories, closes the filesystem and dumps the image's non-zero
 * blocks on the console ("ext2dump BLOCK HEX" lines between "ext2dump
 * begin SIZE" and "ext2dump end") for the host to check with e2fsck and
 * debugfs (test/miniguest/ext2/check). Corrupted and truncated copies of
 * the image must give errors. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ext2fs/ext2fs.h>

#include "../check.h"
#include "dump.h"
#include "blkdev.h"
#include "ext2.h"

int check_failures, check_count;

static char *load(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long n;

	if (!f || fseek(f, 0, SEEK_END) || (n = ftell(f)) <= 0 || fseek(f, 0, SEEK_SET) ||
	    !(buf = malloc(n)) || fread(buf, 1, n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	if (f)
		fclose(f);
	*len = buf ? (size_t)n : 0;
	return buf;
}

/* Mounts a copy of the image, its first keep bytes only, with two bytes at
 * magic_at (when not 0) overwritten; it must fail. */
static void garbage(const char *what, const char *img, size_t len, size_t keep,
		    size_t magic_at)
{
	char *copy = malloc(len);
	struct blkdev dev;
	ext2_filsys fs = NULL;
	errcode_t rc;

	memcpy(copy, img, len);
	if (magic_at)
		memset(copy + magic_at, 0xA5, 2);
	blkdev_ram(&dev, copy, keep);
	blkdev_register("bad", &dev);
	rc = -ext2_mount("bad", EXT2_FLAG_RW, &fs);
	CHECK(rc != 0, "%s: refused (%s)", what, rc ? error_message(rc) : "mounted!");
	if (fs)
		ext2fs_close_free(&fs);
	blkdev_unregister("bad");
	free(copy);
}

int main(void)
{
	size_t len;
	char *img = load("/disk.img", &len);
	struct blkdev dev;
	ext2_filsys fs;
	errcode_t rc;
	char buf[128];

	CHECK(img != NULL, "/disk.img loaded (%zu bytes)", len);
	if (!img)
		return check_finish();
	initialize_ext2_error_table();

	garbage("a corrupted superblock magic", img, len, len, 1024 + 56);
	garbage("an image truncated to 8 KiB", img, len, 8192, 0);
	garbage("an image one sector short", img, len, len - 512, 0);
	garbage("an image truncated to 1 KiB", img, len, 1024, 0);

	blkdev_ram(&dev, img, len);
	CHECK(blkdev_register("ram0", &dev) == 0, "ram0 registered");
	rc = -ext2_mount("ram0", EXT2_FLAG_RW, &fs);
	CHECK(rc == 0, "mounted: %s", rc ? error_message(rc) : "ok");
	if (rc)
		return check_finish();

	long n = ext2_read(fs, "/hello.txt", buf, sizeof(buf) - 1);
	buf[n > 0 ? n : 0] = 0;
	CHECK(n > 0 && strcmp(buf, "This file was put on the disk by boot/mkdisk.\n") == 0,
	      "/hello.txt from the host: %ld bytes '%.46s'", n, buf);
	CHECK(ext2_read(fs, "/missing.txt", buf, sizeof(buf)) < 0, "/missing.txt is absent");

	static const char note[] = "Written by the guest through libext2fs.\n";
	CHECK(ext2_mkdir(fs, "/made") == 0, "mkdir /made");
	CHECK(ext2_write(fs, "/made/note.txt", note, sizeof(note) - 1) == 0,
	      "wrote /made/note.txt");
	n = ext2_read(fs, "/made/note.txt", buf, sizeof(buf) - 1);
	buf[n > 0 ? n : 0] = 0;
	CHECK(n == (long)sizeof(note) - 1 && strcmp(buf, note) == 0, "read it back");
	CHECK(ext2_mkdir(fs, "/made") != 0, "mkdir /made again fails");
	CHECK(ext2_rename(fs, "/docs/readme.txt", "/made/readme.txt") == 0,
	      "renamed /docs/readme.txt to /made/readme.txt");
	CHECK(ext2_read(fs, "/docs/readme.txt", buf, sizeof(buf)) < 0, "the old name is gone");
	CHECK(ext2_remove(fs, "/doomed.txt") == 0, "deleted /doomed.txt");
	CHECK(ext2_remove(fs, "/docs") == 0, "removed the empty directory /docs");
	CHECK(ext2_mkdir(fs, "/kept") == 0, "mkdir /kept");
	CHECK(ext2_mkdir(fs, "/made/sub") == 0 &&
	      ext2_write(fs, "/made/sub/deep.txt", note, sizeof(note) - 1) == 0,
	      "made /made/sub/deep.txt");
	CHECK(ext2_rename(fs, "/made/sub", "/kept/sub") == 0,
	      "moved the directory /made/sub to /kept/sub");
	CHECK(ext2_rename(fs, "/kept", "/kept/sub/kept") != 0,
	      "moving /kept below itself is refused");
	CHECK(ext2_write(fs, "/made/note.txt", note, 1) != 0, "a name that is taken is refused");
	n = ext2_read(fs, "/kept/sub/deep.txt", buf, sizeof(buf) - 1);
	CHECK(n == (long)sizeof(note) - 1, "/kept/sub/deep.txt reads back");

	rc = ext2fs_close_free(&fs);
	CHECK(rc == 0, "ext2fs_close: %s", rc ? error_message(rc) : "ok");
	ext2_dump((unsigned char *)img, len);
	return check_finish();
}
