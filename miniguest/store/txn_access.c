/* What a transaction touches, as Xen's store keeps it: every node it reads,
 * lists, writes, makes or removes, and the parent of one it makes or
 * removes (whose list of children changes). Each is noted the first time,
 * before the operation runs, with whether it was there: the transaction's
 * copy of the tree still holds the store as it was at the start for a
 * node it has not touched, unless the node lies below one it removed, and
 * that removal's check covers everything below it. */
#include <stdlib.h>
#include <string.h>
#include "internal.h"

static struct change *find(struct txn *x, const char *path)
{
	for (struct change *c = x->changes; c; c = c->next)
		if (strcmp(c->path, path) == 0)
			return c;
	return NULL;
}

static bool below_removal(const struct txn *x, const char *path)
{
	for (const struct change *c = x->changes; c; c = c->next)
		if (c->recursive && path_covers(c->path, path))
			return true;
	return false;
}

/* The first len bytes of path: noted, once. */
static int note(struct txn *x, const char *path, size_t len, bool recursive)
{
	char p[PATH_BUF];
	memcpy(p, path, len);
	p[len] = 0;
	struct change *c = find(x, p);
	if (!c) {
		if (x->nchanges >= TXN_MAX_CHANGES)
			return -XSE_ENOSPC;
		if (!(c = calloc(1, sizeof(*c))) || !(c->path = strdup(p))) {
			free(c);
			return -XSE_ENOMEM;
		}
		c->covered = below_removal(x, p);
		c->existed = node_find(&x->t, p) != NULL;
		c->next = x->changes;
		x->changes = c;
		x->nchanges++;
	}
	c->recursive |= recursive;
	return 0;
}

int txn_access(struct txn *x, struct op *o, uint32_t type)
{
	const char *arg = arg_str(o->arg, o->len, 0);
	char path[PATH_BUF];
	if (!arg || path_canon(o->s, o->dom, arg, path, false) < 0)
		return 0;                       /* the operation refuses it itself */
	int rc = note(x, path, strlen(path), type == XS_RM);
	if (rc < 0 || (type != XS_WRITE && type != XS_MKDIR && type != XS_RM))
		return rc;
	size_t at;
	node_deepest(&x->t, path, &at);
	if (type == XS_RM) {
		size_t up = (size_t)(strrchr(path, '/') - path);
		return path[at] || !path[1] ? 0 : note(x, path, up ? up : 1, false);
	}
	/* Making it: the deepest node there is and each one made below it. */
	if (!path[at])
		return 0;
	rc = note(x, path, at, false);
	for (size_t i = at + 1; path[i] && rc == 0; i++)
		if (path[i] == '/')
			rc = note(x, path, i, false);
	return rc;
}

int txn_note(struct txn *x, const char *path, bool recursive)
{
	int rc = note(x, path, strlen(path), recursive);
	if (rc == 0)
		find(x, path)->fire = true;
	return rc;
}
