/* The names ext2fs_open finds devices by (blkdev.h). */
#include <errno.h>
#include <string.h>

#include "blkdev.h"

static struct {
	char name[32];
	struct blkdev *dev;
} names[BLKDEV_NAMES];

int blkdev_register(const char *name, struct blkdev *dev)
{
	if (strlen(name) >= sizeof(names[0].name) || blkdev_find(name))
		return -EEXIST;
	for (int i = 0; i < BLKDEV_NAMES; i++) {
		if (!names[i].dev) {
			strcpy(names[i].name, name);
			names[i].dev = dev;
			return 0;
		}
	}
	return -ENOSPC;
}

struct blkdev *blkdev_find(const char *name)
{
	for (int i = 0; i < BLKDEV_NAMES; i++)
		if (names[i].dev && strcmp(names[i].name, name) == 0)
			return names[i].dev;
	return NULL;
}

void blkdev_unregister(const char *name)
{
	for (int i = 0; i < BLKDEV_NAMES; i++)
		if (names[i].dev && strcmp(names[i].name, name) == 0)
			names[i].dev = NULL;
}
