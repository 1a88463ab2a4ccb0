/* A backend's watch on its devices: every backend/TYPE/FE/N directory the
 * toolstack makes for this domain, handed over once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/thread.h"
#include "kernel/time.h"
#include "xenbus/xenbus.h"

#define MAX_DEVS 64
#define SECOND 1000000000ull

struct back_watch {
	char base[XENBUS_PATH];
	void (*found)(uint16_t fe, const char *dir, void *arg);
	void *arg;
	char seen[MAX_DEVS][XENBUS_PATH];
	unsigned nseen;
};

static bool known(struct back_watch *w, const char *dir)
{
	for (unsigned i = 0; i < w->nseen; i++)
		if (strcmp(w->seen[i], dir) == 0)
			return true;
	return false;
}

static void found(struct back_watch *w, const char *fe, const char *n)
{
	char dir[XENBUS_PATH], *end;
	unsigned long id = strtoul(fe, &end, 10);

	if (*end || !*fe || id >= DOMID_FIRST_RESERVED ||
	    snprintf(dir, sizeof(dir), "%s/%s/%s", w->base, fe, n) >= (int)sizeof(dir) ||
	    known(w, dir) || w->nseen == MAX_DEVS)
		return;
	strcpy(w->seen[w->nseen++], dir);
	w->found((uint16_t)id, dir, w->arg);
}

/* Names in a directory listing, one after another. */
#define FOR_NAMES(p, names) for (const char *p = (names); *p; p += strlen(p) + 1)

static void scan(struct back_watch *w)
{
	static char fes[512], ns[512];
	char path[XENBUS_PATH];

	if (xb_directory(w->base, fes, sizeof(fes)) < 0)
		return;
	FOR_NAMES(fe, fes) {
		if (snprintf(path, sizeof(path), "%s/%s", w->base, fe) >= (int)sizeof(path) ||
		    xb_directory(path, ns, sizeof(ns)) < 0)
			continue;
		FOR_NAMES(n, ns)
			found(w, fe, n);
	}
}

static void watcher(void *arg)
{
	struct back_watch *w = arg;

	xb_watch(w->base, "xenbus-back");
	for (;;) {
		unsigned seen = xb_events();
		scan(w);
		xb_wait(seen, time_now_ns() + SECOND);
	}
}

int xenbus_back_watch(const char *type, void (*fn)(uint16_t fe, const char *dir, void *arg),
		      void *arg)
{
	int me = xb_domid();
	struct back_watch *w = me < 0 ? NULL : calloc(1, sizeof(*w));

	if (!w)
		return -1;
	snprintf(w->base, sizeof(w->base), "/local/domain/%d/backend/%s", me, type);
	w->found = fn;
	w->arg = arg;
	return thread_create("xenbus-watch", watcher, w, 32768) ? 0 : -1;
}
