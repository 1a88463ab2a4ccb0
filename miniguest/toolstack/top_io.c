/* top's I/O rates: the block requests and network packets each backend
 * counted for its frontends, read from the statistics its devices keep
 * under its backend directory in the store (xenbus/stats.c; this domain
 * runs the store, so these are local reads). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "toolstack/toolstack.h"
#include "xenbus/xenbus.h"

static const char *const blk_keys[] = { "rd_req", "wr_req", "f_req", "ds_req", NULL };
static const char *const net_keys[] = { "rx_packets", "tx_packets", NULL };

/* Names in a directory listing, one after another. */
#define FOR_NAMES(p, names) for (const char *p = (names); *p; p += strlen(p) + 1)

/* The sum of keys over every device of one frontend under dir. */
static uint64_t devices(const char *dir, const char *const *keys)
{
	char ns[256], path[XENBUS_PATH + 40];
	uint64_t sum = 0;

	if (xb_directory(dir, ns, sizeof(ns)) < 0)
		return 0;
	FOR_NAMES(n, ns)
		for (const char *const *k = keys; *k; k++) {
			snprintf(path, sizeof(path), "%s/%s/statistics/%s", dir, n, *k);
			long v = xb_read_num(path);
			sum += v > 0 ? (uint64_t)v : 0;
		}
	return sum;
}

static void scan(uint16_t be, const char *type, const char *const *keys, bool net,
		 top_io_add_t *add, void *arg)
{
	char base[XENBUS_PATH], dir[XENBUS_PATH + 8], fes[256];

	snprintf(base, sizeof(base), "/local/domain/%u/backend/%s", be, type);
	if (xb_directory(base, fes, sizeof(fes)) < 0)
		return;
	FOR_NAMES(fe, fes) {
		char *end;
		unsigned long id = strtoul(fe, &end, 10);
		if (*end || !*fe || id >= DOMID_FIRST_RESERVED)
			continue;
		snprintf(dir, sizeof(dir), "%s/%s", base, fe);
		uint64_t n = devices(dir, keys);
		add(arg, (uint16_t)id, net ? 0 : n, net ? n : 0);
	}
}

void top_io_scan(uint16_t be, top_io_add_t *add, void *arg)
{
	scan(be, "vbd", blk_keys, false, add, arg);
	scan(be, "vif", net_keys, true, add, arg);
}
