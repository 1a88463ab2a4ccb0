/* What chmod and utime change on a node. */
#include "ramfs_internal.h"

void ramfs_set_mode(struct ramfs_node *n, unsigned mode)
{
	n->mode = mode & 07777;
}

void ramfs_set_times(struct ramfs_node *n, long atime, long mtime)
{
	n->atime = atime;
	n->mtime = mtime;
}
