/* The store client's requests, one function each. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "store/client.h"

static char req[XENSTORE_PAYLOAD_MAX];

static int one_path(uint32_t type, uint32_t tx, const char *path, char *out, uint32_t max,
		    uint32_t *len)
{
	size_t n = strlen(path) + 1;
	if (n > sizeof(req))
		return -2;                      /* EINVAL */
	return xs_talk(type, tx, path, (uint32_t)n, out, max, len);
}

int xs_read(uint32_t tx, const char *path, char *value, uint32_t max)
{
	return one_path(XS_READ, tx, path, value, max, NULL);
}

int xs_rm(uint32_t tx, const char *path)
{
	return one_path(XS_RM, tx, path, NULL, 0, NULL);
}

int xs_directory(uint32_t tx, const char *path, char *names, uint32_t max)
{
	uint32_t len = 0;
	int rc = one_path(XS_DIRECTORY, tx, path, names, max, &len), n = 0;
	if (rc < 0)
		return rc;
	for (uint32_t i = 0; i < len; i++)
		n += names[i] == 0;
	return n;
}

int xs_write(uint32_t tx, const char *path, const char *value)
{
	size_t pl = strlen(path) + 1, vl = strlen(value);
	if (pl + vl > sizeof(req))
		return -2;
	memcpy(req, path, pl);
	memcpy(req + pl, value, vl);
	return xs_talk(XS_WRITE, tx, req, (uint32_t)(pl + vl), NULL, 0, NULL);
}

int xs_watch(const char *path, const char *token)
{
	int n = snprintf(req, sizeof(req), "%s%c%s", path, 0, token);
	if (n < 0 || (size_t)n + 1 > sizeof(req))
		return -2;
	return xs_talk(XS_WATCH, 0, req, (uint32_t)n + 1, NULL, 0, NULL);
}

int xs_transaction_start(uint32_t *tx)
{
	char id[16];
	int rc = xs_talk(XS_TRANSACTION_START, 0, "", 1, id, sizeof(id), NULL);
	if (rc == 0)
		*tx = (uint32_t)strtoul(id, NULL, 10);
	return rc;
}

int xs_transaction_end(uint32_t tx, bool commit)
{
	return xs_talk(XS_TRANSACTION_END, tx, commit ? "T" : "F", 2, NULL, 0, NULL);
}
