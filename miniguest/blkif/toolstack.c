/* The toolstack's part for disks (domain 0): each
 * disk=GUEST:PARAMS[:BACK][:ro] word (in the environment: the command
 * line's NAME=value words) gives domain GUEST a vbd served by domain BACK
 * (by default this one) from the disk PARAMS names there: a blkdev's name,
 * or ram:SIZE; read-only (mode r) with :ro. A guest's disks are numbered
 * as Xen numbers xvda, xvdb... (202 << 8 | index << 4), in the order of
 * the words. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "blkif/blkif.h"
#include "kernel/thread.h"
#include "kernel/time.h"
#include "xenbus/xenbus.h"

#define MAX_WORD 96
#define XVD_BASE (202u << 8)
#define MAX_GUESTS 64

static int key(const char *dir, const char *name, const char *value)
{
	char path[XENBUS_PATH + 24];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return xb_write(path, value);
}

/* One disk: 0 or -1 (said why). */
static int attach(char *word, unsigned *count)
{
	char *guest = word, *params = strchr(word, ':'), *back, *mode = "w";
	if (!params)
		return -1;
	*params++ = 0;
	/* ram:SIZE has a colon of its own. */
	if ((back = strchr(params + (strncmp(params, "ram:", 4) == 0 ? 4 : 0), ':')))
		*back++ = 0;
	char *last = back ? strrchr(back, ':') : NULL;
	if (last || (back && strcmp(back, "ro") == 0)) {
		char *opt = last ? last + 1 : back;
		if (strcmp(opt, "ro") != 0)
			return -1;
		mode = "r";
		if (last)
			*last = 0;
		else
			back = NULL;
	}
	long fe = xenbus_domid_of(guest), be = back ? xenbus_domid_of(back) : xb_domid();
	if (fe <= 0 || be < 0 || fe == be || fe >= MAX_GUESTS) {
		printf("blkif: disk for %s: no such domain (or the backend's)\n", guest);
		return -1;
	}
	unsigned vdev = XVD_BASE | count[fe]++ << 4;
	char be_dir[XENBUS_PATH], fe_dir[XENBUS_PATH], v[16];
	snprintf(be_dir, sizeof(be_dir), "/local/domain/%ld/backend/vbd/%ld/%u", be, fe, vdev);
	snprintf(fe_dir, sizeof(fe_dir), "/local/domain/%ld/device/vbd/%u", fe, vdev);
	snprintf(v, sizeof(v), "%u", vdev);
	if (xenbus_create("vbd", (uint16_t)fe, (uint16_t)be, vdev) < 0 ||
	    key(be_dir, "params", params) < 0 || key(be_dir, "mode", mode) < 0 ||
	    key(fe_dir, "virtual-device", v) < 0)
		return -1;
	printf("blkif: domain %ld gets vbd %u (%s%s) from domain %ld\n", fe, vdev, params,
	       *mode == 'r' ? ", read-only" : "", be);
	return 0;
}

int blkif_toolstack(char *const *words)
{
	static unsigned count[MAX_GUESTS];
	int made = 0;
	for (; words && *words; words++) {
		char word[MAX_WORD];
		if (strncmp(*words, "disk=", 5) != 0 || strlen(*words + 5) >= sizeof(word))
			continue;
		strcpy(word, *words + 5);
		if (attach(word, count) == 0)
			made++;
		else
			printf("blkif: %s: not attached\n", *words);
	}
	return made;
}
