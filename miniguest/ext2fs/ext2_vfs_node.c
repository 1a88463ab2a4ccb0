/* Open inodes on a mounted ext2 filesystem (ext2_vfs.h). */
#include <errno.h>
#include <stdlib.h>
#include <time.h>

#include "ext2_vfs.h"

struct ext2_node *ext2_node_find(struct ext2_sb *sb, ext2_ino_t ino)
{
	for (struct ext2_node *n = sb->open; n; n = n->next)
		if (n->ino == ino)
			return n;
	return NULL;
}

int ext2_node_get(struct ext2_sb *sb, ext2_ino_t ino, bool dir, struct ext2_node **out)
{
	struct ext2_node *n = ext2_node_find(sb, ino);
	errcode_t rc;

	if (!n) {
		n = calloc(1, sizeof(*n));
		if (!n)
			return -ENOMEM;
		n->sb = sb;
		n->ino = ino;
		rc = dir ? 0 : ext2fs_file_open(sb->fs, ino, sb->rdonly ? 0 : EXT2_FILE_WRITE,
						 &n->file);
		if (rc) {
			free(n);
			return ext2_errno(rc);
		}
		n->next = sb->open;
		sb->open = n;
		sb->refs++;
	}
	n->refs++;
	*out = n;
	return 0;
}

int ext2_inode_free(struct ext2_sb *sb, ext2_ino_t ino, bool dir)
{
	struct ext2_inode inode;
	errcode_t rc = ext2fs_read_inode(sb->fs, ino, &inode);

	if (rc)
		return ext2_errno(rc);
	inode.i_links_count = 0;
	inode.i_dtime = time(NULL);
	rc = ext2fs_punch(sb->fs, ino, &inode, NULL, 0, ~0ULL);
	if (!rc)
		rc = ext2fs_write_inode(sb->fs, ino, &inode);
	if (!rc)
		ext2fs_inode_alloc_stats2(sb->fs, ino, -1, dir);
	return ext2_errno(rc);
}

/* Closes n's libext2fs file (writing its last block and inode). */
static int close_file(struct ext2_node *n)
{
	errcode_t rc = n->file ? ext2fs_file_close(n->file) : 0;

	n->file = NULL;
	return ext2_errno(rc);
}

static void unlink_node(struct ext2_node *n)
{
	struct ext2_node **p = &n->sb->open;

	while (*p != n)
		p = &(*p)->next;
	*p = n->next;
}

void ext2_sb_put(struct ext2_sb *sb)
{
	if (--sb->refs == 0)
		free(sb);
}

int ext2_node_put(struct ext2_node *n)
{
	struct ext2_sb *sb = n->sb;
	int rc = 0, rc2;

	if (--n->refs > 0)
		return 0;
	unlink_node(n);
	if (sb->fs) {
		rc = close_file(n);
		if (n->orphan) {
			rc2 = ext2_inode_free(sb, n->ino, false);
			rc = rc ? rc : rc2;
		}
	}
	free(n);
	ext2_sb_put(sb);
	return rc;
}

int ext2_node_close_all(struct ext2_sb *sb)
{
	int first = 0, rc;

	for (struct ext2_node *n = sb->open; n; n = n->next) {
		rc = close_file(n);
		/* Its descriptors only fail from now on: an orphan can go. */
		if (!rc && n->orphan)
			rc = ext2_inode_free(sb, n->ino, false);
		n->orphan = false;
		if (rc < 0 && !first)
			first = rc;
	}
	return first;
}
