/* blkback: every vbd whose directory the toolstack makes under this
 * domain's backend/vbd/FE/N is served by threads of its own. A device is
 * served once; when its frontend goes, its directory stays as it was left. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "blkif/back.h"
#include "kernel/time.h"

#define MAX_VBDS 32
#define SECOND 1000000000ull

static struct vbd *vbds[MAX_VBDS];
static unsigned nvbds;
static char base[XENBUS_PATH];

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

static bool known(const char *dir)
{
	for (unsigned i = 0; i < nvbds; i++)
		if (strcmp(vbds[i]->dir, dir) == 0)
			return true;
	return false;
}

static void found(const char *fe, const char *n)
{
	char dir[XENBUS_PATH];
	char *end;
	unsigned long id = strtoul(fe, &end, 10);
	if (*end || id >= DOMID_FIRST_RESERVED ||
	    snprintf(dir, sizeof(dir), "%s/%s/%s", base, fe, n) >= (int)sizeof(dir) ||
	    known(dir) || nvbds == MAX_VBDS)
		return;
	struct vbd *v = calloc(1, sizeof(*v));
	if (!v)
		return;
	v->fe = (uint16_t)id;
	strcpy(v->dir, dir);
	vbds[nvbds++] = v;
	if (!thread_create("blkback", run, v, 32768))
		blkback_error(v, "no memory for a thread");
}

/* Names in a directory listing, one after another. */
#define FOR_NAMES(p, names) for (const char *p = (names); *p; p += strlen(p) + 1)

static void scan(void)
{
	static char fes[512], ns[512];
	char path[XENBUS_PATH];
	if (xb_directory(base, fes, sizeof(fes)) < 0)
		return;
	FOR_NAMES(fe, fes) {
		if (snprintf(path, sizeof(path), "%s/%s", base, fe) >= (int)sizeof(path) ||
		    xb_directory(path, ns, sizeof(ns)) < 0)
			continue;
		FOR_NAMES(n, ns)
			found(fe, n);
	}
}

static void watcher(void *arg)
{
	(void)arg;
	xb_watch(base, "blkback");
	for (;;) {
		unsigned seen = xb_events();
		scan();
		xb_wait(seen, time_now_ns() + SECOND);
	}
}

int blkback_start(void)
{
	int me = xb_domid();
	if (me < 0)
		return -1;
	snprintf(base, sizeof(base), "/local/domain/%d/backend/vbd", me);
	return thread_create("blkback-watch", watcher, NULL, 32768) ? 0 : -1;
}
