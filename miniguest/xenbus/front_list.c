/* A frontend's devices of one type, as the toolstack made them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xenbus/xenbus.h"

static int by_number(const void *a, const void *b)
{
	unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;

	return x < y ? -1 : x > y;
}

unsigned xenbus_front_list(const char *type, unsigned long limit, unsigned *ns, unsigned max)
{
	static char names[256];
	char path[XENBUS_PATH];
	unsigned n = 0;
	int me = xb_domid();

	if (me < 0)
		return 0;
	snprintf(path, sizeof(path), "/local/domain/%d/device/%s", me, type);
	if (xb_directory(path, names, sizeof(names)) < 0)
		return 0;
	for (const char *p = names; *p && n < max; p += strlen(p) + 1) {
		char *end;
		unsigned long v = strtoul(p, &end, 10);

		if (!*end && v < limit)
			ns[n++] = (unsigned)v;
	}
	qsort(ns, n, sizeof(ns[0]), by_number);
	return n;
}
