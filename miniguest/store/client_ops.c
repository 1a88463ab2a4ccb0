/* The store client's requests, one function each. */
#include <stdlib.h>
#include <string.h>
#include "store/client.h"

static int one_path(uint32_t type, uint32_t tx, const char *path, char *out, uint32_t max,
		    uint32_t *len)
{
	size_t n = strlen(path) + 1;
	if (n > XENSTORE_PAYLOAD_MAX)
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

/* Two strings, the first with its NUL; the second with its NUL too when
 * with_nul. */
static int two(uint32_t type, uint32_t tx, const char *a, const char *b, bool with_nul)
{
	size_t al = strlen(a) + 1, bl = strlen(b) + with_nul;
	if (al + bl > XENSTORE_PAYLOAD_MAX)
		return -2;                      /* EINVAL */
	return xs_talk2(type, tx, a, (uint32_t)al, b, (uint32_t)bl, NULL, 0, NULL);
}

int xs_write(uint32_t tx, const char *path, const char *value)
{
	return two(XS_WRITE, tx, path, value, false);
}

int xs_watch(const char *path, const char *token)
{
	return two(XS_WATCH, 0, path, token, true);
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
