/* netback: every vif whose directory the toolstack makes under this
 * domain's backend/vif/FE/N is connected by a thread of its own, then
 * served by the bridge's service thread (back_serve.c). A vif whose
 * frontend breaks its rings is served no more (NET-4). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "netif/vif.h"

static void run(void *arg)
{
	struct vif *v = arg;

	if (netback_connect(v) < 0)
		return;
	if (!netback_attach(v)) {
		netback_error(v, "the bridge has no port left");
		xenbus_back_close(&v->b);
		return;
	}
	v->connected = true;
	netback_kick();
}

static void found(uint16_t fe, const char *dir, void *arg)
{
	const char *n = strrchr(dir, '/') + 1;
	struct vif *v = calloc(1, sizeof(*v));

	(void)arg;
	if (!v)
		return;
	v->fe = fe;
	v->devno = (uint8_t)strtoul(n, NULL, 10);
	snprintf(v->dir, sizeof(v->dir), "%s", dir);
	if (!thread_create("netback-conn", run, v, 16384))
		netback_error(v, "no memory for a thread");
}

int netback_start(void)
{
	if (netback_serve_start() < 0)
		return -1;
	return xenbus_back_watch("vif", found, NULL);
}
