/* The store as a driver sees it: a domain other than the server's talks
 * over its ring (store/client.c); the domain running the server asks it
 * directly, as domain 0. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/time.h"
#include "store/client.h"
#include "store/server.h"
#include "xenbus/xenbus.h"

static bool opened;

static bool here(void)
{
	if (xenstored_here())
		return true;
	if (!opened)
		opened = xs_open() == 0;
	return false;
}

static int ask(uint32_t type, const char *payload, uint32_t len, char *out, uint32_t max)
{
	if (here())
		return xenstored_ask(type, payload, len, out, max);
	if (!opened)
		return -1;
	uint32_t got;
	return xs_talk(type, 0, payload, len, out, max, &got);
}

int xb_read(const char *path, char *value, uint32_t max)
{
	return ask(XS_READ, path, (uint32_t)strlen(path) + 1, value, max);
}

long xb_read_num(const char *path)
{
	char v[16], *end;
	if (xb_read(path, v, sizeof(v)) < 0 || !v[0])
		return -1;
	unsigned long n = strtoul(v, &end, 10);
	return *end || n > 0x7fffffffu ? -1 : (long)n;
}

static int two(uint32_t type, const char *a, const char *b, bool nul)
{
	static char req[XENSTORE_PAYLOAD_MAX];
	size_t al = strlen(a) + 1, bl = strlen(b) + nul;
	if (al + bl > sizeof(req))
		return -1;
	memcpy(req, a, al);
	memcpy(req + al, b, bl);
	return ask(type, req, (uint32_t)(al + bl), NULL, 0);
}

int xb_write(const char *path, const char *value)
{
	return two(XS_WRITE, path, value, false);
}

int xb_watch(const char *path, const char *token)
{
	return two(XS_WATCH, path, token, true);
}

int xb_unwatch(const char *path, const char *token)
{
	return two(XS_UNWATCH, path, token, true);
}

int xb_directory(const char *path, char *names, uint32_t max)
{
	memset(names, 0, max);
	return ask(XS_DIRECTORY, path, (uint32_t)strlen(path) + 1, names, max - 1);
}

int xb_rm(const char *path)
{
	return ask(XS_RM, path, (uint32_t)strlen(path) + 1, NULL, 0);
}

int xb_set_perms(const char *path, const char *perms, uint32_t len)
{
	static char req[XENSTORE_PAYLOAD_MAX];
	size_t pl = strlen(path) + 1;
	if (pl + len > sizeof(req))
		return -1;
	memcpy(req, path, pl);
	memcpy(req + pl, perms, len);
	return ask(XS_SET_PERMS, req, (uint32_t)(pl + len), NULL, 0);
}

unsigned xb_events(void)
{
	return here() ? xenstored_events() : 0;
}

/* Threads that wait at once may take each other's events off the ring:
 * none waits longer than a tenth of a second before looking again. */
void xb_wait(unsigned seen, uint64_t deadline_ns)
{
	char path[XENBUS_PATH], token[XENBUS_PATH];
	uint64_t soon = time_now_ns() + 100000000u;
	if (soon < deadline_ns)
		deadline_ns = soon;
	if (here())
		xenstored_wait_event(&seen, deadline_ns);
	else if (opened)
		xs_next_event(path, token, sizeof(path), deadline_ns);
}

int xb_domid(void)
{
	return here() ? 0 : (int)xb_read_num("domid");     /* STORE-10 */
}
