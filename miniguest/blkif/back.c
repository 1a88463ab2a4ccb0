/* blkback: every vbd whose directory the toolstack makes under this
 * domain's backend/vbd/FE/N is served by threads of its own. A device is
 * served once; when its frontend goes, its directory stays as it was left. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "blkif/back.h"

#define MAX_VBDS 32

static struct vbd *vbds[MAX_VBDS];
static unsigned nvbds;

uint64_t blkback_requests(void)
{
	uint64_t n = 0;
	for (unsigned i = 0; i < nvbds; i++)
		n += vbds[i]->answered;
	return n;
}

static void run(void *arg)
{
	struct vbd *v = arg;
	if (blkback_connect(v) == 0)
		blkback_serve(v);
}

static void found(uint16_t fe, const char *dir, void *arg)
{
	(void)arg;
	if (nvbds == MAX_VBDS)
		return;
	struct vbd *v = calloc(1, sizeof(*v));
	if (!v)
		return;
	v->fe = fe;
	snprintf(v->dir, sizeof(v->dir), "%s", dir);
	vbds[nvbds++] = v;
	if (!thread_create("blkback", run, v, 32768))
		blkback_error(v, "no memory for a thread");
}

int blkback_start(void)
{
	return xenbus_back_watch("vbd", found, NULL);
}
