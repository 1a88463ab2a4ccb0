/* Making a device's two directories as Xen's toolstack does: the
 * frontend's owned by the frontend domain and readable by the backend, the
 * backend's the other way round, each with the keys naming the other. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/thread.h"
#include "kernel/time.h"

#include "xenbus/xenbus.h"

static int dir(const char *path, uint16_t owner, uint16_t reader)
{
	char perms[16];
	int n = snprintf(perms, sizeof(perms), "n%u%cr%u", owner, 0, reader);
	if (xb_write(path, "") < 0)
		return -1;
	return xb_set_perms(path, perms, (uint32_t)n + 1);
}

static int key(const char *dir, const char *name, const char *value)
{
	char path[XENBUS_PATH + 16];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return xb_write(path, value);
}

static void paths(char *fe_dir, char *be_dir, const char *type, uint16_t fe, uint16_t be,
		  unsigned n)
{
	snprintf(fe_dir, XENBUS_PATH, "/local/domain/%u/device/%s/%u", fe, type, n);
	snprintf(be_dir, XENBUS_PATH, "/local/domain/%u/backend/%s/%u/%u", be, type, fe, n);
}

int xenbus_create(const char *type, uint16_t fe, uint16_t be, unsigned n)
{
	char fe_dir[XENBUS_PATH], be_dir[XENBUS_PATH], v[8];
	paths(fe_dir, be_dir, type, fe, be, n);
	/* The keys first, the state last: an end that sees a state sees all. */
	if (dir(be_dir, be, fe) < 0 || key(be_dir, "frontend", fe_dir) < 0)
		return -1;
	snprintf(v, sizeof(v), "%u", fe);
	if (key(be_dir, "frontend-id", v) < 0 || key(be_dir, "state", "1") < 0)
		return -1;
	if (dir(fe_dir, fe, be) < 0 || key(fe_dir, "backend", be_dir) < 0)
		return -1;
	snprintf(v, sizeof(v), "%u", be);
	if (key(fe_dir, "backend-id", v) < 0 || key(fe_dir, "state", "1") < 0)
		return -1;
	return 0;
}

void xenbus_destroy(const char *type, uint16_t fe, uint16_t be, unsigned n)
{
	char fe_dir[XENBUS_PATH], be_dir[XENBUS_PATH];
	paths(fe_dir, be_dir, type, fe, be, n);
	xb_rm(fe_dir);
	xb_rm(be_dir);
}

long xenbus_domid_of(const char *name)
{
	static char ids[512];
	char path[48], value[64];
	uint64_t end = time_now_ns() + 2000000000ull;
	do {
		if (xb_directory("/local/domain", ids, sizeof(ids)) == 0)
			for (const char *id = ids; *id; id += strlen(id) + 1) {
				snprintf(path, sizeof(path), "/local/domain/%s/name", id);
				if (xb_read(path, value, sizeof(value)) == 0 && strcmp(value, name) == 0)
					return strtol(id, NULL, 10);
			}
		thread_sleep_ns(100000000u);
	} while (time_now_ns() < end);
	return -1;
}
